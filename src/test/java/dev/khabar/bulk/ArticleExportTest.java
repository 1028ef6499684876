package dev.khabar.bulk;

import static dev.khabar.bulk.Bulk.article;
import static dev.khabar.bulk.Bulk.ndjson;
import static dev.khabar.bulk.Bulk.upload;
import static dev.khabar.support.Api.anonymous;
import static dev.khabar.support.Api.editor;
import static dev.khabar.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.khabar.support.Api;
import dev.khabar.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * GET /api/v1/articles/export: the list filters, every field of every article, key holders only, one snapshot for the
 * whole stream, and lines that POST /articles/bulk takes back as they are.
 */
@QuarkusTest
class ArticleExportTest {

    @Inject
    Db db;

    private static List<Map<String, Object>> export(String query) {
        Response response = editor().get(Bulk.EXPORT + query);
        response.then().statusCode(200).contentType(Bulk.NDJSON).header("Cache-Control", "private, no-store");
        return Bulk.lines(response.asString());
    }

    /** Four articles under one new tag: two Arabic published a day apart, an English draft, an English published one. */
    private static List<String> fixtures(String u) {
        List<Object> lines = new ArrayList<>();
        String[][] specs = { { "ar", "published", "2026-01-10T08:00:00Z" }, { "ar", "published", "2026-01-11T08:00:00Z" },
                { "en", "draft", null }, { "en", "published", "2026-01-12T08:00:00Z" } };
        for (int i = 0; i < specs.length; i++) {
            Map<String, Object> a = article(specs[i][0], "Export " + u + " " + i, "export-" + u + "-" + i);
            a.put("status", specs[i][1]);
            if (specs[i][2] != null) {
                a.put("publishedAt", specs[i][2]);
            }
            a.put("tags", List.of("export " + u));
            a.put("category", Map.of("name", i == 1 ? "Economy " + u : "Politics " + u));
            lines.add(a);
        }
        return upload(ndjson(lines.toArray())).stream().map(a -> (String) a.get("id")).toList();
    }

    @Test
    void streamsEveryArticleTheFiltersMatchWithEveryField() {
        String u = unique();
        List<String> ids = fixtures(u);
        String tag = "?tag=export-" + u;
        List<Map<String, Object>> all = export(tag);
        // List order: newest first; the draft is listed at its creation, after the 2026 publications.
        assertEquals(List.of(ids.get(2), ids.get(3), ids.get(1), ids.get(0)), all.stream().map(a -> a.get("id")).toList());
        for (Map<String, Object> line : all) {
            Map<String, Object> read = editor().get("/api/v1/articles/" + line.get("id")).then().statusCode(200)
                    .extract().jsonPath().getMap("");
            assertEquals(read, line, "an export line is the article as a read shows it");
            assertEquals(new ArrayList<>(read.keySet()), new ArrayList<>(line.keySet()), "in the same field order");
        }
        assertEquals(List.of(ids.get(1), ids.get(0)), ids(export(tag + "&lang=ar")));
        assertEquals(List.of(ids.get(2)), ids(export(tag + "&status=draft")));
        assertEquals(List.of(ids.get(3), ids.get(1), ids.get(0)), ids(export(tag + "&status=published")));
        assertEquals(List.of(ids.get(1)), ids(export(tag + "&category=economy-" + u)));
        assertEquals(List.of(ids.get(3), ids.get(1)), ids(export(tag + "&publishedAfter=2026-01-11")));
        assertEquals(List.of(ids.get(0)), ids(export(tag + "&publishedBefore=2026-01-11T08:00:00Z")));
        assertEquals(List.of(), export("?tag=no-such-tag-" + u));
    }

    @Test
    void isForKeyHoldersOnly() {
        anonymous().get(Bulk.EXPORT).then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:khabar:problem:unauthorized"));
        Api.with(Api.key("previewer")).get(Bulk.EXPORT + "?lang=zz").then().statusCode(200).contentType(Bulk.NDJSON);
        editor().get(Bulk.EXPORT + "?status=gone").then().statusCode(400)
                .body("type", equalTo("urn:khabar:problem:invalid-parameter"), "errors[0].parameter", equalTo("status"));
        editor().get(Bulk.EXPORT + "?publishedAfter=yesterday").then().statusCode(400)
                .body("errors[0].parameter", equalTo("publishedAfter"));
    }

    @Test
    void exportsOneSnapshotEvenWhileArticlesAreWritten() throws Exception {
        String u = unique();
        // Enough bytes that the export cannot finish into socket buffers before the writes below.
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 1200; i++) {
            Map<String, Object> a = article(i % 2 == 0 ? "ar" : "en", "Snapshot " + u + " " + i, "snap-" + u + "-" + i);
            a.put("tags", List.of("snapshot " + u));
            a.put("lead", "Lead ".repeat(400));
            body.append(Bulk.line(a)).append('\n');
        }
        List<Map<String, Object>> created = upload(body.toString());
        assertTrue(created.stream().allMatch(a -> a.get("status").equals(201)));
        // The two the export sends last (list order: newest first, then id descending).
        List<String> sorted = db.rows("select id::text from article where external_id like ? order by listed_at, id "
                + "limit 2", "snap-" + u + "-%").stream().map(r -> (String) r.get("id")).toList();
        String oldest = sorted.get(0);
        String deleted = sorted.get(1);
        String oldestTitle = (String) editor().get("/api/v1/articles/" + oldest).path("title");

        try (Bulk.Raw raw = new Bulk.Raw(4096)) {
            raw.head("GET", Bulk.EXPORT + "?tag=snapshot-" + u);
            assertTrue(raw.readHead().startsWith("HTTP/1.1 200"));
            List<String> lines = new ArrayList<>(raw.readLines(1));
            // The export is under way, its transaction open: now change, delete and add articles it has not sent yet.
            assertEquals(1, db.count("select count(*) from pg_stat_activity where datname = current_database() "
                    + "and pid <> pg_backend_pid() and state in ('active', 'idle in transaction') "
                    + "and query like '%from article%'"), "the export's transaction is still open");
            editor().contentType(Api.MERGE_PATCH).body(Map.of("title", "Changed during the export " + u))
                    .patch("/api/v1/articles/" + oldest).then().statusCode(200);
            editor().delete("/api/v1/articles/" + deleted).then().statusCode(204);
            Map<String, Object> late = article("en", "Late " + u, "snap-" + u + "-late");
            late.put("tags", List.of("snapshot " + u));
            String lateId = Api.create(late);
            lines.addAll(raw.readLines(Integer.MAX_VALUE));

            List<Map<String, Object>> exported = Bulk.lines(String.join("\n", lines));
            assertEquals(1200, exported.size(), "every article of the snapshot, once");
            assertTrue(exported.stream().noneMatch(a -> a.get("id").equals(lateId)), "not the article added meanwhile");
            Map<String, Object> last = exported.get(exported.size() - 1);
            assertEquals(oldest, last.get("id"));
            assertEquals(oldestTitle, last.get("title"), "the article as it was, not torn");
            assertEquals(1, last.get("version"));
            assertTrue(exported.stream().anyMatch(a -> a.get("id").equals(deleted)), "deleted meanwhile, but in the snapshot");
        }
    }

    @Test
    void exportedLinesGoBackThroughBulkImport() {
        String u = unique();
        List<String> ids = fixtures(u);
        // An article without an external id: a line with only its id finds it.
        Map<String, Object> plain = Api.article("ar", "بلا معرف " + u);
        plain.put("tags", List.of("export " + u));
        String plainId = Api.create(plain);
        String exported = editor().get(Bulk.EXPORT + "?tag=export-" + u).then().statusCode(200).extract().asString();
        assertEquals(5, Bulk.lines(exported).size());

        // As they are: nothing to write.
        List<Map<String, Object>> again = upload(exported);
        assertEquals(List.of(200, 200, 200, 200, 200), again.stream().map(a -> a.get("status")).toList());
        assertTrue(again.stream().allMatch(a -> Boolean.TRUE.equals(a.get("unchanged"))), again.toString());
        assertEquals(5L + 0, db.count("select count(*) from article_revision where article_id = any(?::uuid[])",
                (Object) concat(ids, plainId).toArray(String[]::new)));

        // Edited: the article found by external id, and the one found by id, get a new version; no duplicate.
        List<Map<String, Object>> lines = Bulk.lines(exported);
        List<String> edited = new ArrayList<>();
        for (Map<String, Object> line : lines) {
            Map<String, Object> copy = new LinkedHashMap<>(line);
            copy.put("closing", "Edited closing " + u);
            edited.add(Bulk.line(copy));
        }
        List<Map<String, Object>> written = upload(String.join("\n", edited) + "\n");
        assertEquals(lines.stream().map(l -> l.get("id")).toList(), written.stream().map(a -> a.get("id")).toList());
        assertTrue(written.stream().allMatch(a -> a.get("status").equals(200) && a.get("version").equals(2)), written.toString());
        assertEquals(5, db.count("select count(*) from article a join article_tag t on t.article_id = a.id "
                + "join tag on tag.id = t.tag_id where tag.slug = ?", "export-" + u));
        editor().get("/api/v1/articles/" + plainId).then().body("closing", equalTo("Edited closing " + u),
                "externalId", equalTo(null));
        assertEquals(2, db.count("select max(version) from article_revision where article_id = ?", UUID.fromString(plainId)));
    }

    private static List<Object> ids(List<Map<String, Object>> lines) {
        return lines.stream().map(a -> a.get("id")).toList();
    }

    private static List<String> concat(List<String> ids, String more) {
        List<String> all = new ArrayList<>(ids);
        all.add(more);
        return all;
    }
}
