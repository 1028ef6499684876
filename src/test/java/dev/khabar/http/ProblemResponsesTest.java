package dev.khabar.http;

import static dev.khabar.support.Api.anonymous;
import static dev.khabar.support.Api.article;
import static dev.khabar.support.Api.create;
import static dev.khabar.support.Api.editor;
import static dev.khabar.support.Api.repeat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.khabar.support.Api;
import dev.khabar.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Every error is an RFC 9457 problem with the right status, and a refused write changes nothing. */
@QuarkusTest
class ProblemResponsesTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Db db;

    private static ValidatableResponse post(Object body) {
        return editor().contentType(ContentType.JSON).body(body).when().post("/api/v1/articles").then();
    }

    private static ValidatableResponse postRaw(String json) {
        return editor().contentType(ContentType.JSON).body(json).when().post("/api/v1/articles").then();
    }

    private static void assertInvalid(Map<String, Object> body, String pointer) {
        post(body).statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:khabar:problem:validation"), "status", equalTo(400),
                        "instance", equalTo("/api/v1/articles"), "errors.pointer", hasItem(pointer));
    }

    @Test
    void unknownRouteIs404Problem() {
        anonymous().get("/api/v2/nothing-here").then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404), "title", equalTo("Not Found"), "instance", equalTo("/api/v2/nothing-here"));
        anonymous().get("/favicon-nope.ico").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void unknownIdAndNonUuidIdAre404Problems() {
        anonymous().get("/api/v1/articles/" + java.util.UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:khabar:problem:not-found"));
        anonymous().get("/api/v1/articles/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
        anonymous().get("/api/v1/articles/..%2F..%2Fetc%2Fpasswd").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void wrongMethodIs405WithAllow() {
        editor().contentType(ContentType.JSON).body("{}").patch("/api/v1/articles").then().statusCode(405)
                .contentType(PROBLEM).header("Allow", equalTo("GET, HEAD, OPTIONS, POST")).body("status", equalTo(405));
    }

    @Test
    void unacceptableAcceptIs406() {
        anonymous().accept("application/xml").get("/api/v1/articles").then().statusCode(406).contentType(PROBLEM)
                .body("status", equalTo(406), "detail", containsString("application/xml"));
        String id = create(Api.published(article("en", "Accept " + Api.unique())));
        anonymous().accept("image/png").get("/api/v1/articles/" + id).then().statusCode(406).contentType(PROBLEM);
    }

    @Test
    void wrongContentTypeIs415() {
        editor().contentType("application/xml").body("<article/>").post("/api/v1/articles").then().statusCode(415)
                .contentType(PROBLEM).body("status", equalTo(415));
        editor().contentType(ContentType.JSON).body("{}").post("/api/v1/articles/import").then().statusCode(415)
                .contentType(PROBLEM);
    }

    @Test
    void malformedJsonIs400() {
        postRaw("{\"title\": ").statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:khabar:problem:malformed-body"), "detail", containsString("line 1"));
        postRaw("[1, 2]").statusCode(400).contentType(PROBLEM);
        postRaw("{} trailing").statusCode(400).contentType(PROBLEM);
        postRaw("").statusCode(400).contentType(PROBLEM);
    }

    @Test
    void unknownFieldWrongTypeAndDuplicateKeyAre400WithPointer() {
        postRaw("{\"tittle\": \"typo\"}").statusCode(400).contentType(PROBLEM)
                .body("errors[0].pointer", equalTo("/tittle"), "errors[0].detail", containsString("unknown field"));
        postRaw("{\"title\": 42}").statusCode(400).body("errors[0].pointer", equalTo("/title"));
        postRaw("{\"image\": {\"url\": \"https://x.example/a.jpg\", \"width\": \"wide\"}}").statusCode(400)
                .body("errors[0].pointer", equalTo("/image/width"));
        postRaw("{\"status\": \"deleted\"}").statusCode(400).body("errors[0].pointer", equalTo("/status"));
        postRaw("{\"publishedAt\": \"tomorrow\"}").statusCode(400).body("errors[0].pointer", equalTo("/publishedAt"));
        postRaw("{\"title\": \"a\", \"title\": \"b\"}").statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("title"));
    }

    @Test
    void missingRequiredFieldsAreAllListed() {
        post(Map.of()).statusCode(400).contentType(PROBLEM)
                .body("errors.pointer", org.hamcrest.Matchers.containsInAnyOrder("/language", "/category", "/title"));
        post(Map.of("status", "published")).statusCode(400).contentType(PROBLEM)
                .body("errors.pointer", org.hamcrest.Matchers.containsInAnyOrder("/language", "/category", "/title",
                        "/subtitle", "/lead", "/closing"));
    }

    @Test
    void limitsAreEnforcedWithPointers() {
        Map<String, Object> body = article("en", "t".repeat(301));
        assertInvalid(body, "/title");

        body = article("en", "Limits " + Api.unique());
        body.put("sections", List.of(Map.of("heading", "h".repeat(301), "bullets", List.of("ok"))));
        assertInvalid(body, "/sections/0/heading");

        body.put("sections", List.of(Map.of("heading", "h", "bullets", List.of("ok")),
                Map.of("heading", "h", "bullets", List.of("ok", "ok", "b".repeat(2001)))));
        assertInvalid(body, "/sections/1/bullets/2");

        body.put("sections", repeat(Map.of("heading", "h", "bullets", List.of("ok")), 51));
        assertInvalid(body, "/sections");

        body.put("sections", List.of(Map.of("heading", "h", "bullets", repeat("ok", 51))));
        assertInvalid(body, "/sections/0/bullets");

        body.put("sections", List.of(Map.of("heading", "h", "bullets", List.of())));
        assertInvalid(body, "/sections/0/bullets");
    }

    @Test
    void atTheLimitsIsAccepted() {
        Map<String, Object> body = article("en", "t".repeat(290) + " " + Api.unique().substring(0, 8));
        body.put("sections", repeat(Map.of("heading", "h".repeat(300), "bullets", repeat("b".repeat(2000), 1)), 50));
        post(body).statusCode(201);
        body = article("en", "Fifty bullets " + Api.unique());
        body.put("sections", List.of(Map.of("heading", "h", "bullets", repeat("b", 50))));
        post(body).statusCode(201);
    }

    @Test
    void nearlyOneMebibyteOfDistinctWordsIsStoredNotRefusedByTheIndex() {
        // Close to 1 MiB of words that never repeat: the worst case for the search index.
        java.util.Random random = new java.util.Random(7);
        List<Object> sections = new java.util.ArrayList<>();
        for (int s = 0; s < 45; s++) {
            List<Object> bullets = new java.util.ArrayList<>();
            for (int b = 0; b < 45; b++) {
                StringBuilder bullet = new StringBuilder();
                while (bullet.length() < 440) {
                    bullet.append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36), 0, 6).append(' ');
                }
                bullets.add(bullet.toString().strip());
            }
            sections.add(Map.of("heading", "h" + s, "bullets", bullets));
        }
        Map<String, Object> body = Api.published(article("en", "Enormous " + Api.unique()));
        body.put("sections", sections);
        post(body).statusCode(201);
    }

    @Test
    void controlCharactersAndBrokenUnicodeAreRefused() {
        assertInvalid(article("en", "Line\nbreak"), "/title");
        assertInvalid(article("en", "Nul\u0000char"), "/title");
        Map<String, Object> body = article("en", "Surrogate " + Api.unique());
        body.put("lead", "half \uD83D pair");
        assertInvalid(body, "/lead");
        // The same, written as a JSON escape.
        postRaw("{\"language\":\"en\",\"category\":{\"name\":\"x\"},\"title\":\"a\\ud800b\",\"subtitle\":\"s\","
                + "\"lead\":\"l\",\"closing\":\"c\"}").statusCode(400).body("errors.pointer", hasItem("/title"));
    }

    @Test
    void datesOutsideYearsOneTo9999AreRefused() {
        Map<String, Object> body = article("en", "Far future " + Api.unique());
        body.put("publishedAt", "+300000-01-01T00:00:00Z");
        assertInvalid(body, "/publishedAt");
        anonymous().urlEncodingEnabled(false).get("/api/v1/articles?publishedAfter=%2B300000-01-01").then()
                .statusCode(400).body("errors[0].parameter", equalTo("publishedAfter"));
        anonymous().urlEncodingEnabled(false).get("/api/v1/search?q=x&publishedBefore=-5000-01-01").then()
                .statusCode(400).body("errors[0].parameter", equalTo("publishedBefore"));
    }

    @Test
    void malformedCategorySlugAndLineSeparatorsAreRefused() {
        Map<String, Object> body = article("en", "Category slug " + Api.unique());
        body.put("category", Map.of("slug", "Bad Slug,x", "name", "Whatever"));
        assertInvalid(body, "/category/slug");
        assertInvalid(article("en", "Line\u2028separator"), "/title");
        assertInvalid(article("en", "Paragraph\u2029separator"), "/title");
    }

    @Test
    void badLanguageImageAndTagsAreRefused() {
        assertInvalid(article("english please", "Lang " + Api.unique()), "/language");
        Map<String, Object> body = article("en", "Image " + Api.unique());
        body.put("image", Map.of("url", "javascript:alert(1)", "width", 0));
        post(body).statusCode(400).body("errors.pointer", org.hamcrest.Matchers.hasItems("/image/url", "/image/width"));
        body = article("en", "Tags " + Api.unique());
        body.put("tags", List.of("ok", "!!!"));
        assertInvalid(body, "/tags/1");
        body.put("tags", repeat("t", 51));
        assertInvalid(body, "/tags");
    }

    @Test
    void bodyOverOneMebibyteIs413AndStoresNothing() {
        long before = db.count("select count(*) from article");
        String huge = "{\"language\":\"en\",\"title\":\"" + "x".repeat(1024 * 1024) + "\"}";

        postRaw(huge).statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("urn:khabar:problem:body-too-large"), "status", equalTo(413));
        assertEquals(before, db.count("select count(*) from article"));
    }

    @Test
    void writesNeedTheTokenAndAWrongTokenIsRefusedEverywhere() {
        anonymous().contentType(ContentType.JSON).body(article("en", "No token")).post("/api/v1/articles")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"khabar\""));
        anonymous().delete("/api/v1/articles/" + java.util.UUID.randomUUID()).then().statusCode(401);
        anonymous().header("Authorization", "Bearer wrong").get("/api/v1/articles").then().statusCode(401)
                .contentType(PROBLEM).header("WWW-Authenticate", startsWith("Bearer realm=\"khabar\", error=\"invalid_token\""));
        anonymous().header("Authorization", "Basic dXNlcjpwYXNz").contentType(ContentType.JSON)
                .body(article("en", "Basic")).post("/api/v1/articles").then().statusCode(401);
    }

    @Test
    void refusedWriteLeavesTheDatabaseAsItWas() {
        Map<String, Object> body = article("en", "Keep me " + Api.unique());
        String id = create(body);
        Object before = db.rows("select title, version, sections::text from article where id = ?::uuid", id);

        body.put("title", "");
        editor().contentType(ContentType.JSON).body(body).put("/api/v1/articles/" + id).then().statusCode(400);
        editor().contentType(ContentType.JSON).body("{\"title\": 1}").put("/api/v1/articles/" + id).then().statusCode(400);

        assertEquals(before, db.rows("select title, version, sections::text from article where id = ?::uuid", id));
    }
}
