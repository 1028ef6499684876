package dev.khabar.article;

import static dev.khabar.support.Api.anonymous;
import static dev.khabar.support.Api.article;
import static dev.khabar.support.Api.create;
import static dev.khabar.support.Api.editor;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.khabar.support.Api;
import dev.khabar.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** States and transitions: what each move does, what it refuses, and who sees the article in each state. */
@QuarkusTest
class WorkflowTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Db db;

    @Test
    void draftIsPublishedUnpublishedAndArchivedWithVisibilityFollowing() {
        String tag = "wf-" + Api.unique();
        Map<String, Object> body = article("en", "Workflow " + tag);
        body.put("tags", List.of(tag));
        String id = create(body);
        String slug = editor().get("/api/v1/articles/" + id).path("slug");
        assertHidden(id, slug, tag);

        editor().post("/api/v1/articles/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("published"), "version", equalTo(2));
        assertVisible(id, slug, tag);
        Instant firstPublished = Instant.parse(anonymous().get("/api/v1/articles/" + id).path("publishedAt"));

        editor().post("/api/v1/articles/" + id + "/unpublish").then().statusCode(200)
                .body("status", equalTo("draft"), "version", equalTo(3));
        assertHidden(id, slug, tag);

        // Published again, it keeps its first publication time and so its place in lists.
        editor().post("/api/v1/articles/" + id + "/publish").then().statusCode(200)
                .body("publishedAt", equalTo(firstPublished.toString()));
        editor().post("/api/v1/articles/" + id + "/archive").then().statusCode(200)
                .body("status", equalTo("archived"), "version", equalTo(5));
        assertHidden(id, slug, tag);
        editor().get("/api/v1/articles?status=archived&tag=" + tag).then().body("items.id", contains(id));
        assertEquals("archived", db.value("select status from article where id = ?::uuid", id));
    }

    @Test
    void scheduledArticleTurnsVisibleByItselfWhenItsTimeComes() throws InterruptedException {
        String tag = "sched-" + Api.unique();
        Map<String, Object> body = article("ar", "مقال مجدول " + tag);
        body.put("tags", List.of(tag));
        String id = create(body);
        Instant at = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);

        editor().contentType(ContentType.JSON).body(Map.of("publishedAt", at.toString()))
                .post("/api/v1/articles/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("scheduled"), "publishedAt", equalTo(at.toString()));
        String scheduledTag = editor().get("/api/v1/articles/" + id).then().statusCode(200)
                .body("status", equalTo("scheduled")).extract().header("ETag");
        anonymous().get("/api/v1/articles/" + id).then().statusCode(404);
        anonymous().get("/api/v1/articles?tag=" + tag).then().body("items", empty());
        editor().get("/api/v1/articles?status=scheduled&tag=" + tag).then().body("items.id", contains(id));
        editor().get("/api/v1/articles?status=published&tag=" + tag).then().body("items", empty());

        long deadline = System.currentTimeMillis() + 15_000;
        while (anonymous().get("/api/v1/articles/" + id).statusCode() != 200) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the scheduled article did not turn visible");
            }
            Thread.sleep(200);
        }
        assertEquals(false, Instant.now().isBefore(at), "visible before its time");
        anonymous().get("/api/v1/articles?tag=" + tag).then().body("items.id", contains(id));
        String publishedTag = editor().get("/api/v1/articles/" + id).then()
                .body("status", equalTo("published"), "version", equalTo(2)).extract().header("ETag");
        // Same version, different bytes (the status reads differently): a different entity tag.
        assertNotEquals(scheduledTag, publishedTag);
    }

    @Test
    void illegalMovesAre409AndChangeNothing() {
        String id = create(article("en", "Moves " + Api.unique()));
        refused(editor().post("/api/v1/articles/" + id + "/unpublish"), "is draft");
        editor().post("/api/v1/articles/" + id + "/publish").then().statusCode(200);
        refused(editor().post("/api/v1/articles/" + id + "/publish"), "is published");
        editor().post("/api/v1/articles/" + id + "/archive").then().statusCode(200);
        refused(editor().post("/api/v1/articles/" + id + "/archive"), "is archived");
        refused(editor().post("/api/v1/articles/" + id + "/publish"), "is archived");
        assertEquals(3, ((Number) db.value("select version from article where id = ?::uuid", id)).intValue());
        assertEquals(3L, db.count("select count(*) from article_revision where article_id = ?::uuid", id));
    }

    @Test
    void unfinishedDraftIsSavedButNotPublished() {
        Map<String, Object> body = article("ar", "مسودة ناقصة " + Api.unique());
        body.remove("subtitle");
        body.remove("lead");
        body.remove("closing");
        String id = editor().contentType(ContentType.JSON).body(body).post("/api/v1/articles")
                .then().statusCode(201).body("lead", equalTo(""), "status", equalTo("draft")).extract().path("id");

        editor().post("/api/v1/articles/" + id + "/publish").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:khabar:problem:workflow"),
                        "errors.pointer", containsInAnyOrder("/subtitle", "/lead", "/closing"));
        assertEquals("draft", db.value("select status from article where id = ?::uuid", id));

        body.put("status", "published");
        editor().contentType(ContentType.JSON).body(body).post("/api/v1/articles").then().statusCode(400)
                .body("errors.pointer", containsInAnyOrder("/subtitle", "/lead", "/closing"));
    }

    @Test
    void replaceAndPatchNeverMoveTheWorkflow() {
        Map<String, Object> body = article("en", "Status " + Api.unique());
        String id = create(body);
        body.put("status", "published");
        editor().contentType(ContentType.JSON).body(body).put("/api/v1/articles/" + id).then().statusCode(409)
                .contentType(PROBLEM).body("type", equalTo("urn:khabar:problem:workflow"),
                        "errors[0].pointer", equalTo("/status"),
                        "detail", org.hamcrest.Matchers.containsString("/api/v1/articles/" + id + "/publish"));
        patch(id, "{\"status\": \"archived\"}").then().statusCode(409).body("errors[0].pointer", equalTo("/status"));
        patch(id, "{\"publishedAt\": \"2030-01-01T00:00:00Z\"}").then().statusCode(409)
                .body("errors[0].pointer", equalTo("/publishedAt"));
        assertEquals(1, ((Number) db.value("select version from article where id = ?::uuid", id)).intValue());

        // The body a read returned goes back as is: same status, same publication time.
        editor().post("/api/v1/articles/" + id + "/publish").then().statusCode(200);
        Map<String, Object> read = editor().get("/api/v1/articles/" + id).then().extract().jsonPath().getMap("");
        read.put("title", "Status changed");
        editor().contentType(ContentType.JSON).body(read).put("/api/v1/articles/" + id).then().statusCode(200)
                .body("title", equalTo("Status changed"), "status", equalTo("published"), "version", equalTo(3));
    }

    @Test
    void scheduledCreationNeedsAFutureTime() {
        Map<String, Object> body = article("en", "Scheduled " + Api.unique());
        body.put("status", "scheduled");
        editor().contentType(ContentType.JSON).body(body).post("/api/v1/articles").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/publishedAt"));
        body.put("publishedAt", Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS).toString());
        editor().contentType(ContentType.JSON).body(body).post("/api/v1/articles").then().statusCode(201)
                .body("status", equalTo("scheduled"));
    }

    @Test
    void patchChangesOnlyWhatItNames() {
        Map<String, Object> body = article("ar", "تعديل جزئي " + Api.unique());
        body.put("tags", List.of("روسيا"));
        body.put("image", Map.of("url", "https://cdn.example/a.jpg", "alt", "صورة"));
        String id = create(body);

        patch(id, "{\"title\": \"عنوان جديد\", \"tags\": [\"أذربيجان\", \"روسيا\"], \"image\": null}")
                .then().statusCode(200).body("title", equalTo("عنوان جديد"), "tags", contains("أذربيجان", "روسيا"),
                        "image", equalTo(null), "lead", equalTo(body.get("lead")), "version", equalTo(2),
                        "sections[0].bullets", equalTo(((Map<?, ?>) ((List<?>) body.get("sections")).get(0)).get("bullets")));
        // A draft may lose its lead; a published article may not.
        patch(id, "{\"lead\": null}").then().statusCode(200).body("lead", equalTo(""));
        patch(id, "{\"lead\": \"عاد\"}").then().statusCode(200);
        editor().post("/api/v1/articles/" + id + "/publish").then().statusCode(200);
        patch(id, "{\"lead\": null}").then().statusCode(400).body("errors[0].pointer", equalTo("/lead"));
        patch(id, "{\"tittle\": \"x\"}").then().statusCode(400).body("errors[0].pointer", equalTo("/tittle"));
        editor().contentType(ContentType.JSON).body("{\"title\": \"x\"}").patch("/api/v1/articles/" + id)
                .then().statusCode(415).contentType(PROBLEM);
        assertEquals("عنوان جديد", db.value("select title from article where id = ?::uuid", id));
    }

    @Test
    void editorsFilterByEveryStateAnonymousOnlyByPublished() {
        anonymous().get("/api/v1/articles?status=draft").then().statusCode(401);
        anonymous().get("/api/v1/articles?status=scheduled").then().statusCode(401);
        anonymous().get("/api/v1/articles?status=published").then().statusCode(200);
        editor().get("/api/v1/articles?status=archived").then().statusCode(200)
                .body("items.status", not(org.hamcrest.Matchers.hasItem(not(equalTo("archived")))));
    }

    private static io.restassured.response.Response patch(String id, String json) {
        return editor().contentType(Api.MERGE_PATCH).body(json).patch("/api/v1/articles/" + id);
    }

    private static void refused(io.restassured.response.Response response, String why) {
        response.then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:khabar:problem:workflow"),
                "errors[0].pointer", equalTo("/status"), "errors[0].detail", equalTo(why));
    }

    private static void assertVisible(String id, String slug, String tag) {
        anonymous().get("/api/v1/articles/" + id).then().statusCode(200);
        anonymous().queryParam("lang", "en").get("/api/v1/articles/slug/" + slug).then().statusCode(200);
        anonymous().get("/api/v1/articles?tag=" + tag).then().body("items.id", contains(id));
    }

    private static void assertHidden(String id, String slug, String tag) {
        anonymous().get("/api/v1/articles/" + id).then().statusCode(404);
        anonymous().queryParam("lang", "en").get("/api/v1/articles/slug/" + slug).then().statusCode(404);
        anonymous().get("/api/v1/articles?tag=" + tag).then().body("items", empty());
        editor().get("/api/v1/articles/" + id).then().statusCode(200);
    }
}
