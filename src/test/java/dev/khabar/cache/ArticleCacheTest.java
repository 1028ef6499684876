package dev.khabar.cache;

import static dev.khabar.support.Api.SEED;
import static dev.khabar.support.Api.anonymous;
import static dev.khabar.support.Api.editor;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.aayushatharva.brotli4j.decoder.Decoder;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.khabar.search.SearchRepository;
import dev.khabar.support.Api;
import dev.khabar.support.Db;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The read cache (ReadCache, PublishedReads): a copy is served without the database, yet never outlives a change made
 * through this instance, through another (a notification), or by the passing of time.
 *
 * <p>A change made in SQL behind the service's back, with no change-log entry and so no notification, shows what the
 * cache serves: the copy it kept. Changes that go through the service or notify are seen at once.
 */
@QuarkusTest
class ArticleCacheTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;
    @Inject
    Db db;
    @Inject
    ReadCache cache;
    @Inject
    AgroalDataSource dataSource;

    private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String published(String title) {
        return Api.create(Api.published(Api.article("en", title)));
    }

    /**
     * Waits until no invalidation has happened for 200 ms: the notifications of earlier tests' writes arrive a few
     * milliseconds after them, and one arriving while a read fills the cache rightly keeps that read's copy out.
     */
    private void quiet() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long ticket = cache.ticket();
        do {
            Thread.sleep(200);
        } while (ticket != (ticket = cache.ticket()) && System.nanoTime() < deadline);
    }

    /** Renames the article in SQL only: what the service serves after this came from its cache. */
    private void renameBehindTheServicesBack(String id, String title) {
        assertEquals(1, db.update("update article set title = ? where id = ?", title, UUID.fromString(id)));
    }

    private static String title(HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        return io.restassured.path.json.JsonPath.from(body).getString("title");
    }

    /** The headers a client or a CDN acts on; Date and rate-limit counters differ between any two answers. */
    private static Map<String, List<String>> headers(HttpResponse<?> response) {
        Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
        headers.keySet().removeAll(List.of("date", "ratelimit", "ratelimit-policy"));
        return headers;
    }

    @Test
    void aRepeatedReadIsServedFromTheCacheWithTheSameBytesAndHeaders() throws Exception {
        String id = published("Cached once " + Api.unique());
        quiet();
        HttpResponse<byte[]> miss = get("api/v1/articles/" + id);
        renameBehindTheServicesBack(id, "Renamed in SQL");
        HttpResponse<byte[]> hit = get("api/v1/articles/" + id);

        assertEquals(200, hit.statusCode());
        assertArrayEquals(miss.body(), hit.body());
        assertEquals(headers(miss), headers(hit));
        assertEquals(List.of("application/json"), hit.headers().allValues("content-type"));
        assertEquals(List.of("nosniff"), hit.headers().allValues("x-content-type-options"));
        // Key holders never get the cached copy.
        editor().get("/api/v1/articles/" + id).then().statusCode(200)
                .body("title", org.hamcrest.Matchers.equalTo("Renamed in SQL"));
    }

    @Test
    void aWriteThroughTheServiceIsSeenByTheNextRead() throws Exception {
        String id = published("Before " + Api.unique());
        assertEquals(200, get("api/v1/articles/" + id).statusCode());
        editor().contentType(Api.MERGE_PATCH).body(Map.of("title", "After the patch"))
                .patch("/api/v1/articles/" + id).then().statusCode(200);
        HttpResponse<byte[]> read = get("api/v1/articles/" + id);
        assertEquals("After the patch", title(read));
        assertEquals("\"" + id + "-v2-json\"", read.headers().firstValue("etag").orElseThrow());

        editor().post("/api/v1/articles/" + id + "/unpublish").then().statusCode(200);
        assertEquals(404, get("api/v1/articles/" + id).statusCode());
    }

    @Test
    void aNotificationFromAnotherInstanceDropsTheCopyWithinASecond() throws Exception {
        String id = published("Notified " + Api.unique());
        quiet();
        assertEquals(200, get("api/v1/articles/" + id).statusCode());
        renameBehindTheServicesBack(id, "Changed by another instance");
        assertEquals(200, get("api/v1/articles/" + id).statusCode());
        String slug = (String) db.value("select slug from article where id = ?", UUID.fromString(id));

        Instant sent = Instant.now();
        db.value("select pg_notify('khabar_article', ?)", id + " en " + slug);
        String seen = "";
        while (!seen.equals("Changed by another instance") && Duration.between(sent, Instant.now()).toMillis() < 2_000) {
            seen = title(get("api/v1/articles/" + id));
        }
        assertEquals("Changed by another instance", seen);
    }

    @Test
    void gzipIsServedWhenAskedForWithItsOwnTagAndEitherTagRevalidates() throws Exception {
        String id = editor().contentType("text/plain; charset=utf-8").body(SEED.replaceFirst("\n", "\n" + Api.unique() + " "))
                .post("/api/v1/articles/import?status=published").then().statusCode(201).extract().path("id");
        HttpResponse<byte[]> identity = get("api/v1/articles/" + id);
        HttpResponse<byte[]> gzip = get("api/v1/articles/" + id, "Accept-Encoding", "gzip, deflate");
        HttpResponse<byte[]> refused = get("api/v1/articles/" + id, "Accept-Encoding", "gzip;q=0, identity");

        String etag = identity.headers().firstValue("etag").orElseThrow();
        assertEquals("\"" + id + "-v1-json\"", etag);
        assertEquals("gzip", gzip.headers().firstValue("content-encoding").orElseThrow());
        assertEquals("\"" + id + "-v1-json-gz\"", gzip.headers().firstValue("etag").orElseThrow());
        assertEquals("Accept, Authorization, Accept-Encoding", gzip.headers().firstValue("vary").orElseThrow());
        assertArrayEquals(identity.body(), new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes());
        assertTrue(gzip.body().length * 2 < identity.body().length, "gzip halves an article at least");
        assertNull(refused.headers().firstValue("content-encoding").orElse(null));
        assertArrayEquals(identity.body(), refused.body());

        for (String tag : List.of(etag, gzip.headers().firstValue("etag").orElseThrow())) {
            assertEquals(304, get("api/v1/articles/" + id, "If-None-Match", tag).statusCode());
            assertEquals(304, get("api/v1/articles/" + id, "If-None-Match", tag, "Accept-Encoding", "gzip").statusCode());
        }
    }

    @Test
    void brotliIsServedOnceMadeToClientsThatPreferItAndEveryCodingsTagRevalidates() throws Exception {
        String id = editor().contentType("text/plain; charset=utf-8").body(SEED.replaceFirst("\n", "\n" + Api.unique() + " "))
                .post("/api/v1/articles/import?status=published").then().statusCode(201).extract().path("id");
        String path = "api/v1/articles/" + id;
        HttpResponse<byte[]> identity = get(path);
        for (int attempt = 0; attempt < 5 && cache.article(UUID.fromString(id)).isEmpty(); attempt++) {
            quiet(); // the import's own notification voids a read that raced with it
            identity = get(path);
        }
        assertTrue(cache.article(UUID.fromString(id)).isPresent(), "kept");
        double bytes = cacheBytes();
        HttpResponse<byte[]> gzip = get(path, "Accept-Encoding", "gzip");
        String gzipTag = gzip.headers().firstValue("etag").orElseThrow();
        // The cache counts what it holds: the gzipped copy is weighed in as it is made.
        assertEquals(bytes + gzip.body().length, cacheBytesOnce(bytes + gzip.body().length));

        // The first reads that would take Brotli start its copy, and get gzip until it is made.
        HttpResponse<byte[]> br = get(path, "Accept-Encoding", "gzip, deflate, br");
        Instant asked = Instant.now();
        while (br.headers().firstValue("content-encoding").orElseThrow().equals("gzip")
                && Duration.between(asked, Instant.now()).toMillis() < 5_000) {
            assertEquals(gzipTag, br.headers().firstValue("etag").orElseThrow());
            assertArrayEquals(gzip.body(), br.body());
            Thread.sleep(20);
            br = get(path, "Accept-Encoding", "gzip, deflate, br");
        }
        assertEquals("br", br.headers().firstValue("content-encoding").orElseThrow());
        assertEquals("\"" + id + "-v1-json-br\"", br.headers().firstValue("etag").orElseThrow());
        assertEquals("Accept, Authorization, Accept-Encoding", br.headers().firstValue("vary").orElseThrow());
        assertArrayEquals(identity.body(), Decoder.decompress(br.body()).getDecompressedData());
        assertEquals(bytes + gzip.body().length + br.body().length,
                cacheBytesOnce(bytes + gzip.body().length + br.body().length));
        assertTrue(br.body().length * 10 < gzip.body().length * 9, "Brotli takes a tenth off gzip at least, was "
                + br.body().length + " bytes against " + gzip.body().length);

        assertEquals("gzip", coding(get(path, "Accept-Encoding", "br;q=0.5, gzip")));
        assertEquals("gzip", coding(get(path, "Accept-Encoding", "br;q=0, *")));
        assertEquals("br", coding(get(path, "Accept-Encoding", "gzip;q=0.5, br")));
        assertEquals("br", coding(get(path, "Accept-Encoding", "*")));
        assertEquals("identity", coding(get(path, "Accept-Encoding", "identity")));
        for (String tag : List.of(identity.headers().firstValue("etag").orElseThrow(), gzipTag,
                br.headers().firstValue("etag").orElseThrow())) {
            for (String accepted : List.of("identity", "gzip", "br")) {
                assertEquals(304, get(path, "If-None-Match", tag, "Accept-Encoding", accepted).statusCode());
            }
        }
    }

    /** {@code khabar_read_cache_bytes} of the article cache, from the metrics endpoint. */
    private double cacheBytes() throws IOException, InterruptedException {
        String metrics = new String(get("q/metrics").body(), StandardCharsets.UTF_8);
        return metrics.lines().filter(l -> l.startsWith("khabar_read_cache_bytes{cache=\"khabar.articles\"")).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElseThrow();
    }

    /** The article cache's bytes once they are {@code expected} (Caffeine applies a new weight shortly after), or 2 s on. */
    private double cacheBytesOnce(double expected) throws IOException, InterruptedException {
        Instant start = Instant.now();
        double bytes = cacheBytes();
        while (bytes != expected && Duration.between(start, Instant.now()).toMillis() < 2_000) {
            Thread.sleep(20);
            bytes = cacheBytes();
        }
        return bytes;
    }

    private static String coding(HttpResponse<byte[]> response) {
        assertEquals(200, response.statusCode());
        return response.headers().firstValue("content-encoding").orElse("identity");
    }

    @Test
    void aSlugThatMovedIsNotServedFromTheCopyOfItsArticle() throws Exception {
        String id = published("Moving slug " + Api.unique());
        String slug = anonymous().get("/api/v1/articles/" + id).then().extract().path("slug");
        String path = "api/v1/articles/slug/" + URLEncoder.encode(slug, StandardCharsets.UTF_8) + "?lang=en";
        assertEquals(200, get(path).statusCode());
        assertEquals(200, get(path).statusCode());
        editor().contentType(Api.MERGE_PATCH).body(Map.of("slug", slug + "-moved"))
                .patch("/api/v1/articles/" + id).then().statusCode(200);
        assertEquals(200, get("api/v1/articles/" + id).statusCode());

        HttpResponse<byte[]> old = get(path);
        assertEquals(308, old.statusCode());
        assertTrue(old.headers().firstValue("location").orElseThrow().contains(slug + "-moved"));
    }

    @Test
    void anArabicSlugReadIsCachedPerAcceptLanguage() throws Exception {
        String id = editor().contentType("text/plain; charset=utf-8").body(SEED.replaceFirst("\n", "\n" + "نسخة " + Api.unique() + " "))
                .post("/api/v1/articles/import?status=published").then().statusCode(201).extract().path("id");
        String slug = anonymous().get("/api/v1/articles/" + id).then().extract().path("slug");
        String path = "api/v1/articles/slug/" + URLEncoder.encode(slug, StandardCharsets.UTF_8);
        quiet();
        HttpResponse<byte[]> miss = get(path, "Accept-Language", "ar");
        renameBehindTheServicesBack(id, "عنوان آخر");
        HttpResponse<byte[]> hit = get(path, "Accept-Language", "ar");
        assertArrayEquals(miss.body(), hit.body());
        assertEquals("Accept, Authorization, Accept-Language, Accept-Encoding",
                hit.headers().firstValue("vary").orElseThrow());
        assertEquals("ar", hit.headers().firstValue("content-language").orElseThrow());
        // Another Accept-Language is another lookup: it reads the database.
        assertEquals("عنوان آخر", title(get(path, "Accept-Language", "fr, ar;q=0.5")));
    }

    /**
     * When the cache starts again, empty (here because the listener's connection was cut, as in an outage), the newest
     * published articles are rendered into it before anyone asks for them: served without the database, with the bytes
     * and headers a read gets, by id and by a slug that no other language has. Only the newest three are
     * (content.read-cache-warm-articles in tests).
     */
    @Test
    void afterTheListenerReconnectsTheNewestArticlesAreServedBeforeAnyoneAsks() throws Exception {
        String older = published("Fourth newest " + Api.unique());
        String sharedTitle = "Shared slug " + Api.unique();
        String sharedFirst = Api.create(Api.published(Api.article("en", sharedTitle)));
        String sharedSecond = Api.create(Api.published(Api.article("fr", sharedTitle)));
        String newest = published("Newest " + Api.unique());
        // Editors' reads: they leave the cache alone.
        String slug = editor().get("/api/v1/articles/" + sharedFirst).then().extract().path("slug");
        assertEquals(slug, editor().get("/api/v1/articles/" + sharedSecond).then().extract().path("slug"));
        String newestSlug = "api/v1/articles/slug/" + URLEncoder.encode(
                editor().get("/api/v1/articles/" + newest).then().extract().path("slug"), StandardCharsets.UTF_8);
        HttpResponse<byte[]> read = get("api/v1/articles/" + newest);
        HttpResponse<byte[]> readBySlug = get(newestSlug);
        quiet();

        long ticket = cache.ticket();
        assertEquals(1L, db.count("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                + " where application_name = ?", ChangeListener.APPLICATION_NAME));
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        // The third newest is rendered last.
        while (cache.ticket() == ticket || cache.article(UUID.fromString(sharedFirst)).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the newest articles were not rendered within 15 s");
            Thread.sleep(50);
        }
        for (String id : List.of(older, sharedFirst, sharedSecond, newest)) {
            renameBehindTheServicesBack(id, "Renamed in SQL");
        }

        HttpResponse<byte[]> warmed = get("api/v1/articles/" + newest);
        assertArrayEquals(read.body(), warmed.body());
        assertEquals(headers(read), headers(warmed));
        HttpResponse<byte[]> warmedBySlug = get(newestSlug);
        assertArrayEquals(readBySlug.body(), warmedBySlug.body());
        assertEquals(headers(readBySlug), headers(warmedBySlug));
        assertEquals(sharedTitle, title(get("api/v1/articles/" + sharedSecond)));
        assertEquals(sharedTitle, title(get("api/v1/articles/" + sharedFirst)));
        // The slug alone leads to the article that took it first, which the database says.
        HttpResponse<byte[]> bySharedSlug = get("api/v1/articles/slug/" + URLEncoder.encode(slug, StandardCharsets.UTF_8));
        assertEquals(sharedFirst, io.restassured.path.json.JsonPath.from(new String(bySharedSlug.body(),
                StandardCharsets.UTF_8)).getString("id"));
        assertEquals("Renamed in SQL", title(bySharedSlug));
        assertEquals("Renamed in SQL", title(get("api/v1/articles/" + older)));
    }

    @Test
    void aScheduledArticleIsNotServedBeforeItsTimeAndIsAfter() throws Exception {
        String id = editor().contentType(ContentType.JSON).body(Api.article("en", "Scheduled " + Api.unique()))
                .post("/api/v1/articles").then().statusCode(201).extract().path("id");
        editor().contentType(ContentType.JSON).body(Map.of("publishedAt", Instant.now().plusSeconds(2).toString()))
                .post("/api/v1/articles/" + id + "/publish").then().statusCode(200);
        assertEquals(404, get("api/v1/articles/" + id).statusCode());
        assertEquals(404, get("api/v1/articles/" + id).statusCode());
        Thread.sleep(2_100);
        assertEquals(200, get("api/v1/articles/" + id).statusCode());
    }

    @Test
    void aListPageIsCachedUntilAWriteOrAScheduledPublicationChangesIt() throws Exception {
        String tag = "cache-" + Api.unique();
        Map<String, Object> first = Api.published(Api.article("en", "First of the tag " + Api.unique()));
        first.put("tags", List.of(tag));
        String firstId = Api.create(first);
        String page = "api/v1/articles?tag=" + tag + "&limit=5";
        quiet();
        HttpResponse<byte[]> miss = get(page);
        renameBehindTheServicesBack(firstId, "Renamed in SQL");
        HttpResponse<byte[]> hit = get(page);
        assertArrayEquals(miss.body(), hit.body());
        assertEquals(headers(miss), headers(hit));
        assertEquals(304, get(page, "If-None-Match", hit.headers().firstValue("etag").orElseThrow()).statusCode());

        // A write anywhere drops every page: the next read sees the database (and the SQL rename with it).
        Map<String, Object> second = Api.article("en", "Second of the tag " + Api.unique());
        second.put("tags", List.of(tag));
        String secondId = Api.create(second);
        String afterWrite = new String(get(page).body(), StandardCharsets.UTF_8);
        assertTrue(afterWrite.contains("Renamed in SQL"), afterWrite);

        // Scheduled: no write happens when it comes due, yet the page shows it from then on.
        editor().contentType(ContentType.JSON).body(Map.of("publishedAt", Instant.now().plusSeconds(2).toString()))
                .post("/api/v1/articles/" + secondId + "/publish").then().statusCode(200);
        assertEquals(1, io.restassured.path.json.JsonPath.from(new String(get(page).body(), StandardCharsets.UTF_8))
                .getList("items").size());
        assertEquals(1, io.restassured.path.json.JsonPath.from(new String(get(page).body(), StandardCharsets.UTF_8))
                .getList("items").size());
        Thread.sleep(2_100);
        assertEquals(List.of(secondId, firstId), io.restassured.path.json.JsonPath.from(
                new String(get(page).body(), StandardCharsets.UTF_8)).getList("items.id"));
    }

    @Test
    void searchResultsAreCachedAndRevalidate() throws Exception {
        String word = word();
        String id = published("Searching for " + word);
        String search = "api/v1/search?q=" + word;
        quiet();
        HttpResponse<byte[]> miss = get(search);
        assertEquals(200, miss.statusCode());
        renameBehindTheServicesBack(id, "Renamed in SQL");
        HttpResponse<byte[]> hit = get(search);
        assertArrayEquals(miss.body(), hit.body());
        assertEquals(headers(miss), headers(hit));
        assertEquals("public, max-age=60, stale-while-revalidate=300", hit.headers().firstValue("cache-control").orElseThrow());
        assertEquals(304, get(search, "If-None-Match", hit.headers().firstValue("etag").orElseThrow()).statusCode());
    }

    @Test
    void aSearchPageOutlivesWritesThatCannotChangeItAndGoesWithOneThatCan() throws Exception {
        String word = word();
        String id = published("Searching for " + word);
        String search = "api/v1/search?q=" + word;
        HttpResponse<byte[]> miss = kept(search, id);

        // A draft with the word, and a published article without it: the results are the same after them.
        Api.create(Api.article("en", "A draft about " + word));
        published("Unrelated " + word());
        assertArrayEquals(miss.body(), get(search).body());

        // A published article with the word is in the results the next read gets.
        String second = published("Also about " + word);
        assertEquals(List.of("Also about " + word, "Renamed in SQL"), hitTitles(get(search)));
        assertEquals(List.of(second, id), hitIds(get(search)));
    }

    @Test
    void aSearchPageAmongTheNewestOfManyMatchesOutlivesNewcomersThatDoNotReachIt() throws Exception {
        String word = word();
        moreMatchesThanAreRanked(word);
        String search = "api/v1/search?q=" + word + "&limit=5";
        quiet();
        HttpResponse<byte[]> miss = kept(search, hitIds(get(search)).get(0));
        assertEquals(5, hitIds(miss).size());

        // A newcomer that ranks below the page's last hit (the word only in its closing paragraph) leaves it as it is,
        // and so does one older than every candidate, which does not join them.
        Map<String, Object> low = Api.published(Api.article("en", "Low " + word()));
        low.put("closing", "It mentions " + word + " at last.");
        Api.create(low);
        Map<String, Object> old = Api.published(Api.article("en", "Old news about " + word));
        old.put("publishedAt", "2001-01-01T00:00:00Z");
        Api.create(old);
        assertArrayEquals(miss.body(), get(search).body());

        // One that ranks first changes it.
        String top = published("Breaking " + word);
        HttpResponse<byte[]> after = get(search);
        assertEquals(top, hitIds(after).get(0));
        assertTrue(hitTitles(after).contains("Renamed in SQL"));
    }

    /**
     * The page as the cache keeps it, once it does, with an article shown on it renamed to "Renamed in SQL" behind the
     * service's back: a read that still shows the name before proves the page came from the cache. A notification of an
     * earlier test's write handled while the page was read keeps that read's copy out; then the article gets another
     * name, the page is dropped (notified) and read again.
     */
    private HttpResponse<byte[]> kept(String search, String id) throws Exception {
        quiet();
        for (int attempt = 0; attempt < 5; attempt++) {
            HttpResponse<byte[]> page = get(search);
            renameBehindTheServicesBack(id, "Renamed in SQL");
            if (!new String(page.body(), StandardCharsets.UTF_8).contains("Renamed in SQL")
                    && Arrays.equals(page.body(), get(search).body())) {
                return page;
            }
            renameBehindTheServicesBack(id, "Named before attempt " + (attempt + 1));
            notifyAndWait(id);
            quiet();
        }
        throw new AssertionError("the page was never kept: " + search);
    }

    /** More published articles with the word than a search ranks: its candidates are the newest of them. */
    private static void moreMatchesThanAreRanked(String word) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i <= SearchRepository.CANDIDATES; i++) {
            lines.append(JSON.writeValueAsString(Api.published(Api.article("en", "Pooled " + word + " " + i))))
                    .append('\n');
        }
        String answers = editor().contentType("application/x-ndjson").body(lines.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles/bulk").then().statusCode(200).extract().asString();
        // Every line answered (the answer streams as batches commit): all of them are written.
        assertEquals(SearchRepository.CANDIDATES + 1, answers.lines().filter(line -> line.contains("\"status\":201")).count());
    }

    /**
     * Writes of every kind, in a random order, each followed by reads of three cached pages (the first, one reached by
     * cursor, and the first of English articles only): what they serve is what a key holder, whom the cache never
     * serves, gets from the database. Not the total: beyond 500 matches it is the planner's estimate, which a kept page
     * keeps and which changes with the table's statistics.
     */
    @Test
    void keptSearchPagesAreWhatTheDatabaseGivesAfterEveryKindOfWrite() throws Exception {
        String word = word();
        moreMatchesThanAreRanked(word);
        String first = "api/v1/search?q=" + word + "&limit=4";
        String second = first + "&cursor=" + io.restassured.path.json.JsonPath.from(new String(get(first).body(),
                StandardCharsets.UTF_8)).getString("nextCursor");
        String english = first + "&lang=en";
        java.util.Random random = new java.util.Random(20261205);
        for (int step = 0; step < 30; step++) {
            get(first);
            get(second);
            get(english);
            int kind = random.nextInt(8);
            Map<String, Object> body = Api.published(Api.article(kind == 7 ? "ar" : "en", "Step " + step + " " + word()));
            switch (kind) {
                case 0 -> body.put("title", "Step " + step + " " + word); // ranks with the best
                case 1 -> body.put("closing", "Mentions " + word + "."); // ranks below them
                case 2 -> {
                    body.put("title", "Old " + word);
                    body.put("publishedAt", "2001-01-01T00:00:0" + step % 10 + "Z"); // older than every candidate
                }
                case 3 -> {
                } // without the word
                case 4 -> body.put("status", "draft");
                case 7 -> body.put("title", "خبر " + word); // ranks with the best, in Arabic
                default -> {
                }
            }
            if (kind == 5 || kind == 6) {
                // A candidate changes: one shown on the first page, or one of the second.
                List<String> shown = items(get(kind == 5 ? first : second), "id");
                String id = shown.get(random.nextInt(shown.size()));
                if (random.nextBoolean()) {
                    editor().contentType(Api.MERGE_PATCH).body(Map.of("subtitle", "Edited at step " + step))
                            .patch("/api/v1/articles/" + id).then().statusCode(200);
                } else {
                    editor().post("/api/v1/articles/" + id + "/unpublish").then().statusCode(200);
                }
            } else {
                Api.create(body);
            }
            for (String search : List.of(first, second, english)) {
                io.restassured.path.json.JsonPath served = io.restassured.path.json.JsonPath.from(
                        new String(get(search).body(), StandardCharsets.UTF_8));
                io.restassured.path.json.JsonPath fresh = editor().get("/" + search).then().statusCode(200).extract()
                        .jsonPath();
                assertEquals(fresh.getList("items"), served.getList("items"), search + ", step " + step + ", kind " + kind);
                assertEquals(fresh.getString("nextCursor"), served.getString("nextCursor"), search + ", step " + step);
            }
        }
    }

    @Test
    void readersAskingForTheSamePageAtOnceCauseOneSearchInTheDatabase() throws Exception {
        String word = word();
        published("Asked for at once " + word);
        String search = "api/v1/search?q=" + word;
        quiet();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (Connection blocker = dataSource.getConnection()) {
            // The table locked, a search waits in PostgreSQL until the lock goes: long enough for all readers to ask.
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("lock table article in access exclusive mode");
            }
            List<CompletableFuture<HttpResponse<byte[]>>> readers = IntStream.range(0, 8)
                    .mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(URI.create(base.toString()).resolve(search))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray()))
                    .toList();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (waitingSearches() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(300); // the other readers' requests arrive meanwhile
            assertEquals(1, waitingSearches());
            blocker.rollback();
            List<HttpResponse<byte[]>> answers = readers.stream().map(CompletableFuture::join).toList();
            for (HttpResponse<byte[]> answer : answers) {
                assertEquals(200, answer.statusCode());
                assertArrayEquals(answers.get(0).body(), answer.body());
            }
            assertEquals(List.of("Asked for at once " + word), items(answers.get(0), "title"));
        }
    }

    /** Searches waiting in PostgreSQL for a lock on the article table. */
    private long waitingSearches() {
        return ((Number) db.value("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                + " and query like '%ts_rank_cd%' and pid <> pg_backend_pid()")).longValue();
    }

    @Test
    void aSearchPageGoesWhenAnArticleItRankedChanges() throws Exception {
        String word = word();
        String first = published("First about " + word);
        String second = published("Second about " + word);
        String search = "api/v1/search?q=" + word;
        quiet();
        assertEquals(List.of(second, first), hitIds(get(search)));
        renameBehindTheServicesBack(first, "Renamed in SQL");

        // The second no longer has the word: it leaves the results, and the page they were on goes.
        editor().contentType(Api.MERGE_PATCH).body(Map.of("title", "No longer matching"))
                .patch("/api/v1/articles/" + second).then().statusCode(200);
        assertEquals(List.of("Renamed in SQL"), hitTitles(get(search)));

        editor().post("/api/v1/articles/" + first + "/unpublish").then().statusCode(200);
        assertEquals(List.of(), hitIds(get(search)));
    }

    @Test
    void aNotificationDropsOnlyTheSearchPagesItsArticleCanChange() throws Exception {
        String word = word();
        String id = published("Notified search " + word);
        String other = published("Another story " + word());
        String search = "api/v1/search?q=" + word;
        HttpResponse<byte[]> miss = kept(search, id);

        // Another instance changed an article that neither was in the results nor has the word.
        notifyAndWait(other);
        assertArrayEquals(miss.body(), get(search).body());

        // ... then gave it the word (with the rest of the first one's document): it matches now, so the page goes.
        assertEquals(1, db.update("update article set search_document = search_document"
                + " || (select f.search_document from article f where f.id = ?) where id = ?", UUID.fromString(id),
                UUID.fromString(other)));
        notifyAndWait(other);
        assertEquals(List.of(id, other).stream().sorted().toList(), hitIds(get(search)).stream().sorted().toList());
        assertTrue(hitTitles(get(search)).contains("Renamed in SQL"));

        // A change to an article in the results, notified, drops the page too.
        renameBehindTheServicesBack(id, "Renamed again");
        notifyAndWait(id);
        assertTrue(hitTitles(get(search)).contains("Renamed again"));
    }

    /**
     * Notifies a write of the article as another instance would, and waits until this instance has acted on it: the
     * notification has been taken when the cache's ticket moves, and its handling is over when that of a second one,
     * sent only then, has begun (one thread handles them in order).
     */
    private void notifyAndWait(String id) throws InterruptedException {
        String slug = (String) db.value("select slug from article where id = ?", UUID.fromString(id));
        notifyAndWaitForTicket(id + " en " + slug);
        notifyAndWaitForTicket(UUID.randomUUID() + " en no-such-article");
    }

    private void notifyAndWaitForTicket(String payload) throws InterruptedException {
        long ticket = cache.ticket();
        db.value("select pg_notify('khabar_article', ?)", payload);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (cache.ticket() == ticket && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(cache.ticket() != ticket, "the notification was not acted on within 5 s");
    }

    private static List<String> hitIds(HttpResponse<byte[]> response) {
        return items(response, "id");
    }

    private static List<String> hitTitles(HttpResponse<byte[]> response) {
        return items(response, "title");
    }

    /**
     * A word of letters no other test's title holds: suggestions also take titles one typo away, and random letters
     * are no near neighbours of one another.
     */
    private static String word() {
        return "qz" + Api.uniqueLetters();
    }

    private static List<String> items(HttpResponse<byte[]> response, String member) {
        return io.restassured.path.json.JsonPath.from(new String(response.body(), StandardCharsets.UTF_8))
                .getList("items." + member);
    }

    @Test
    void suggestionsAreCachedWithTheSameBytesAndHeadersAndRevalidate() throws Exception {
        String word = word();
        String id = published("Suggesting " + word);
        String suggest = "api/v1/search/suggest?q=" + word;
        quiet();
        HttpResponse<byte[]> miss = get(suggest);
        assertEquals(200, miss.statusCode());
        assertEquals(List.of("Suggesting " + word), items(miss, "title"));
        renameBehindTheServicesBack(id, "Renamed in SQL");
        HttpResponse<byte[]> hit = get(suggest);
        assertArrayEquals(miss.body(), hit.body());
        assertEquals(headers(miss), headers(hit));
        assertEquals("public, max-age=60, stale-while-revalidate=300", hit.headers().firstValue("cache-control").orElseThrow());
        assertEquals("articles", hit.headers().firstValue("surrogate-key").orElseThrow());
        assertEquals("Accept, Authorization", hit.headers().firstValue("vary").orElseThrow());
        String etag = hit.headers().firstValue("etag").orElseThrow();
        assertTrue(etag.matches("\"l-[^\"]+\""), etag);
        HttpResponse<byte[]> notModified = get(suggest, "If-None-Match", etag);
        assertEquals(304, notModified.statusCode());
        assertEquals(0, notModified.body().length);
        assertEquals(etag, notModified.headers().firstValue("etag").orElseThrow());

        // Key holders never get the kept copy, nor may anything on the way keep theirs.
        editor().queryParam("q", word).get("/api/v1/search/suggest").then().statusCode(200)
                .header("Cache-Control", "private, no-store").body("items.title", equalTo(List.of("Renamed in SQL")));
    }

    @Test
    void largeSuggestionListsAreCachedGzippedWithTheSameBytesAndHeaders() throws Exception {
        String word = word();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(published(word + " " + i + " " + "a title long enough to need compressing ".repeat(4)));
        }
        String suggest = "api/v1/search/suggest?q=" + word + "&lang=en";
        quiet();
        HttpResponse<byte[]> miss = get(suggest, "Accept-Encoding", "gzip");
        renameBehindTheServicesBack(ids.get(0), "Renamed in SQL");
        HttpResponse<byte[]> hit = get(suggest, "Accept-Encoding", "gzip");
        HttpResponse<byte[]> identity = get(suggest);

        assertEquals(200, hit.statusCode());
        assertArrayEquals(miss.body(), hit.body());
        assertEquals(headers(miss), headers(hit));
        assertEquals("gzip", hit.headers().firstValue("content-encoding").orElseThrow());
        assertEquals("Accept, Authorization, Accept-Encoding", hit.headers().firstValue("vary").orElseThrow());
        String gzipTag = hit.headers().firstValue("etag").orElseThrow();
        assertEquals(identity.headers().firstValue("etag").orElseThrow().replaceFirst("\"$", "-gz\""), gzipTag);
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(hit.body())).readAllBytes();
        assertArrayEquals(identity.body(), unzipped);
        assertEquals(5, items(identity, "id").size());
        assertTrue(new String(unzipped, StandardCharsets.UTF_8).contains(word + " 0 "), "kept before the rename");
        assertEquals(304, get(suggest, "If-None-Match", gzipTag).statusCode());
    }

    @Test
    void keptSuggestionsOutliveWritesThatCannotChangeThemAndGoWithOnesThatCan() throws Exception {
        String word = word();
        String id = published("Suggested then changed " + word);
        String suggest = "api/v1/search/suggest?q=" + word;
        quiet();
        assertEquals(200, get(suggest).statusCode());
        renameBehindTheServicesBack(id, "Renamed in SQL");
        assertEquals(List.of("Suggested then changed " + word), items(get(suggest), "title"));

        // A draft with the word, and a published title with nothing like it: the suggestions are the same after them.
        Api.create(Api.article("en", "A draft with " + word));
        published("Nothing alike " + word());
        assertEquals(List.of("Suggested then changed " + word), items(get(suggest), "title"));

        // A published title with a word that starts with the text is suggested on the next read.
        published("Another " + word + "s story");
        assertEquals(List.of("Another " + word + "s story", "Renamed in SQL"), items(get(suggest), "title"));

        // So is one with a word one typo away (the text is long enough for likeness), after those that start with it.
        String typo = word.substring(0, 6) + (word.charAt(6) == 'x' ? 'y' : 'x') + word.substring(7);
        published("Typo " + typo);
        assertEquals(List.of("Another " + word + "s story", "Renamed in SQL", "Typo " + typo),
                items(get(suggest), "title"));

        // A write by another instance of a title shown arrives as a notification only.
        quiet();
        get(suggest);
        renameBehindTheServicesBack(id, "Changed by another instance");
        assertEquals(List.of("Another " + word + "s story", "Renamed in SQL", "Typo " + typo),
                items(get(suggest), "title"));
        notifyAndWait(id);
        assertEquals(List.of("Another " + word + "s story", "Changed by another instance", "Typo " + typo),
                items(get(suggest), "title"));
    }

    @Test
    void aScheduledTitleIsSuggestedWhenItsTimeComes() throws Exception {
        String word = word();
        String publishedId = published("Already out " + word);
        String scheduledId = editor().contentType(ContentType.JSON).body(Api.article("en", "Coming soon " + word))
                .post("/api/v1/articles").then().statusCode(201).extract().path("id");
        String suggest = "api/v1/search/suggest?q=" + word;
        quiet(); // before the schedule: waiting for the notifications of earlier tests can take longer than 2 s
        editor().contentType(ContentType.JSON).body(Map.of("publishedAt", Instant.now().plusSeconds(2).toString()))
                .post("/api/v1/articles/" + scheduledId + "/publish").then().statusCode(200);
        assertEquals(List.of(publishedId), items(get(suggest), "id"));
        assertEquals(List.of(publishedId), items(get(suggest), "id"));
        Thread.sleep(2_100);
        // No write happens when it comes due, yet it is suggested from then on (newest first).
        assertEquals(List.of(scheduledId, publishedId), items(get(suggest), "id"));
    }

    @Test
    void everyRepresentationIsCachedWithItsOwnBytesButThoseNamingTheRequestsHost() throws Exception {
        String id = editor().contentType("text/plain; charset=utf-8").body(SEED.replaceFirst("\n", "\n" + Api.unique() + " "))
                .post("/api/v1/articles/import?status=published").then().statusCode(201).extract().path("id");
        String path = "api/v1/articles/" + id;
        Map<String, String[]> reads = new TreeMap<>(Map.of(
                "text", new String[] { "Accept", "text/plain" },
                "markdown", new String[] { "Accept", "text/markdown, application/json;q=0.5" },
                "html", new String[] { "Accept", "text/html,application/xhtml+xml,*/*;q=0.8" },
                "jsonld", new String[] { "Accept", "application/ld+json" }));
        quiet();
        Map<String, HttpResponse<byte[]>> misses = new TreeMap<>();
        for (Map.Entry<String, String[]> read : reads.entrySet()) {
            misses.put(read.getKey(), get(path, read.getValue()));
        }
        HttpResponse<byte[]> ninjs = get(path + "?format=ninjs");
        renameBehindTheServicesBack(id, "Renamed in SQL");

        for (Map.Entry<String, String[]> read : reads.entrySet()) {
            HttpResponse<byte[]> again = get(path, read.getValue());
            HttpResponse<byte[]> miss = misses.get(read.getKey());
            assertEquals(200, again.statusCode(), read.getKey());
            String body = new String(again.body(), StandardCharsets.UTF_8);
            if (read.getKey().equals("jsonld")) {
                // Its url is on the request's host (no content.article-url-template here): never kept.
                assertTrue(body.contains("Renamed in SQL"), body);
            } else {
                assertArrayEquals(miss.body(), again.body(), read.getKey());
                assertEquals(headers(miss), headers(again), read.getKey());
            }
        }
        assertTrue(new String(get(path + "?format=ninjs").body(), StandardCharsets.UTF_8).contains("Renamed in SQL"));
        assertEquals(ninjs.headers().firstValue("etag"), get(path + "?format=ninjs").headers().firstValue("etag"));
    }
}
