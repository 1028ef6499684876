package dev.khabar.article;

import static dev.khabar.support.Api.anonymous;
import static dev.khabar.support.Api.article;
import static dev.khabar.support.Api.create;
import static dev.khabar.support.Api.editor;
import static dev.khabar.support.Api.published;
import static org.hamcrest.Matchers.equalTo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.khabar.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class SlugTest {

    private static String slugOf(String id) {
        return editor().get("/api/v1/articles/" + id).then().extract().path("slug");
    }

    private static String encoded(String slug) {
        return URLEncoder.encode(slug, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void arabicTitleGivesArabicSlugWithMarksKept() {
        String word = "مُحَمَّد";
        String u = Api.unique();
        String id = create(article("ar", "تصاعد الأزمة: " + word + "، و«موسكو» تدعو! " + u));

        org.junit.jupiter.api.Assertions.assertEquals("تصاعد-الأزمة-" + word + "-و-موسكو-تدعو-" + u, slugOf(id));
    }

    @Test
    void duplicateTitlesGetNumberedSlugsPerLanguage() {
        String title = "Same title " + Api.unique();
        String first = create(article("en", title));
        String second = create(article("en", title));
        String third = create(article("en", title));
        String french = create(article("fr", title));

        String base = slugOf(first);
        org.junit.jupiter.api.Assertions.assertEquals(base + "-2", slugOf(second));
        org.junit.jupiter.api.Assertions.assertEquals(base + "-3", slugOf(third));
        org.junit.jupiter.api.Assertions.assertEquals(base, slugOf(french));
    }

    @Test
    void percentEncodedAndDecomposedSlugsFindTheArticle() {
        String u = Api.unique();
        String id = create(published(article("ar", "إعادة العلاقات " + u)));
        String slug = slugOf(id);

        // The client sends the path percent-encoded, as a browser does.
        anonymous().urlEncodingEnabled(false).get("/api/v1/articles/slug/" + encoded(slug))
                .then().statusCode(200).body("id", equalTo(id));
        // The same slug typed in decomposed form (NFD: the hamza as a combining mark) is normalised to NFC.
        String nfd = Normalizer.normalize(slug, Normalizer.Form.NFD);
        org.junit.jupiter.api.Assertions.assertNotEquals(slug, nfd);
        anonymous().urlEncodingEnabled(false).get("/api/v1/articles/slug/" + encoded(nfd))
                .then().statusCode(200).body("id", equalTo(id));
        anonymous().get("/api/v1/articles/slug/{slug}", slug).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void slugStaysWhenTheTitleChanges() {
        Map<String, Object> body = article("en", "Original title " + Api.unique());
        String id = create(body);
        String slug = slugOf(id);

        body.put("title", "A completely different title");
        editor().contentType(ContentType.JSON).body(body).put("/api/v1/articles/" + id)
                .then().statusCode(200).body("slug", equalTo(slug));
    }

    @Test
    void longTitleIsCutAtAWordBoundaryWithin80CodePoints() {
        String u = Api.unique();
        String title = u + " " + "العلاقات الدبلوماسية ".repeat(10);
        String slug = slugOf(create(article("ar", title)));

        org.junit.jupiter.api.Assertions.assertTrue(slug.codePointCount(0, slug.length()) <= 80, slug);
        org.junit.jupiter.api.Assertions.assertTrue(slug.endsWith("-العلاقات") || slug.endsWith("-الدبلوماسية"), slug);
    }

    @Test
    void titlesAtTheLengthLimitStillGetNumberedSlugs() {
        String title = "a".repeat(70) + " " + Api.unique();
        java.util.Set<String> slugs = new java.util.HashSet<>();
        for (int i = 0; i < 4; i++) {
            slugs.add(slugOf(create(article("en", title))));
        }
        org.junit.jupiter.api.Assertions.assertEquals(4, slugs.size(), slugs.toString());
    }

    @Test
    void explicitSlugIsUsedAndATakenOneIsAConflict() {
        String slug = "baku-talks-" + Api.unique();
        Map<String, Object> body = article("en", "Talks");
        body.put("slug", slug);
        create(body);

        editor().contentType(ContentType.JSON).body(body).post("/api/v1/articles")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:khabar:problem:slug-taken"), "slug", equalTo(slug),
                        "errors[0].pointer", equalTo("/slug"));
    }

    @Test
    void malformedExplicitSlugIsRefusedWithASuggestion() {
        Map<String, Object> body = article("en", "Talks " + Api.unique());
        body.put("slug", "Not A Slug!");

        editor().contentType(ContentType.JSON).body(body).post("/api/v1/articles")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/slug"),
                        "errors[0].detail", org.hamcrest.Matchers.containsString("'not-a-slug'"));
    }

    @Test
    void unknownSlugIs404Problem() {
        anonymous().get("/api/v1/articles/slug/no-such-slug-" + Api.unique()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void slugSharedAcrossLanguagesIsChosenWithLang() {
        String slug = "covid-" + Api.unique();
        Map<String, Object> en = published(article("en", "Covid"));
        en.put("slug", slug);
        Map<String, Object> fr = published(article("fr", "Covid"));
        fr.put("slug", slug);
        String enId = create(en);
        String frId = create(fr);

        anonymous().get("/api/v1/articles/slug/" + slug).then().statusCode(200).body("id", equalTo(enId));
        anonymous().get("/api/v1/articles/slug/" + slug + "?lang=fr").then().statusCode(200).body("id", equalTo(frId));
    }
}
