package dev.khabar.http;

import static dev.khabar.support.Api.anonymous;
import static dev.khabar.support.Api.article;
import static dev.khabar.support.Api.create;
import static dev.khabar.support.Api.editor;
import static dev.khabar.support.Api.published;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.khabar.support.Api;
import dev.khabar.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Entity tags, 304s, If-Match and caching headers, as a CDN, a browser and a careful editor client see them. */
@QuarkusTest
class ConditionalRequestsTest {

    private static final String PUBLIC_CACHE = "public, max-age=60, stale-while-revalidate=300";

    @Inject
    Db db;

    @Test
    void publicReadCarriesValidatorsAndCachingHeaders() {
        Map<String, Object> body = published(article("ar", "ترويسات " + Api.unique()));
        body.put("tags", List.of("روسيا"));
        String id = create(body);
        long category = ((Number) db.value("select category_id from article where id = ?::uuid", id)).longValue();
        long tag = ((Number) db.value("select t.id from tag t join article_tag at on at.tag_id = t.id "
                + "where at.article_id = ?::uuid", id)).longValue();

        Response read = anonymous().get("/api/v1/articles/" + id);
        read.then().statusCode(200)
                .header("ETag", equalTo("\"" + id + "-v1-json\""))
                .header("Cache-Control", equalTo(PUBLIC_CACHE))
                .header("Vary", equalTo("Accept, Authorization"))
                .header("Content-Language", equalTo("ar"))
                .header("Surrogate-Key", equalTo("article-" + id + " category-" + category + " tag-" + tag))
                .header("Last-Modified", matchesPattern("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"));
        Instant updated = Instant.parse(read.path("updatedAt"));
        assertEquals(updated.getEpochSecond(), httpDate(read.header("Last-Modified")).getEpochSecond());

        // Every representation has its own tag.
        anonymous().accept("text/plain").get("/api/v1/articles/" + id).then()
                .header("ETag", equalTo("\"" + id + "-v1-text\""));
        anonymous().get("/api/v1/articles/" + id + "?fields=id,title").then()
                .header("ETag", matchesPattern("\"" + id + "-v1-json-[0-9a-f]+\""));
        // What a key holder reads is never stored by a cache.
        editor().get("/api/v1/articles/" + id).then().header("Cache-Control", equalTo("private, no-store"));
    }

    @Test
    void currentCopyIs304WithoutBodyStaleCopyIs200() {
        Map<String, Object> body = published(article("en", "Revalidate " + Api.unique()));
        String id = create(body);
        Response first = anonymous().get("/api/v1/articles/" + id);
        String etag = first.header("ETag");
        String lastModified = first.header("Last-Modified");

        anonymous().header("If-None-Match", etag).get("/api/v1/articles/" + id).then().statusCode(304)
                .body(emptyString()).header("ETag", equalTo(etag)).header("Cache-Control", equalTo(PUBLIC_CACHE));
        anonymous().header("If-None-Match", "\"other\", W/" + etag).get("/api/v1/articles/" + id).then().statusCode(304);
        anonymous().header("If-None-Match", "*").get("/api/v1/articles/" + id).then().statusCode(304);
        anonymous().header("If-Modified-Since", lastModified).get("/api/v1/articles/" + id).then().statusCode(304);
        anonymous().header("If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT").get("/api/v1/articles/" + id)
                .then().statusCode(200);
        // If-None-Match decides when both are sent.
        anonymous().header("If-None-Match", "\"other\"").header("If-Modified-Since", lastModified)
                .get("/api/v1/articles/" + id).then().statusCode(200);
        anonymous().header("If-None-Match", etag).accept("text/plain").get("/api/v1/articles/" + id)
                .then().statusCode(200);

        body.put("title", "Revalidated");
        editor().contentType(ContentType.JSON).body(body).put("/api/v1/articles/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"" + id + "-v2-json\""));
        anonymous().header("If-None-Match", etag).get("/api/v1/articles/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"" + id + "-v2-json\"")).body("title", equalTo("Revalidated"));
    }

    @Test
    void staleIfMatchIs412AndWritesNothing() {
        Map<String, Object> body = article("ar", "تعارض " + Api.unique());
        String id = create(body);
        String v1 = editor().get("/api/v1/articles/" + id).header("ETag");
        body.put("title", "النسخة الثانية");
        editor().header("If-Match", v1).contentType(ContentType.JSON).body(body).put("/api/v1/articles/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"" + id + "-v2-json\""));

        body.put("title", "كتابة فوق تغيير لم يُقرأ");
        editor().header("If-Match", v1).contentType(ContentType.JSON).body(body).put("/api/v1/articles/" + id)
                .then().statusCode(412).contentType("application/problem+json")
                .header("ETag", equalTo("\"" + id + "-v2-json\""))
                .body("type", equalTo("urn:khabar:problem:version-mismatch"), "currentVersion", equalTo(2));
        editor().header("If-Match", v1).contentType(Api.MERGE_PATCH).body("{\"title\": \"x\"}")
                .patch("/api/v1/articles/" + id).then().statusCode(412);
        editor().header("If-Match", v1).post("/api/v1/articles/" + id + "/publish").then().statusCode(412);
        editor().header("If-Match", v1).delete("/api/v1/articles/" + id).then().statusCode(412);
        // Weak tags and tags of another article never match.
        editor().header("If-Match", "W/\"" + id + "-v2-json\"").delete("/api/v1/articles/" + id).then().statusCode(412);
        String other = create(article("en", "Other " + Api.unique()));
        editor().header("If-Match", "\"" + other + "-v2-json\"").delete("/api/v1/articles/" + id).then().statusCode(412);

        assertEquals("النسخة الثانية", db.value("select title from article where id = ?::uuid", id));
        assertEquals(2, ((Number) db.value("select version from article where id = ?::uuid", id)).intValue());

        // The tag of any representation of the current version, or *, lets the write through.
        editor().header("If-Match", "\"" + id + "-v2-text\"").post("/api/v1/articles/" + id + "/publish")
                .then().statusCode(200).header("ETag", equalTo("\"" + id + "-v3-json\""));
        editor().header("If-Match", "*").delete("/api/v1/articles/" + id).then().statusCode(204);
    }

    @Test
    void listPagesAreConditionalToo() {
        String tag = "cond-" + Api.unique();
        Map<String, Object> body = published(article("en", "Listed " + tag));
        body.put("tags", List.of(tag));
        String id = create(body);
        String url = "/api/v1/articles?tag=" + tag;

        Response page = anonymous().get(url);
        page.then().statusCode(200).header("ETag", startsWith("\"l-")).header("Cache-Control", equalTo(PUBLIC_CACHE))
                .header("Vary", equalTo("Accept, Authorization")).header("Surrogate-Key", equalTo("articles"));
        String etag = page.header("ETag");
        String lastModified = page.header("Last-Modified");
        anonymous().header("If-None-Match", etag).get(url).then().statusCode(304).body(emptyString());
        anonymous().header("If-Modified-Since", lastModified).get(url).then().statusCode(304);

        body.put("title", "Listed again " + tag);
        editor().contentType(ContentType.JSON).body(body).put("/api/v1/articles/" + id).then().statusCode(200);
        Response changed = anonymous().header("If-None-Match", etag).get(url);
        changed.then().statusCode(200);
        assertNotEquals(etag, changed.header("ETag"));
        // Deleting the only item changes the page too.
        editor().delete("/api/v1/articles/" + id).then().statusCode(204);
        anonymous().header("If-None-Match", changed.header("ETag")).get(url).then().statusCode(200);
    }

    private static Instant httpDate(String value) {
        return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }
}
