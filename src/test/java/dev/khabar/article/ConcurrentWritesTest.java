package dev.khabar.article;

import static dev.khabar.support.Api.article;
import static dev.khabar.support.Api.editor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

/** Writers racing on the same title, category and new tags all succeed, with distinct slugs and shared terms. */
@QuarkusTest
class ConcurrentWritesTest {

    private static final int WRITERS = 8;
    private static final int ARTICLES = 32;

    @Inject
    Db db;

    /**
     * Many editors write one article at once, each sending the tag of the version it read: every write either applies
     * or is refused with 412, the article gains exactly one version per applied write, and each applied write is in
     * the history: no update is lost.
     */
    @Test
    void conditionalWritersNeverLoseAnUpdate() throws Exception {
        Map<String, Object> base = article("ar", "سباق الكتّاب " + Api.unique());
        String id = Api.create(base);
        int writers = 16;
        int attempts = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            results.add(pool.submit(() -> {
                List<String> applied = new ArrayList<>();
                for (int a = 0; a < attempts; a++) {
                    String etag = editor().get("/api/v1/articles/" + id).header("ETag");
                    String title = "الكاتب " + writer + " المحاولة " + a;
                    int status = editor().header("If-Match", etag).contentType(Api.MERGE_PATCH)
                            .body(Map.of("title", title)).patch("/api/v1/articles/" + id).statusCode();
                    if (status == 200) {
                        applied.add(title);
                    } else if (status != 412) {
                        throw new AssertionError("a conditional write answered " + status);
                    }
                }
                return applied;
            }));
        }
        List<String> applied = new ArrayList<>();
        for (Future<List<String>> result : results) {
            applied.addAll(result.get());
        }
        pool.shutdown();
        int version = ((Number) db.value("select version from article where id = ?::uuid", id)).intValue();
        assertEquals(1 + applied.size(), version);
        org.junit.jupiter.api.Assertions.assertTrue(applied.size() >= attempts, "too few writes applied: " + applied.size());
        List<Object> history = db.rows("select snapshot->>'title' as title from article_revision "
                + "where article_id = ?::uuid and version > 1 order by version", id).stream()
                .map(row -> row.get("title")).toList();
        assertEquals(new HashSet<>(applied), new HashSet<>(history));
        assertEquals(applied.size(), history.size());
    }

    @Test
    void replaceRacingDeleteIsA404NeverA500() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<Response>> puts = new ArrayList<>();
        List<Future<Response>> deletes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Map<String, Object> body = article("en", "Race " + Api.unique());
            String id = Api.create(body);
            body.put("title", "Raced " + Api.unique());
            puts.add(pool.submit(() -> editor().contentType(ContentType.JSON).body(body).put("/api/v1/articles/" + id)));
            deletes.add(pool.submit(() -> editor().delete("/api/v1/articles/" + id)));
        }
        for (Future<Response> put : puts) {
            int status = put.get().statusCode();
            org.junit.jupiter.api.Assertions.assertTrue(status == 200 || status == 404, "PUT answered " + status);
        }
        for (Future<Response> delete : deletes) {
            assertEquals(204, delete.get().statusCode());
        }
        pool.shutdown();
    }

    @Test
    void sameTitleAndNewTagsInAnyOrderFromManyWriters() throws Exception {
        String u = Api.unique();
        List<String> tags = List.of("alpha-" + u, "beta-" + u, "gamma-" + u, "delta-" + u);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<Response>> results = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            List<String> shuffled = new ArrayList<>(tags);
            Collections.shuffle(shuffled, new java.util.Random(i));
            Map<String, Object> body = article("ar", "عنوان مشترك " + u);
            body.put("category", Map.of("name", "فئة " + u));
            body.put("tags", shuffled);
            results.add(pool.submit(() -> editor().contentType(ContentType.JSON).body(body).post("/api/v1/articles")));
        }
        List<String> slugs = new ArrayList<>();
        for (Future<Response> result : results) {
            Response response = result.get();
            assertEquals(201, response.statusCode(), response.asString());
            slugs.add(response.path("slug"));
        }
        pool.shutdown();

        assertEquals(ARTICLES, new HashSet<>(slugs).size(), "every article got its own slug: " + slugs);
        assertEquals(4L, db.count("select count(*) from tag where slug like ?", "%-" + u));
        assertEquals(1L, db.count("select count(*) from category where slug = ?", "فئة-" + u));
        assertEquals((long) ARTICLES * 4, db.count(
                "select count(*) from article_tag at join tag t on t.id = at.tag_id where t.slug like ?", "%-" + u));
    }
}
