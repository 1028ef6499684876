package dev.khabar.change;

import static dev.khabar.support.Api.anonymous;
import static dev.khabar.support.Api.article;
import static dev.khabar.support.Api.editor;
import static dev.khabar.support.Api.published;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.khabar.support.Api;
import dev.khabar.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The change feed end to end: what key holders and anonymous readers see after each kind of write, dedup, scheduled
 * publication, paging and cursors. Every test starts from the end of the feed as it is when the test begins (the
 * database is shared with other test classes), and writes its own articles.
 */
@QuarkusTest
class ChangeFeedTest {

    private static final String CHANGES = "/api/v1/changes";
    private static final String PROBLEM = "application/problem+json";
    private static final Set<String> ENTRY_KEYS = Set.of("id", "slug", "language", "change", "version", "at");

    @Inject
    Db db;

    // ---------------------------------------------------------------- helpers

    private static RequestSpecification as(boolean editorial) {
        return editorial ? editor() : anonymous();
    }

    /** One page of the feed, checked for the headers every 200 carries. */
    private static Response page(boolean editorial, String since, Integer limit) {
        RequestSpecification request = as(editorial);
        if (since != null) {
            request.queryParam("since", since);
        }
        if (limit != null) {
            request.queryParam("limit", limit);
        }
        Response response = request.when().get(CHANGES);
        response.then().statusCode(200).contentType(ContentType.JSON)
                .header("Cache-Control", editorial ? "private, no-store" : "no-cache")
                .header("Vary", "Accept, Authorization");
        Boolean hasMore = response.path("hasMore");
        String next = response.path("nextCursor");
        assertTrue(next != null && !next.isEmpty(), "nextCursor is never null");
        if (hasMore) {
            assertTrue(response.header("Link") != null && response.header("Link").contains("since=" + next)
                    && response.header("Link").endsWith(">; rel=\"next\""), "Link: " + response.header("Link"));
        } else {
            assertNull(response.header("Link"), "no Link on the last page");
        }
        return response;
    }

    /** Walks the feed from its beginning to its end and returns the cursor that ends it. */
    private static String end(boolean editorial) {
        String cursor = null;
        for (int pages = 0; pages < 10_000; pages++) {
            Response response = page(editorial, cursor, 1000);
            cursor = response.path("nextCursor");
            if (!(Boolean) response.path("hasMore")) {
                return cursor;
            }
        }
        throw new AssertionError("the feed does not end");
    }

    /** Everything after {@code since}, in one read (each of our tests makes far fewer than 1000 changes). */
    private static Response after(boolean editorial, String since) {
        Response response = page(editorial, since, 1000);
        assertEquals(false, response.path("hasMore"));
        return response;
    }

    private static List<Map<String, Object>> items(Response response) {
        return response.jsonPath().getList("items");
    }

    /**
     * The entries of the public feed that concern the given articles. The public feed also carries scheduled
     * publications of other test classes when their time comes, so public reads are narrowed to our own articles;
     * the editorial feed is asserted whole (only writes add to it, and test classes do not run at the same time).
     */
    private static List<Map<String, Object>> about(Response response, String... ids) {
        Set<String> wanted = Set.of(ids);
        return items(response).stream().filter(item -> wanted.contains(item.get("id"))).toList();
    }

    private static void assertEntry(Map<String, Object> entry, Map<String, Object> article, String change, int version) {
        assertEquals(ENTRY_KEYS, entry.keySet(), "entry members");
        assertEquals(article.get("id"), entry.get("id"));
        assertEquals(article.get("slug"), entry.get("slug"));
        assertEquals(article.get("language"), entry.get("language"));
        assertEquals(change, entry.get("change"));
        assertEquals(version, entry.get("version"));
        Instant.parse((String) entry.get("at"));
    }

    private static void assertAtBetween(Map<String, Object> entry, Instant from, Instant to) {
        Instant at = Instant.parse((String) entry.get("at"));
        assertFalse(at.isBefore(from), "at " + at + " is not before " + from);
        assertFalse(at.isAfter(to), "at " + at + " is not after " + to);
    }

    private static Map<String, Object> write(Response response, int status) {
        response.then().statusCode(status);
        return response.as(Map.class);
    }

    private static Map<String, Object> post(Map<String, Object> body) {
        return write(editor().contentType(ContentType.JSON).body(body).when().post("/api/v1/articles"), 201);
    }

    private static Map<String, Object> move(String id, String transition) {
        return write(editor().when().post("/api/v1/articles/" + id + "/" + transition), 200);
    }

    private static void assertInvalidParameter(Response response, String parameter) {
        response.then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:khabar:problem:invalid-parameter"), "status", equalTo(400),
                        "instance", equalTo(CHANGES), "errors.size()", equalTo(1),
                        "errors[0].parameter", equalTo(parameter));
    }

    // ---------------------------------------------------------------- visibility

    @Test
    void draftIsInTheEditorialFeedOnly() {
        String editorial = end(true);
        String pub = end(false);
        Instant before = Instant.now();

        Map<String, Object> draft = post(article("ar", "مسودة لم تنشر " + Api.unique()));
        assertEquals("draft", draft.get("status"));

        Response seen = after(true, editorial);
        List<Map<String, Object>> items = items(seen);
        assertEquals(1, items.size(), items.toString());
        assertEntry(items.get(0), draft, "changed", 1);
        assertAtBetween(items.get(0), before, Instant.now());
        assertNotEquals(editorial, (String) seen.path("nextCursor"));

        Response hidden = after(false, pub);
        assertEquals(List.of(), about(hidden, (String) draft.get("id")));
        anonymous().get("/api/v1/articles/" + draft.get("id")).then().statusCode(404);
    }

    @Test
    void publishAppearsToAnonymousAndEditsWhilePublishedCollapseToTheLatest() {
        Map<String, Object> draft = post(article("en", "Publish me " + Api.unique()));
        String id = (String) draft.get("id");
        String editorial = end(true);
        String pub = end(false);

        Map<String, Object> publishedNow = move(id, "publish");
        assertEquals(2, publishedNow.get("version"));
        Response first = after(false, pub);
        List<Map<String, Object>> mine = about(first, id);
        assertEquals(1, mine.size(), mine.toString());
        assertEntry(mine.get(0), publishedNow, "changed", 2);
        String afterPublish = first.path("nextCursor");

        Map<String, Object> body = new HashMap<>(publishedNow);
        body.put("title", "Published and edited " + Api.unique());
        Map<String, Object> edited = write(editor().contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/articles/" + id), 200);
        assertEquals(3, edited.get("version"));

        // From the cursor taken before the publication: one entry for the article, at its latest change.
        List<Map<String, Object>> again = about(after(false, pub), id);
        assertEquals(1, again.size(), again.toString());
        assertEntry(again.get(0), edited, "changed", 3);
        // From the cursor after the publication: the edit.
        List<Map<String, Object>> next = about(after(false, afterPublish), id);
        assertEquals(1, next.size(), next.toString());
        assertEntry(next.get(0), edited, "changed", 3);
        // Key holders saw the publication and the edit: one entry, the latest.
        List<Map<String, Object>> keyed = items(after(true, editorial));
        assertEquals(1, keyed.size(), keyed.toString());
        assertEntry(keyed.get(0), edited, "changed", 3);
        assertEquals(again.get(0).get("at"), keyed.get(0).get("at"), "a public change takes effect with its write");
    }

    @Test
    void unpublishIsARemovalForAnonymousReaders() {
        String pub = end(false);
        Map<String, Object> live = post(published(article("ar", "خبر منشور ثم مسحوب " + Api.unique())));
        String id = (String) live.get("id");
        Response shown = after(false, pub);
        List<Map<String, Object>> mine = about(shown, id);
        assertEquals(1, mine.size(), mine.toString());
        assertEntry(mine.get(0), live, "changed", 1);
        String seen = shown.path("nextCursor");
        String editorial = end(true);

        Map<String, Object> draft = move(id, "unpublish");
        assertEquals("draft", draft.get("status"));
        assertEquals(2, draft.get("version"));

        List<Map<String, Object>> removed = about(after(false, seen), id);
        assertEquals(1, removed.size(), removed.toString());
        assertEntry(removed.get(0), draft, "removed", 2);
        // A client that never saw it gets the tombstone only.
        List<Map<String, Object>> fromStart = about(after(false, pub), id);
        assertEquals(1, fromStart.size(), fromStart.toString());
        assertEntry(fromStart.get(0), draft, "removed", 2);
        // Key holders see a change, not a removal: the article is still there.
        List<Map<String, Object>> keyed = items(after(true, editorial));
        assertEquals(1, keyed.size(), keyed.toString());
        assertEntry(keyed.get(0), draft, "changed", 2);
    }

    @Test
    void archiveIsARemovalForAnonymousReaders() {
        Map<String, Object> live = post(published(article("en", "Archive me " + Api.unique())));
        String id = (String) live.get("id");
        String pub = end(false);
        String editorial = end(true);

        Map<String, Object> archived = move(id, "archive");
        assertEquals("archived", archived.get("status"));

        List<Map<String, Object>> removed = about(after(false, pub), id);
        assertEquals(1, removed.size(), removed.toString());
        assertEntry(removed.get(0), archived, "removed", 2);
        List<Map<String, Object>> keyed = items(after(true, editorial));
        assertEquals(1, keyed.size(), keyed.toString());
        assertEntry(keyed.get(0), archived, "changed", 2);
    }

    @Test
    void deletingAPublishedArticleLeavesTombstonesInBothFeeds() {
        Map<String, Object> live = post(published(article("ar", "خبر سيحذف " + Api.unique())));
        String id = (String) live.get("id");
        String editorial = end(true);
        String pub = end(false);
        Instant before = Instant.now();

        editor().delete("/api/v1/articles/" + id).then().statusCode(204);
        Instant deleted = Instant.now();

        List<Map<String, Object>> keyed = items(after(true, editorial));
        assertEquals(1, keyed.size(), keyed.toString());
        assertEntry(keyed.get(0), live, "removed", 1);
        assertAtBetween(keyed.get(0), before, deleted);
        List<Map<String, Object>> removed = about(after(false, pub), id);
        assertEquals(1, removed.size(), removed.toString());
        assertEntry(removed.get(0), live, "removed", 1);
        assertEquals(keyed.get(0).get("at"), removed.get(0).get("at"));

        anonymous().get("/api/v1/articles/" + id).then().statusCode(404).contentType(PROBLEM);
        editor().get("/api/v1/articles/" + id).then().statusCode(404).contentType(PROBLEM);
        // The tombstones outlive the article; its revisions do not.
        UUID uuid = UUID.fromString(id);
        assertEquals(0L, db.count("select count(*) from article where id = ?", uuid));
        assertEquals(0L, db.count("select count(*) from article_revision where article_id = ?", uuid));
        assertEquals(1L, db.count("select count(*) from article_change where article_id = ? and audience = 'public' "
                + "and kind = 'removed'", uuid));
        assertEquals(1L, db.count("select count(*) from article_change where article_id = ? and audience = 'editorial' "
                + "and kind = 'removed'", uuid));
    }

    @Test
    void deletingANeverPublishedDraftIsInvisibleToAnonymousReaders() {
        String editorial = end(true);
        String pub = end(false);

        Map<String, Object> draft = post(article("en", "Never published " + Api.unique()));
        String id = (String) draft.get("id");
        editor().delete("/api/v1/articles/" + id).then().statusCode(204);

        assertEquals(List.of(), about(after(false, pub), id));
        List<Map<String, Object>> keyed = items(after(true, editorial));
        assertEquals(1, keyed.size(), keyed.toString());
        assertEntry(keyed.get(0), draft, "removed", 1);
        assertEquals(0L, db.count("select count(*) from article_change where article_id = ? and audience = 'public'",
                UUID.fromString(id)));
    }

    @Test
    void scheduledArticleEntersThePublicFeedWhenItsTimeComes() throws InterruptedException {
        String editorial = end(true);
        String pub = end(false);
        Instant at = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> body = published(article("ar", "خبر مجدول " + Api.unique()));
        body.put("publishedAt", at.toString());

        Map<String, Object> scheduled = post(body);
        String id = (String) scheduled.get("id");
        assertEquals("scheduled", scheduled.get("status"));
        assertEquals(at, Instant.parse((String) scheduled.get("publishedAt")));

        List<Map<String, Object>> keyed = items(after(true, editorial));
        assertEquals(1, keyed.size(), keyed.toString());
        assertEntry(keyed.get(0), scheduled, "changed", 1);
        String editorialAfter = after(true, editorial).path("nextCursor");

        Instant deadline = at.plusSeconds(15);
        List<Map<String, Object>> mine = List.of();
        boolean sawItMissing = false;
        while (mine.isEmpty()) {
            Response response = after(false, pub);
            Instant answered = Instant.now();
            mine = about(response, id);
            if (mine.isEmpty()) {
                sawItMissing = true;
                // Hidden while its time is ahead, visible once it has come; a read that straddles the time may get either.
                Instant asked = Instant.now();
                int status = anonymous().get("/api/v1/articles/" + id).statusCode();
                if (Instant.now().isBefore(at)) {
                    assertEquals(404, status);
                } else if (!asked.isBefore(at)) {
                    assertEquals(200, status);
                }
                if (answered.isAfter(deadline)) {
                    fail("the scheduled article did not enter the public feed by " + deadline);
                }
                Thread.sleep(100);
            } else {
                assertFalse(answered.isBefore(at), "shown at " + answered + ", before its time " + at);
            }
        }
        assertTrue(sawItMissing, "the scheduled article was not in the public feed right after it was written");
        assertEquals(1, mine.size(), mine.toString());
        assertEntry(mine.get(0), scheduled, "changed", 1);
        assertEquals(scheduled.get("publishedAt"), mine.get(0).get("at"));

        anonymous().get("/api/v1/articles/" + id).then().statusCode(200).body("status", equalTo("published"),
                "version", equalTo(1));
        // Nothing was written for it to appear: no new version, nothing new for key holders.
        assertEquals(1, db.value("select version from article where id = ?", UUID.fromString(id)));
        Response quiet = after(true, editorialAfter);
        assertEquals(List.of(), items(quiet));
        assertEquals(editorialAfter, quiet.path("nextCursor"));
    }

    // ---------------------------------------------------------------- paging and cursors

    @Test
    void pagingOneAtATimeVisitsEveryArticleOnceInChangeOrder() {
        String start = end(true);
        Map<String, Object> a = post(article("ar", "الأول " + Api.unique()));
        Map<String, Object> b = post(article("en", "Second " + Api.unique()));
        Map<String, Object> c = post(article("ar", "الثالث " + Api.unique()));
        Map<String, Object> body = new HashMap<>(a);
        body.put("title", "الأول بعد التعديل " + Api.unique());
        Map<String, Object> a2 = write(editor().contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/articles/" + a.get("id")), 200);

        // a changed last: b, c, then a at version 2.
        Response p1 = page(true, start, 1);
        assertEquals(true, p1.path("hasMore"));
        assertEquals(1, items(p1).size());
        assertEntry(items(p1).get(0), b, "changed", 1);
        String link = p1.header("Link");
        assertTrue(link.startsWith("<http") && link.contains("/api/v1/changes?") && link.contains("limit=1"), link);

        // Follow the Link header as a client would.
        String url = link.substring(1, link.indexOf('>'));
        Response p2 = editor().when().get(url);
        p2.then().statusCode(200).body("hasMore", equalTo(true), "items.size()", equalTo(1));
        assertEntry(items(p2).get(0), c, "changed", 1);
        String cursor2 = p2.path("nextCursor");
        assertEquals((String) page(true, p1.path("nextCursor"), 1).path("nextCursor"), cursor2);

        Response p3 = page(true, cursor2, 1);
        assertEquals(false, p3.path("hasMore"));
        assertEquals(1, items(p3).size());
        assertEntry(items(p3).get(0), a2, "changed", 2);
        String last = p3.path("nextCursor");

        Response p4 = page(true, last, 1);
        assertEquals(List.of(), items(p4));
        assertEquals(last, p4.path("nextCursor"));
        assertEquals(false, p4.path("hasMore"));

        // One read from the same start gives the same entries, in the same order, and ends at the same cursor.
        Response whole = page(true, start, null);
        assertEquals(List.of(items(p1).get(0), items(p2).get(0), items(p3).get(0)), items(whole));
        assertEquals(last, whole.path("nextCursor"));
        List<Instant> times = items(whole).stream().map(i -> Instant.parse((String) i.get("at"))).toList();
        assertTrue(!times.get(1).isBefore(times.get(0)) && !times.get(2).isBefore(times.get(1)), times.toString());
    }

    @Test
    void aCursorKeepsWorkingAndReadsNothingNewWhenNothingChanged() {
        for (boolean editorial : List.of(true, false)) {
            String cursor = end(editorial);
            for (int i = 0; i < 2; i++) {
                Response response = page(editorial, cursor, null);
                assertEquals(List.of(), items(response), "editorial=" + editorial);
                assertEquals(cursor, response.path("nextCursor"));
                assertEquals(false, response.path("hasMore"));
            }
        }
        // A cursor from an anonymous read and one from a key holder's read name positions in the same log.
        String cursor = end(true);
        Map<String, Object> live = post(published(article("en", "After the cursor " + Api.unique())));
        List<Map<String, Object>> mine = about(after(false, cursor), (String) live.get("id"));
        assertEquals(1, mine.size(), mine.toString());
        assertEntry(mine.get(0), live, "changed", 1);
    }

    @Test
    void withoutSinceTheFeedStartsAtTheBeginning() {
        Response first = page(true, null, 1);
        Response empty = page(true, "", 1);
        assertEquals(items(first), items(empty));
        assertEquals((String) first.path("nextCursor"), empty.path("nextCursor"));
    }

    @Test
    void badCursorsAndLimitsAre400ProblemsNamingTheParameter() {
        String cursor = end(true);
        assertInvalidParameter(editor().queryParam("since", "not-a-cursor").get(CHANGES), "since");
        assertInvalidParameter(anonymous().queryParam("since", "%%%").get(CHANGES), "since");
        // One character changed: the checksum no longer matches.
        char last = cursor.charAt(cursor.length() - 2);
        String tampered = cursor.substring(0, cursor.length() - 2) + (last == 'A' ? 'B' : 'A')
                + cursor.charAt(cursor.length() - 1);
        assertInvalidParameter(anonymous().queryParam("since", tampered).get(CHANGES), "since");
        assertInvalidParameter(anonymous().queryParam("since", cursor.substring(0, cursor.length() - 4)).get(CHANGES),
                "since");
        assertInvalidParameter(anonymous().queryParam("since", cursor + "AAAA").get(CHANGES), "since");
        // A well-formed cursor of another kind (the article list's is 24 bytes) is refused too.
        ByteBuffer listCursor = ByteBuffer.allocate(24).putLong(0).putInt(0).putLong(1).putInt(2);
        assertInvalidParameter(editor().queryParam("since", cursorOf(listCursor)).get(CHANGES), "since");
        // Right size and checksum, impossible time (nanoseconds out of range).
        ByteBuffer badNanos = ByteBuffer.allocate(20).putLong(0).putInt(1_000_000_000).putLong(1);
        assertInvalidParameter(editor().queryParam("since", cursorOf(badNanos)).get(CHANGES), "since");

        assertInvalidParameter(anonymous().queryParam("limit", 0).get(CHANGES), "limit");
        assertInvalidParameter(anonymous().queryParam("limit", 1001).get(CHANGES), "limit");
        assertInvalidParameter(editor().queryParam("limit", "ten").get(CHANGES), "limit");
        assertInvalidParameter(editor().queryParam("limit", -1).get(CHANGES), "limit");
        page(true, cursor, 1000);
        page(false, cursor, 1);
    }

    @Test
    void aWrongTokenIsRefusedNotDowngraded() {
        anonymous().header("Authorization", "Bearer not-the-token").get(CHANGES).then().statusCode(401)
                .contentType(PROBLEM).header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .body("status", equalTo(401), "items", nullValue());
    }

    /** Encodes a cursor the way the service does (see CursorCodec): values, CRC-32, base64url without padding. */
    private static String cursorOf(ByteBuffer values) {
        byte[] bytes = values.array();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, 0, bytes.length);
        ByteBuffer out = ByteBuffer.allocate(bytes.length + 4).put(bytes).putInt((int) crc.getValue());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    }
}
