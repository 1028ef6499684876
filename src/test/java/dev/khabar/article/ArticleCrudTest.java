package dev.khabar.article;

import static dev.khabar.support.Api.anonymous;
import static dev.khabar.support.Api.article;
import static dev.khabar.support.Api.create;
import static dev.khabar.support.Api.editor;
import static dev.khabar.support.Api.published;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.khabar.support.Api;
import dev.khabar.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ArticleCrudTest {

    @Inject
    Db db;

    @Test
    void createsEnglishArticleWithEveryField() {
        Map<String, Object> body = published(article("en-gb", "Moscow urges Baku to restore ties " + Api.unique()));
        body.put("tags", List.of("Russia", "Azerbaijan", "russia"));
        body.put("authors", List.of(Map.of("name", "Layla Hassan"), Map.of("name", "John Smith")));
        body.put("image", Map.of("url", "https://cdn.example.com/baku.jpg", "alt", "The ministry", "caption", "Moscow",
                "credit", "Reuters", "width", 1600, "height", 900));
        body.put("publishedAt", "2026-11-29T11:30:00+03:00");

        String id = editor().contentType(ContentType.JSON).body(body).when().post("/api/v1/articles")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.matchesPattern(".*/api/v1/articles/[0-9a-f-]{36}"))
                .body("language", equalTo("en-GB"), "direction", equalTo("ltr"), "status", equalTo("published"),
                        "category.slug", equalTo("politics"), "category.name", equalTo("Politics"),
                        "tags", contains("Russia", "Azerbaijan"),
                        "authors.name", contains("Layla Hassan", "John Smith"),
                        "image.url", equalTo("https://cdn.example.com/baku.jpg"), "image.width", is(1600),
                        "image.credit", equalTo("Reuters"),
                        "publishedAt", equalTo("2026-11-29T08:30:00Z"), "version", is(1),
                        "wordCount", is(24), "readingTimeMinutes", is(1))
                .extract().path("id");

        UUID uuid = UUID.fromString(id);
        assertEquals(2L, db.count("select count(*) from article_tag where article_id = ?", uuid));
        assertEquals("Russia", db.value("select t.name from article_tag at join tag t on t.id = at.tag_id "
                + "where at.article_id = ? and at.position = 0", uuid));
    }

    @Test
    void whatGetReturnsCanBePutBackAsIs() {
        String id = create(published(article("en", "Round trip " + Api.unique())));
        Map<String, Object> got = editor().get("/api/v1/articles/" + id).then().statusCode(200).extract().as(Map.class);

        Map<String, Object> put = editor().contentType(ContentType.JSON).body(got).when().put("/api/v1/articles/" + id)
                .then().statusCode(200).extract().as(Map.class);

        for (String unchanged : List.of("id", "slug", "language", "title", "sections", "category", "createdAt",
                "publishedAt", "wordCount")) {
            assertEquals(got.get(unchanged), put.get(unchanged), unchanged);
        }
        assertEquals(2, put.get("version"));
    }

    @Test
    void replaceChangesContentKeepsSlugAndCountsVersions() {
        Map<String, Object> body = article("ar", "عنوان أول " + Api.unique());
        String id = create(body);
        String slug = editor().get("/api/v1/articles/" + id).then().extract().path("slug");

        body.put("title", "عنوان جديد تماما");
        body.put("category", Map.of("name", "اقتصاد"));
        body.put("sections", List.of(Map.of("heading", "قسم", "bullets", List.of("نقطة أولى", "نقطة ثانية", "ثالثة"))));
        editor().contentType(ContentType.JSON).body(body).when().put("/api/v1/articles/" + id)
                .then().statusCode(200)
                .body("slug", equalTo(slug), "title", equalTo("عنوان جديد تماما"), "version", is(2),
                        "category.slug", equalTo("اقتصاد"), "sections[0].bullets", contains("نقطة أولى", "نقطة ثانية", "ثالثة"));

        assertEquals("عنوان جديد تماما", db.value("select title from article where id = ?", UUID.fromString(id)));
        assertEquals(2, db.value("select version from article where id = ?", UUID.fromString(id)));
    }

    @Test
    void deleteRemovesTheArticleAndItsTagLinks() {
        Map<String, Object> body = article("en", "Short-lived " + Api.unique());
        body.put("tags", List.of("ephemeral"));
        String id = create(body);

        editor().delete("/api/v1/articles/" + id).then().statusCode(204).body(equalTo(""));

        editor().get("/api/v1/articles/" + id).then().statusCode(404);
        editor().delete("/api/v1/articles/" + id).then().statusCode(404).contentType("application/problem+json");
        assertEquals(0L, db.count("select count(*) from article where id = ?", UUID.fromString(id)));
        assertEquals(0L, db.count("select count(*) from article_tag where article_id = ?", UUID.fromString(id)));
    }

    @Test
    void unicodeIsKeptExactly() {
        String tricky = "Café ﻻ مُحَمَّد 😀👩🏽‍💻 e\u0301 \u200f" + Api.unique();
        Map<String, Object> body = article("ar", tricky);
        body.put("lead", "Latin inside عربي and back — «quotes» ‎mixed‏");
        String id = create(body);

        editor().get("/api/v1/articles/" + id).then().statusCode(200)
                .body("title", equalTo(tricky), "lead", equalTo("Latin inside عربي and back — «quotes» ‎mixed‏"));
        assertEquals(tricky, db.value("select title from article where id = ?", UUID.fromString(id)));
    }

    @Test
    void fieldsSelectsMembersOfASingleArticle() {
        String id = create(published(article("en", "Fields " + Api.unique())));

        anonymous().get("/api/v1/articles/" + id + "?fields=id,title").then().statusCode(200)
                .body("id", equalTo(id), "$", hasKey("title"), "$", not(hasKey("sections")), "$", not(hasKey("slug")));
    }

    @Test
    void readOnlyFieldsInTheBodyAreIgnored() {
        Map<String, Object> body = article("en", "Read-only " + Api.unique());
        body.put("id", "00000000-0000-0000-0000-000000000000");
        body.put("version", 99);
        body.put("wordCount", 1);
        body.put("direction", "rtl");

        editor().contentType(ContentType.JSON).body(body).when().post("/api/v1/articles").then().statusCode(201)
                .body("id", not(equalTo("00000000-0000-0000-0000-000000000000")), "version", is(1),
                        "direction", equalTo("ltr"), "wordCount", not(is(1)));
    }

    @Test
    void putOnUnknownIdIs404AndCreatesNothing() {
        String missing = UUID.randomUUID().toString();
        editor().contentType(ContentType.JSON).body(article("en", "Ghost " + Api.unique()))
                .when().put("/api/v1/articles/" + missing).then().statusCode(404);
        assertEquals(0L, db.count("select count(*) from article where id = ?", UUID.fromString(missing)));
    }

    @Test
    void draftGetsPublishedAtWhenPublished() {
        Map<String, Object> body = article("en", "Later " + Api.unique());
        String id = create(body);
        editor().get("/api/v1/articles/" + id).then().body("publishedAt", nullValue());

        editor().post("/api/v1/articles/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("published"), "publishedAt", org.hamcrest.Matchers.notNullValue());
        anonymous().get("/api/v1/articles/" + id).then().statusCode(200);
    }
}
