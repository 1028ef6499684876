package dev.khabar.article;

import static dev.khabar.support.Api.anonymous;
import static dev.khabar.support.Api.editor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.khabar.support.Api;
import dev.khabar.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The history of an article: listing revisions, reading one, comparing two, restoring one; key holders only. */
@QuarkusTest
class RevisionTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String ACTOR = "admin-token";
    /** What a restore brings back: the content, not the workflow or the address. */
    private static final List<String> CONTENT = List.of("category", "title", "subtitle", "lead", "sections", "closing",
            "tags", "authors", "image");

    private static final String HEADING_1 = "تفاصيل التصويت";
    private static final String HEADING_2 = "ردود الفعل";
    private static final String BULLET_1 = "صوت مئة نائب لصالح المشروع.";
    private static final String BULLET_2 = "عارض المشروع ثلاثون نائبا.";
    private static final String BULLET_2_EDITED = "عارض المشروع خمسة وثلاثون نائبا وامتنع عشرة.";
    private static final String BULLET_3 = "رحبت الحكومة بالقرار ووعدت بتنفيذه سريعا.";

    @Inject
    Db db;

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> arabicArticle(String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("language", "ar");
        body.put("category", Map.of("name", "اقتصاد"));
        body.put("title", title);
        body.put("subtitle", "تصويت بأغلبية واضحة في جلسة مطولة");
        body.put("lead", "أقر البرلمان الموازنة العامة للعام المقبل بعد نقاش استمر حتى ساعة متأخرة.");
        body.put("sections", List.of(
                Map.of("heading", HEADING_1, "bullets", List.of(BULLET_1, BULLET_2)),
                Map.of("heading", HEADING_2, "bullets", List.of(BULLET_3))));
        body.put("closing", "ومن المتوقع أن تدخل الموازنة حيز التنفيذ مطلع العام المقبل.");
        body.put("tags", List.of("برلمان", "موازنة"));
        body.put("authors", List.of(Map.of("name", "ليلى حسن")));
        return body;
    }

    private static Map<String, Object> ok(Response response, int status) {
        response.then().log().ifValidationFails().statusCode(status).contentType(ContentType.JSON);
        return response.as(Map.class);
    }

    private static String revisions(String id) {
        return "/api/v1/articles/" + id + "/revisions";
    }

    private static String etag(String id, int version) {
        return "\"" + id + "-v" + version + "-json\"";
    }

    private static List<Map<String, Object>> items(Response response) {
        return response.jsonPath().getList("items");
    }

    private static Map<String, Object> summary(int version, String action, Object createdAt) {
        return Map.of("version", version, "action", action, "actor", ACTOR, "createdAt", createdAt);
    }

    private static void assertNotFound(Response response) {
        response.then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:khabar:problem:not-found"), "status", equalTo(404));
    }

    private static void assertUnauthorized(Response response) {
        response.then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer realm=\"khabar\""))
                .body("type", equalTo("urn:khabar:problem:unauthorized"), "status", equalTo(401));
    }

    private static Map<String, Object> bulletChange(String op, Integer fromIndex, Integer toIndex, String from, String to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("op", op);
        change.put("fromIndex", fromIndex);
        change.put("toIndex", toIndex);
        change.put("from", from);
        change.put("to", to);
        return change;
    }

    private static Map<String, Object> sectionChange(String op, int index, String heading, List<?> bullets) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("op", op);
        change.put("fromIndex", index);
        change.put("toIndex", index);
        change.put("heading", Map.of("from", heading, "to", heading));
        change.put("bullets", bullets);
        return change;
    }

    private static Map<String, Object> fieldChange(String field, Object from, Object to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("field", field);
        change.put("from", from);
        change.put("to", to);
        return change;
    }

    // ---------------------------------------------------------------- the story of one article

    @Test
    void everyWriteIsARevisionThatCanBeListedReadComparedAndRestored() {
        String title1 = "البرلمان يقر الموازنة العامة " + Api.unique();
        String title2 = "البرلمان يقر الموازنة العامة بعد نقاش طويل " + Api.unique();

        // 1: created
        Map<String, Object> body = arabicArticle(title1);
        Map<String, Object> v1 = ok(editor().contentType(ContentType.JSON).body(body).post("/api/v1/articles"), 201);
        String id = (String) v1.get("id");
        assertEquals(1, v1.get("version"));
        assertEquals("draft", v1.get("status"));

        // 2: replaced (a new title, the second bullet of the first section reworded)
        body.put("title", title2);
        body.put("sections", List.of(
                Map.of("heading", HEADING_1, "bullets", List.of(BULLET_1, BULLET_2_EDITED)),
                Map.of("heading", HEADING_2, "bullets", List.of(BULLET_3))));
        Map<String, Object> v2 = ok(editor().contentType(ContentType.JSON).body(body).put("/api/v1/articles/" + id), 200);
        assertEquals(2, v2.get("version"));
        assertEquals(v1.get("slug"), v2.get("slug"));

        // 3: patched (the charset is explicit: rest-assured encodes types it does not know as ISO-8859-1 by default)
        Map<String, Object> v3 = ok(editor().contentType(Api.MERGE_PATCH)
                .body(Map.of("lead", "نص تمهيدي جديد بعد التصويت.", "tags", List.of("برلمان", "اقتصاد")))
                .patch("/api/v1/articles/" + id), 200);
        assertEquals(3, v3.get("version"));

        // 4: published
        Map<String, Object> v4 = ok(editor().post("/api/v1/articles/" + id + "/publish"), 200);
        assertEquals(4, v4.get("version"));
        assertEquals("published", v4.get("status"));
        List<Map<String, Object>> writes = List.of(v1, v2, v3, v4);

        // The list, newest first, each revision dated by its write.
        Response all = editor().get(revisions(id));
        all.then().statusCode(200).contentType(ContentType.JSON).header("Cache-Control", "private, no-store");
        assertNull(all.header("Link"));
        assertNull(all.path("nextCursor"));
        assertEquals(List.of(summary(4, "published", v4.get("updatedAt")), summary(3, "patched", v3.get("updatedAt")),
                summary(2, "replaced", v2.get("updatedAt")), summary(1, "created", v1.get("updatedAt"))), items(all));

        // Two at a time: a cursor, then the rest and no cursor.
        Response first = editor().queryParam("limit", 2).get(revisions(id));
        first.then().statusCode(200);
        assertEquals(List.of(4, 3), first.jsonPath().getList("items.version"));
        String cursor = first.path("nextCursor");
        assertNotNull(cursor);
        assertTrue(first.header("Link").contains("cursor=" + cursor) && first.header("Link").contains("limit=2")
                && first.header("Link").endsWith(">; rel=\"next\""), first.header("Link"));
        Response second = editor().queryParam("limit", 2).queryParam("cursor", cursor).get(revisions(id));
        second.then().statusCode(200);
        assertEquals(items(all).subList(2, 4), items(second));
        assertNull(second.path("nextCursor"));
        assertNull(second.header("Link"));

        // Revision n is the article exactly as the write that made it returned it.
        Response revision1 = editor().get(revisions(id) + "/1");
        revision1.then().statusCode(200).contentType(ContentType.JSON).header("Cache-Control", "private, no-store")
                .body("version", equalTo(1), "action", equalTo("created"), "actor", equalTo(ACTOR),
                        "createdAt", equalTo(v1.get("updatedAt")));
        Map<String, Object> article1 = revision1.path("article");
        for (String field : List.of("title", "sections", "tags", "status", "slug", "language", "category", "lead")) {
            assertEquals(v1.get(field), article1.get(field), field);
        }
        assertEquals(v1, article1, "revision 1 is the body the create returned");
        for (int n = 2; n <= 4; n++) {
            assertEquals(writes.get(n - 1), editor().get(revisions(id) + "/" + n).then().statusCode(200)
                    .extract().path("article"), "revision " + n);
        }

        // 1 -> 2: the title, and the one bullet reworded in place.
        Map<String, Object> diff = ok(editor().get(revisions(id) + "/1/diff/2"), 200);
        assertEquals(1, diff.get("from"));
        assertEquals(2, diff.get("to"));
        assertEquals(List.of(fieldChange("title", title1, title2)), diff.get("fields"));
        assertEquals(List.of(
                sectionChange("changed", 0, HEADING_1, List.of(
                        bulletChange("unchanged", 0, 0, BULLET_1, BULLET_1),
                        bulletChange("changed", 1, 1, BULLET_2, BULLET_2_EDITED))),
                sectionChange("unchanged", 1, HEADING_2, List.of(
                        bulletChange("unchanged", 0, 0, BULLET_3, BULLET_3)))), diff.get("sections"));

        // Restore 1: its content at a new version; slug, language, status and publication time as they are now.
        Response restoring = editor().post(revisions(id) + "/1/restore");
        Map<String, Object> v5 = ok(restoring, 200);
        restoring.then().header("ETag", etag(id, 5)).header("Cache-Control", "no-store");
        assertEquals(5, v5.get("version"));
        assertEquals(title1, v5.get("title"));
        for (String field : CONTENT) {
            assertEquals(article1.get(field), v5.get(field), field);
        }
        for (String field : List.of("id", "slug", "language", "status", "publishedAt", "createdAt")) {
            assertEquals(v4.get(field), v5.get(field), field);
        }
        assertEquals("published", v5.get("status"));
        editor().get("/api/v1/articles/" + id).then().statusCode(200)
                .body("version", equalTo(5), "title", equalTo(title1), "status", equalTo("published"));
        anonymous().get("/api/v1/articles/" + id).then().statusCode(200).body("title", equalTo(title1));

        editor().get(revisions(id) + "/5").then().statusCode(200)
                .body("version", equalTo(5), "action", equalTo("restored"), "actor", equalTo(ACTOR),
                        "createdAt", equalTo(v5.get("updatedAt")), "article.title", equalTo(title1),
                        "article.status", equalTo("published"), "article.version", equalTo(5));
        assertEquals(List.of(5, 4, 3, 2, 1), editor().get(revisions(id)).jsonPath().getList("items.version"));
        // Against revision 1, only the workflow differs now.
        Map<String, Object> since1 = ok(editor().get(revisions(id) + "/1/diff/5"), 200);
        assertEquals(List.of(fieldChange("status", "draft", "published"),
                fieldChange("publishedAt", null, v4.get("publishedAt"))), since1.get("fields"));

        UUID uuid = UUID.fromString(id);
        assertEquals(5, db.value("select version from article where id = ?", uuid));
        assertEquals(title1, db.value("select title from article where id = ?", uuid));
        List<Object> actions = new ArrayList<>();
        db.rows("select action from article_revision where article_id = ? order by version", uuid)
                .forEach(row -> actions.add(row.get("action")));
        assertEquals(Arrays.asList("created", "replaced", "patched", "published", "restored"), actions);
    }

    @Test
    void workflowMovesAreRecordedWithTheirOwnActions() {
        Map<String, Object> body = arabicArticle("خبر يمر بكل المراحل " + Api.unique());
        String id = ok(editor().contentType(ContentType.JSON).body(body).post("/api/v1/articles"), 201).get("id")
                .toString();
        String later = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        editor().contentType(ContentType.JSON).body(Map.of("publishedAt", later))
                .post("/api/v1/articles/" + id + "/publish").then().statusCode(200).body("status", equalTo("scheduled"));
        editor().post("/api/v1/articles/" + id + "/unpublish").then().statusCode(200);
        editor().post("/api/v1/articles/" + id + "/archive").then().statusCode(200);

        assertEquals(List.of("archived", "unpublished", "scheduled", "created"),
                editor().get(revisions(id)).then().statusCode(200).extract().jsonPath().getList("items.action"));
        editor().get(revisions(id) + "/2").then().statusCode(200)
                .body("article.status", equalTo("scheduled"), "article.publishedAt", equalTo(later));
    }

    @Test
    void restoreHonoursIfMatch() {
        String original = "عنوان قبل التعديل " + Api.unique();
        Map<String, Object> body = arabicArticle(original);
        String id = ok(editor().contentType(ContentType.JSON).body(body).post("/api/v1/articles"), 201).get("id")
                .toString();
        body.put("title", "عنوان بعد التعديل " + Api.unique());
        editor().contentType(ContentType.JSON).body(body).put("/api/v1/articles/" + id).then().statusCode(200)
                .header("ETag", etag(id, 2));

        editor().header("If-Match", etag(id, 1)).post(revisions(id) + "/1/restore").then().statusCode(412)
                .contentType(PROBLEM).header("ETag", etag(id, 2))
                .body("type", equalTo("urn:khabar:problem:version-mismatch"), "status", equalTo(412),
                        "currentVersion", equalTo(2));
        UUID uuid = UUID.fromString(id);
        assertEquals(2, db.value("select version from article where id = ?", uuid));
        assertEquals(body.get("title"), db.value("select title from article where id = ?", uuid));
        assertEquals(2L, db.count("select count(*) from article_revision where article_id = ?", uuid));

        editor().header("If-Match", etag(id, 2)).post(revisions(id) + "/1/restore").then().statusCode(200)
                .header("ETag", etag(id, 3)).body("version", equalTo(3), "title", equalTo(original));
        assertEquals(3L, db.count("select count(*) from article_revision where article_id = ?", uuid));
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void anonymousCallersGet401OnEveryRevisionEndpoint() {
        String id = Api.create(Api.published(arabicArticle("خبر منشور وتاريخه محجوب " + Api.unique())));
        anonymous().get("/api/v1/articles/" + id).then().statusCode(200);

        assertUnauthorized(anonymous().get(revisions(id)));
        assertUnauthorized(anonymous().get(revisions(id) + "/1"));
        assertUnauthorized(anonymous().get(revisions(id) + "/1/diff/1"));
        assertUnauthorized(anonymous().post(revisions(id) + "/1/restore"));
        assertUnauthorized(anonymous().header("Authorization", "Bearer wrong").get(revisions(id)));
        assertEquals(1, db.value("select version from article where id = ?", UUID.fromString(id)));
    }

    @Test
    void unknownArticlesAndRevisionsAre404AndBadCursorsAre400() {
        String unknown = UUID.randomUUID().toString();
        assertNotFound(editor().get(revisions(unknown)));
        assertNotFound(editor().get(revisions(unknown) + "/1"));
        assertNotFound(editor().get(revisions(unknown) + "/1/diff/2"));
        assertNotFound(editor().post(revisions(unknown) + "/1/restore"));
        assertNotFound(editor().get(revisions("not-a-uuid")));
        assertNotFound(editor().get(revisions("not-a-uuid") + "/1"));

        Map<String, Object> body = arabicArticle("خبر بتاريخ قصير " + Api.unique());
        String id = Api.create(body);
        for (String missing : List.of("2", "0", "999999999", "abc", "-1", "1.0", "01x")) {
            assertNotFound(editor().get(revisions(id) + "/" + missing));
            assertNotFound(editor().post(revisions(id) + "/" + missing + "/restore"));
        }
        assertNotFound(editor().get(revisions(id) + "/1/diff/2"));
        assertNotFound(editor().get(revisions(id) + "/x/diff/1"));
        assertEquals(1, db.value("select version from article where id = ?", UUID.fromString(id)));

        for (String bad : List.of("nope", "AAAAAAAA", "%%")) {
            editor().queryParam("cursor", bad).get(revisions(id)).then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo("urn:khabar:problem:invalid-parameter"),
                            "errors[0].parameter", equalTo("cursor"));
        }
        editor().queryParam("limit", 0).get(revisions(id)).then().statusCode(400)
                .body("errors[0].parameter", equalTo("limit"));

        // Deleting the article takes its history with it.
        editor().delete("/api/v1/articles/" + id).then().statusCode(204);
        assertNotFound(editor().get(revisions(id)));
        assertNotFound(editor().get(revisions(id) + "/1"));
    }
}
