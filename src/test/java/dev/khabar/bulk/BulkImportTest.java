package dev.khabar.bulk;

import static dev.khabar.bulk.Bulk.article;
import static dev.khabar.bulk.Bulk.ndjson;
import static dev.khabar.bulk.Bulk.problem;
import static dev.khabar.bulk.Bulk.upload;
import static dev.khabar.support.Api.SEED;
import static dev.khabar.support.Api.anonymous;
import static dev.khabar.support.Api.editor;
import static dev.khabar.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.khabar.support.Api;
import dev.khabar.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * POST /api/v1/articles/bulk over HTTP against PostgreSQL: an answer per line, in order; bad lines alone refused;
 * resending by external id; the text layout; the caps; roles; revisions and change feed per article; a cut upload;
 * answers streamed while the body still arrives; concurrent uploads creating the same new tags. The test profile
 * sets content.bulk-batch-size=50 and content.bulk-max-bytes=8M.
 */
@QuarkusTest
class BulkImportTest {

    private static final String ENGLISH_TEXT = """
            Politics
            Moscow urges Baku to restore ties %s

            A diplomatic row deepens
            Relations between Russia and Azerbaijan have deteriorated sharply.
            The appeal
            - The ministry urged Baku to restore ties.
            - Baku has not answered.
            The future depends on both capitals.""";

    @Inject
    Db db;

    @Test
    void answersEveryLineInOrderAndRefusesBadLinesAlone() {
        String u = unique();
        Map<String, Object> arabic = Api.published(article("ar", "موسكو تدعو باكو " + u, "mixed-" + u + "-1"));
        Map<String, Object> untitled = article("en", "", "mixed-" + u + "-3");
        Map<String, Object> unknownField = article("en", "Colourful " + u, "mixed-" + u + "-6");
        unknownField.put("colour", "red");
        Map<String, Object> unfinished = Api.published(article("en", "Unfinished " + u, "mixed-" + u + "-7"));
        unfinished.remove("lead");
        Map<String, Object> withSlug = article("en", "Slugged " + u, "mixed-" + u + "-8");
        withSlug.put("slug", "bulk-slug-" + u);
        Map<String, Object> sameSlug = article("en", "Slugged again " + u, "mixed-" + u + "-9");
        sameSlug.put("slug", "bulk-slug-" + u);
        Map<String, Object> badExternalId = article("en", "Spaced " + u, "has a space");
        Map<String, Object> text = Map.of("text", ENGLISH_TEXT.formatted(u), "lang", "en", "status", "published",
                "externalId", "mixed-" + u + "-5");

        List<Map<String, Object>> answer = upload(ndjson(arabic, "{\"language\": \"en\", \"title\": ", untitled, "",
                text, unknownField, unfinished, withSlug, sameSlug, badExternalId, "[1, 2]"));

        assertEquals(List.of(1, 2, 3, 5, 6, 7, 8, 9, 10, 11), answer.stream().map(a -> a.get("line")).toList(),
                "one answer per non-blank line, in order");
        assertEquals(List.of(201, 400, 400, 201, 400, 400, 201, 409, 400, 400),
                answer.stream().map(a -> a.get("status")).toList());
        for (int i : new int[] { 0, 3, 6 }) {
            assertEquals(List.of("line", "status", "id", "version"), List.copyOf(answer.get(i).keySet()));
            assertEquals(1, answer.get(i).get("version"));
        }
        assertEquals(Map.of("line", 3, "status", 400, "problem", Map.of("type", "urn:khabar:problem:validation",
                "title", "The article is not valid", "status", 400, "detail", "/title: must not be blank",
                "instance", "/api/v1/articles/bulk", "errors", List.of(Map.of("pointer", "/title",
                        "detail", "must not be blank")))), answer.get(2));
        assertEquals("urn:khabar:problem:malformed-body", problem(answer.get(1)).get("type"));
        assertEquals("urn:khabar:problem:malformed-body", problem(answer.get(4)).get("type"));
        assertEquals("/colour: unknown field 'colour'", problem(answer.get(4)).get("detail"));
        assertEquals("/lead: must not be blank", problem(answer.get(5)).get("detail"));
        assertEquals(Map.of("type", "urn:khabar:problem:slug-taken", "title", "Slug already in use", "status", 409,
                "detail", "The slug 'bulk-slug-" + u + "' is already used by another article in language 'en'.",
                "instance", "/api/v1/articles/bulk", "errors", List.of(Map.of("pointer", "/slug",
                        "detail", "already used in language en")), "slug", "bulk-slug-" + u), problem(answer.get(7)));
        assertEquals("urn:khabar:problem:validation", problem(answer.get(8)).get("type"));
        assertEquals("/externalId", ((List<Map<String, Object>>) problem(answer.get(8)).get("errors")).get(0).get("pointer"));
        assertEquals("urn:khabar:problem:malformed-body", problem(answer.get(9)).get("type"));

        // What the database holds: the three good lines, whole, and nothing of the others.
        assertEquals(List.of("mixed-" + u + "-1", "mixed-" + u + "-5", "mixed-" + u + "-8"), db.rows(
                "select external_id from article where external_id like ? order by external_id", "mixed-" + u + "-%")
                .stream().map(r -> r.get("external_id")).toList());
        editor().get("/api/v1/articles/" + answer.get(0).get("id")).then().statusCode(200)
                .body("title", equalTo("موسكو تدعو باكو " + u), "language", equalTo("ar"), "status", equalTo("published"),
                        "externalId", equalTo("mixed-" + u + "-1"), "version", equalTo(1));
        editor().get("/api/v1/articles/" + answer.get(6).get("id")).then().statusCode(200)
                .body("slug", equalTo("bulk-slug-" + u), "status", equalTo("draft"));
    }

    @Test
    void resendingByExternalIdUpdatesInsteadOfDuplicating() {
        String u = unique();
        List<Object> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            lines.add(Api.published(article(i % 2 == 0 ? "ar" : "en", (i % 2 == 0 ? "خبر عاجل " : "Breaking ") + u + " " + i,
                    "resend-" + u + "-" + i)));
        }
        List<Map<String, Object>> first = upload(ndjson(lines.toArray()));
        assertEquals(List.of(201, 201, 201), first.stream().map(a -> a.get("status")).toList());

        // The same body again: every line finds its article, nothing is written.
        List<Map<String, Object>> again = upload(ndjson(lines.toArray()));
        for (int i = 0; i < 3; i++) {
            assertEquals(Map.of("line", i + 1, "status", 200, "id", first.get(i).get("id"), "version", 1,
                    "unchanged", true), again.get(i));
        }
        assertEquals(3, db.count("select count(*) from article where external_id like ?", "resend-" + u + "-%"));
        assertEquals(3, db.count("select count(*) from article_revision r join article a on a.id = r.article_id "
                + "where a.external_id like ?", "resend-" + u + "-%"));

        // One line changed: that article gets version 2 (replaced), the others stay as they are.
        @SuppressWarnings("unchecked")
        Map<String, Object> changed = new LinkedHashMap<>((Map<String, Object>) lines.get(1));
        changed.put("title", "Breaking, updated " + u);
        lines.set(1, changed);
        List<Map<String, Object>> third = upload(ndjson(lines.toArray()));
        assertEquals(Map.of("line", 2, "status", 200, "id", first.get(1).get("id"), "version", 2), third.get(1));
        assertEquals(true, third.get(0).get("unchanged"));
        assertEquals(true, third.get(2).get("unchanged"));
        assertEquals(List.of(Map.of("version", 1, "action", "created"), Map.of("version", 2, "action", "replaced")),
                db.rows("select version, action from article_revision where article_id = ? order by version",
                        UUID.fromString((String) first.get(1).get("id"))));
        assertEquals(3, db.count("select count(*) from article where external_id like ?", "resend-" + u + "-%"));
        editor().get("/api/v1/articles/" + first.get(1).get("id")).then()
                .body("title", equalTo("Breaking, updated " + u), "version", equalTo(2));

        // The same external id twice in one body: the second line updates what the first created.
        Map<String, Object> twice = article("en", "Twice " + u, "twice-" + u);
        Map<String, Object> twiceAgain = new LinkedHashMap<>(twice);
        twiceAgain.put("lead", "A second lead.");
        List<Map<String, Object>> both = upload(ndjson(twice, twiceAgain));
        assertEquals(201, both.get(0).get("status"));
        assertEquals(Map.of("line", 2, "status", 200, "id", both.get(0).get("id"), "version", 2), both.get(1));
    }

    @Test
    void anUpdateLineWithoutListsOrWithAnExternalIdPostgresCannotHoldIsAnsweredNot500() {
        String u = unique();
        Map<String, Object> created = article("en", "Sparse " + u, "sparse-" + u);
        Map<String, Object> sparse = new LinkedHashMap<>(created);
        sparse.remove("tags");
        sparse.remove("authors");
        sparse.put("lead", "Another lead.");
        Map<String, Object> nul = article("en", "Nul " + u, "nul-\u0000-" + u);
        List<Map<String, Object>> answers = upload(ndjson(created, sparse, nul));
        assertEquals(201, answers.get(0).get("status"));
        assertEquals(Map.of("line", 2, "status", 200, "id", answers.get(0).get("id"), "version", 2), answers.get(1));
        assertEquals(400, answers.get(2).get("status"));
        assertEquals(0, db.count("select count(*) from article where title = ?", "Nul " + u));
    }

    @Test
    void aLineThatIsNotUtf8IsRefusedAloneAndTheImportGoesOn() throws Exception {
        String u = unique();
        // A PNG header's second line (NULs first: Jackson would read it as UTF-32 and fail outside JSON parsing), and a
        // line that starts with UTF-16's byte-order mark, between articles.
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(ndjson(article("en", "Before " + u, "utf-" + u + "-1")).getBytes(StandardCharsets.UTF_8));
        body.write(new byte[] { 0, 0, 0, 13, 'I', 'H', 'D', 'R', '\n' });
        body.write(new byte[] { (byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0, '\n' });
        body.write(ndjson(article("en", "After " + u, "utf-" + u + "-2")).getBytes(StandardCharsets.UTF_8));
        Response response = editor().contentType("application/x-ndjson").body(body.toByteArray())
                .when().post(Bulk.BULK);
        response.then().statusCode(200);
        List<Map<String, Object>> answers = Bulk.lines(response.asString());
        assertEquals(List.of(1, 2, 3, 4), answers.stream().map(a -> a.get("line")).toList());
        assertEquals(List.of(201, 400, 400, 201), answers.stream().map(a -> a.get("status")).toList());
        assertEquals("urn:khabar:problem:malformed-body", problem(answers.get(1)).get("type"));
        assertEquals("urn:khabar:problem:malformed-body", problem(answers.get(2)).get("type"));
        assertEquals(2, db.count("select count(*) from article where external_id like ?", "utf-" + u + "-%"));
    }

    @Test
    void readsTextLayoutLinesInArabicAndEnglish() {
        String u = unique();
        String arabic = SEED.replaceFirst("\n", "\n" + u + " ");
        List<Map<String, Object>> answer = upload(ndjson(
                Map.of("text", arabic, "status", "published", "externalId", "text-ar-" + u),
                Map.of("text", ENGLISH_TEXT.formatted(u), "lang", "en", "externalId", "text-en-" + u),
                Map.of("text", "Politics\nNo language " + u + "\n\nSub\nLead.\nHeading\n- point\nClosing."),
                Map.of("text", "Politics\nA title\n\nSubtitle\nLead.\nHeading without bullets\nClosing.", "lang", "en"),
                Map.of("text", "Politics\nBad status\n\nSub\nLead.\nH\n- b\nEnd.", "lang", "en", "status", "archived")));

        assertEquals(List.of(201, 201, 400, 400, 400), answer.stream().map(a -> a.get("status")).toList());
        editor().get("/api/v1/articles/" + answer.get(0).get("id")).then().statusCode(200)
                .body("language", equalTo("ar"), "direction", equalTo("rtl"), "status", equalTo("published"),
                        "category.name", equalTo("اخبار سياسية"), "sections.size()", equalTo(5),
                        "title", equalTo(u + " تصاعد الأزمة الدبلوماسية بين روسيا وأذربيجان وموسكو تدعو لإعادة العلاقات"),
                        "externalId", equalTo("text-ar-" + u), "wordCount", equalTo(410));
        editor().get("/api/v1/articles/" + answer.get(1).get("id")).then().statusCode(200)
                .body("language", equalTo("en"), "status", equalTo("draft"), "subtitle", equalTo("A diplomatic row deepens"),
                        "sections[0].bullets", equalTo(List.of("The ministry urged Baku to restore ties.",
                                "Baku has not answered.")));
        // A Latin title and no lang: the language cannot be told, as on POST /articles/import.
        assertEquals(Map.of("pointer", "/language", "line", 2, "detail",
                "The language cannot be told from the text: give it as ?lang= (a BCP 47 tag such as en)."),
                ((List<?>) problem(answer.get(2)).get("errors")).get(0));
        // A layout error names the line of the text (not of the NDJSON body, which is the answer's own "line").
        Map<String, Object> layout = problem(answer.get(3));
        assertEquals("urn:khabar:problem:text-layout", layout.get("type"));
        assertEquals(6, ((Map<?, ?>) ((List<?>) layout.get("errors")).get(0)).get("line"));
        assertEquals("/status: must be draft or published", problem(answer.get(4)).get("detail"));
    }

    @Test
    void refusesALineOverOneMebibyteAndGoesOn() {
        String u = unique();
        Map<String, Object> huge = article("en", "Huge " + u, "huge-" + u);
        huge.put("lead", "x".repeat(1024 * 1024));
        List<Map<String, Object>> answer = upload(ndjson(article("en", "Before " + u, "before-" + u), huge,
                article("ar", "بعد " + u, "after-" + u)));
        assertEquals(List.of(201, 413, 201), answer.stream().map(a -> a.get("status")).toList());
        assertEquals(Map.of("type", "urn:khabar:problem:body-too-large", "title", "Line too large", "status", 413,
                "detail", "A line may hold at most 1048576 bytes (1 MiB), as a single-article request body.",
                "instance", "/api/v1/articles/bulk"), problem(answer.get(1)));
        assertEquals(0, db.count("select count(*) from article where external_id = ?", "huge-" + u));
    }

    @Test
    void refusesABodyOverTheCapWith413() throws Exception {
        // Declared too large: refused at once, before any of it is read.
        try (Bulk.Raw raw = new Bulk.Raw()) {
            raw.head("POST", Bulk.BULK, "Content-Type: application/x-ndjson", "Content-Length: " + (8 * 1024 * 1024 + 1));
            raw.out.write("{\"language\": \"en\"".getBytes(StandardCharsets.UTF_8));
            String response = raw.readHead();
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.toLowerCase().contains("content-type: application/problem+json"), response);
        }
        // Sent without a length (chunked) and going past the cap: the lines before it are imported and answered,
        // the line where the cap is crossed gets a 413 and nothing after it is read.
        String u = unique();
        try (Bulk.Raw raw = new Bulk.Raw()) {
            raw.head("POST", Bulk.BULK, "Content-Type: application/x-ndjson", "Transfer-Encoding: chunked");
            raw.chunk(ndjson(article("en", "Capped " + u, "capped-" + u + "-1"), article("ar", "محدود " + u, "capped-" + u + "-2")));
            String blanks = (" ".repeat(1023) + "\n").repeat(1024);
            ExecutorService writer = Executors.newSingleThreadExecutor();
            Future<?> sending = writer.submit(() -> {
                try {
                    for (int i = 0; i < 9; i++) {
                        raw.chunk(blanks); // 1 MiB of blank lines each
                    }
                    raw.endChunks();
                } catch (Exception e) {
                    // The service stops reading at the cap: the rest of the body may be refused.
                }
                return null;
            });
            String head = raw.readHead();
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            List<Map<String, Object>> answer = Bulk.lines(String.join("\n", raw.readLines(3)));
            assertEquals(List.of(1, 2), answer.subList(0, 2).stream().map(a -> a.get("line")).toList());
            assertEquals(List.of(201, 201, 413), answer.stream().map(a -> a.get("status")).toList());
            assertTrue((Integer) answer.get(2).get("line") > 8000, "the line where the cap was crossed: " + answer.get(2));
            assertEquals("urn:khabar:problem:body-too-large", problem(answer.get(2)).get("type"));
            sending.cancel(true);
            writer.shutdownNow();
        }
        assertEquals(2, db.count("select count(*) from article where external_id like ?", "capped-" + u + "-%"));
    }

    @Test
    void refusesOtherMediaTypesAndCallersWithoutTheEditorRole() {
        String u = unique();
        String body = ndjson(article("en", "Refused " + u, "refused-" + u));
        editor().contentType(ContentType.JSON).body(body).post(Bulk.BULK).then().statusCode(415)
                .contentType("application/problem+json").body("status", equalTo(415));
        Bulk.post(anonymous(), body).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"khabar\"");
        Bulk.post(Api.with(Api.key("previewer")), body).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:khabar:problem:forbidden"));
        assertEquals(0, db.count("select count(*) from article where external_id = ?", "refused-" + u));
        // An editor key may import.
        assertEquals(201, Bulk.lines(Bulk.post(Api.with(Api.key("editor")), body).then().statusCode(200).extract()
                .asString()).get(0).get("status"));
    }

    @Test
    void storesARevisionAndChangeFeedEntriesForEveryArticle() {
        String editorial = feedEnd(true);
        String publicFeed = feedEnd(false);
        String u = unique();
        List<Map<String, Object>> answer = upload(ndjson(Api.published(article("ar", "أول " + u, "feed-" + u + "-1")),
                article("en", "Second " + u, "feed-" + u + "-2"), Api.published(article("en", "Third " + u, "feed-" + u + "-3"))));
        List<Object> ids = answer.stream().map(a -> a.get("id")).toList();

        // Editorial feed: the three, in line order, at version 1; the public feed: the two published ones.
        List<Map<String, Object>> entries = editor().queryParam("since", editorial).queryParam("limit", 1000)
                .get("/api/v1/changes").then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(ids, entries.stream().map(e -> e.get("id")).toList());
        assertEquals(List.of("changed", "changed", "changed"), entries.stream().map(e -> e.get("change")).toList());
        assertEquals(List.of(1, 1, 1), entries.stream().map(e -> e.get("version")).toList());
        List<Map<String, Object>> visible = anonymous().queryParam("since", publicFeed).queryParam("limit", 1000)
                .get("/api/v1/changes").then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(List.of(ids.get(0), ids.get(2)), visible.stream().map(e -> e.get("id"))
                .filter(ids::contains).toList());

        for (Object id : ids) {
            editor().get("/api/v1/articles/" + id + "/revisions").then().statusCode(200)
                    .body("items.size()", equalTo(1), "items[0].version", equalTo(1),
                            "items[0].action", equalTo("created"), "items[0].actor", equalTo("admin-token"));
            Map<String, Object> article = editor().get("/api/v1/articles/" + id).then().extract().jsonPath().getMap("");
            Map<String, Object> revision = editor().get("/api/v1/articles/" + id + "/revisions/1").then().statusCode(200)
                    .extract().jsonPath().getMap("article");
            assertEquals(article, revision, "revision 1 is the article as stored");
        }
    }

    @Test
    void aCutUploadLeavesNoHalfArticle() throws Exception {
        String u = unique();
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 2 * Bulk.BATCH + 20; i++) {
            body.append(Bulk.line(article(i % 2 == 0 ? "ar" : "en", "Cut " + u + " " + i, "cut-" + u + "-" + i))).append('\n');
        }
        String half = Bulk.line(article("en", "Cut " + u + " half", "cut-" + u + "-half"));
        body.append(half, 0, half.length() / 2);
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        try (Bulk.Raw raw = new Bulk.Raw()) {
            // Declares more than it sends, then goes away mid-line.
            raw.head("POST", Bulk.BULK, "Content-Type: application/x-ndjson", "Content-Length: " + (bytes.length + 5000));
            raw.out.write(bytes);
            raw.out.flush();
            List<String> answered = new ArrayList<>();
            raw.readHead();
            answered.addAll(raw.readLines(2 * Bulk.BATCH));
            assertEquals(2 * Bulk.BATCH, answered.size(), "the two full batches are answered as they commit");
        }
        // The two full batches were committed; the 20 complete lines of the batch still being received and the half
        // line were not: no article is written in part.
        Thread.sleep(1000); // for the service to see the connection closed
        assertEquals(2 * Bulk.BATCH, db.count("select count(*) from article where external_id like ?", "cut-" + u + "-%"));
        assertEquals(0, db.count("select count(*) from article where external_id like ? and (closing = '' or "
                + "jsonb_array_length(sections) <> 1)", "cut-" + u + "-%"));
        assertEquals(2 * Bulk.BATCH, db.count("select count(*) from article_revision r join article a on a.id = "
                + "r.article_id where a.external_id like ?", "cut-" + u + "-%"));
        // Resending the whole body creates only what is missing.
        List<Map<String, Object>> resent = upload(body.substring(0, body.lastIndexOf("\n") + 1));
        assertEquals(2 * Bulk.BATCH, resent.stream().filter(a -> Boolean.TRUE.equals(a.get("unchanged"))).count());
        assertEquals(20, resent.stream().filter(a -> a.get("status").equals(201)).count());
    }

    @Test
    void answersStreamWhileTheBodyIsStillArriving() throws Exception {
        String u = unique();
        try (Bulk.Raw raw = new Bulk.Raw()) {
            raw.head("POST", Bulk.BULK, "Content-Type: application/x-ndjson", "Transfer-Encoding: chunked");
            StringBuilder batch = new StringBuilder();
            for (int i = 1; i <= Bulk.BATCH; i++) {
                batch.append(Bulk.line(article("en", "Stream " + u + " " + i, "stream-" + u + "-" + i))).append('\n');
            }
            raw.chunk(batch.toString());
            // The body is not finished, yet the first batch is answered: the service reads as it goes.
            String head = raw.readHead();
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            assertTrue(head.toLowerCase().contains("content-type: application/x-ndjson"), head);
            List<Map<String, Object>> first = Bulk.lines(String.join("\n", raw.readLines(Bulk.BATCH)));
            assertEquals(Bulk.BATCH, first.size());
            assertEquals(Bulk.BATCH, db.count("select count(*) from article where external_id like ?", "stream-" + u + "-%"));
            raw.chunk(ndjson(article("ar", "بث " + u, "stream-" + u + "-last")));
            raw.endChunks();
            List<Map<String, Object>> last = Bulk.lines(String.join("\n", raw.readLines(1)));
            assertEquals(Bulk.BATCH + 1, last.get(0).get("line"));
            assertEquals(201, last.get(0).get("status"));
        }
    }

    @Test
    void concurrentUploadsCreatingTheSameNewTagsBothSucceed() throws Exception {
        String u = unique();
        List<String> tags = List.of("وسم " + u, "Tag " + u, "Another " + u);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<List<Map<String, Object>>>> uploads = new ArrayList<>();
            for (int client = 0; client < 2; client++) {
                StringBuilder body = new StringBuilder();
                for (int i = 0; i < 60; i++) {
                    Map<String, Object> line = article("en", "Race " + u + " " + client + " " + i, "race-" + u + "-" + client + "-" + i);
                    List<String> order = new ArrayList<>(tags);
                    if ((client + i) % 2 == 1) {
                        java.util.Collections.reverse(order);
                    }
                    line.put("tags", order);
                    line.put("category", Map.of("name", "Race " + u));
                    body.append(Bulk.line(line)).append('\n');
                }
                uploads.add(CompletableFuture.supplyAsync(() -> upload(body.toString()), pool));
            }
            for (CompletableFuture<List<Map<String, Object>>> upload : uploads) {
                List<Map<String, Object>> answer = upload.get();
                assertEquals(60, answer.size());
                assertTrue(answer.stream().allMatch(a -> a.get("status").equals(201)), answer.toString());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, db.count("select count(*) from tag where name in (?, ?, ?)", tags.toArray()));
        assertEquals(1, db.count("select count(*) from category where name = ?", "Race " + u));
        assertEquals(120 * 3, db.count("select count(*) from article_tag t join article a on a.id = t.article_id "
                + "where a.external_id like ?", "race-" + u + "-%"));
    }

    /** The cursor at the end of the feed. */
    private static String feedEnd(boolean editorial) {
        String cursor = null;
        while (true) {
            var request = editorial ? editor() : anonymous();
            if (cursor != null) {
                request.queryParam("since", cursor);
            }
            var page = request.queryParam("limit", 1000).get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
            cursor = page.getString("nextCursor");
            if (!page.getBoolean("hasMore")) {
                return cursor;
            }
        }
    }
}
