package dev.khabar.db;

import static dev.khabar.support.Api.anonymous;
import static dev.khabar.support.Api.article;
import static dev.khabar.support.Api.editor;
import static dev.khabar.support.Api.published;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.khabar.support.Api;
import dev.khabar.support.Db;
import dev.khabar.support.RelayedDatabase;
import dev.khabar.support.TcpRelay;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The service outlives a cut database connection: while the database cannot be reached, requests fail fast with a
 * 503 problem and readiness is down; once it can, requests succeed again without a restart, and every write that was
 * acknowledged, before or during the outage, is there. The shared database is never stopped: a relay between the
 * service and the database is cut instead.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.Relayed.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageTest {

    public static class Relayed implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RelayedDatabase.class));
        }
    }

    /** Failing fast means well under the HTTP clients' usual 30 s: the pool's acquisition timeout and some slack. */
    private static final Duration FAIL_WITHIN = Duration.ofSeconds(5);
    /** Recovery is the pool's next connection attempt: at once, once connections are refused no more. */
    private static final Duration RECOVER_WITHIN = Duration.ofSeconds(10);

    @RelayedDatabase.Relay
    TcpRelay relay;

    @Inject
    Db db;

    /**
     * A cut leaves the pool's idle connections broken. After it, none must be lent to a request: the pool checks a
     * connection that has been idle for a while before lending it (quarkus.datasource.jdbc.foreground-validation-interval).
     */
    @Test
    @Order(1)
    void aBriefCutCostsNoRequestAfterIt() throws Exception {
        String id = create("Before a brief cut " + Api.unique()).then().statusCode(201).extract().path("id");
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            // Concurrent requests, so that the pool holds several connections.
            List<Callable<Integer>> reads = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                reads.add(() -> anonymous().get("/api/v1/articles").statusCode());
            }
            for (int round = 0; round < 3; round++) {
                for (Future<Integer> status : clients.invokeAll(reads)) {
                    assertEquals(200, status.get());
                }
            }
            int pooled = relay.connections();
            assertTrue(pooled >= 2, "the pool holds " + pooled + " connections");

            relay.cut();
            pause(1_500); // longer than the foreground validation interval
            relay.restore();

            long restoredAt = System.nanoTime();
            for (int i = 0; i < pooled + 2; i++) {
                anonymous().get("/api/v1/articles/" + id).then().statusCode(200);
            }
            for (Future<Integer> status : clients.invokeAll(reads)) {
                assertEquals(200, status.get());
            }
            create("After a brief cut " + Api.unique()).then().statusCode(201);
            System.out.printf("Brief cut: %d pooled connections broken, %d requests after it all answered in %d ms%n",
                    pooled, pooled + 2 + reads.size() + 1, Duration.ofNanos(System.nanoTime() - restoredAt).toMillis());
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    @Order(2)
    void outageAnswers503AndRecoversWithoutLosingAcknowledgedWrites() throws Exception {
        Map<String, String> before = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            String title = "Before the outage " + i + " " + Api.unique();
            before.put(create(title).then().statusCode(201).extract().path("id"), title);
        }
        anonymous().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        // A writer that keeps going through the outage: whatever it was told was created must exist afterwards.
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        Thread writer = new Thread(() -> {
            while (writing.get()) {
                String title = "Written around the outage " + Api.unique();
                long start = System.nanoTime();
                Response response = create(title);
                attempts.add(new Attempt(title, response.statusCode(), response.contentType(),
                        response.header("Retry-After"), response.statusCode() == 201 ? response.path("id") : null,
                        Duration.ofNanos(System.nanoTime() - start)));
                pause(50);
            }
        }, "outage-writer");
        writer.start();
        pause(300);

        relay.cut();
        long cutAt = System.nanoTime();
        try {
            Map<String, Long> failures = new LinkedHashMap<>();
            String anyId = before.keySet().iterator().next();
            // Reads and writes, the first of them on connections the cut broke: each a 503, none a 500.
            for (int i = 0; i < 2; i++) {
                failures.put("read " + i, expectUnavailable(() -> anonymous().get("/api/v1/articles/" + anyId)));
                failures.put("list " + i, expectUnavailable(() -> anonymous().get("/api/v1/articles")));
            }
            failures.put("create", expectUnavailable(() -> create("Written during the outage " + Api.unique())));
            failures.put("replace", expectUnavailable(() -> editor().contentType(ContentType.JSON)
                    .body(published(article("en", "Replaced during the outage"))).put("/api/v1/articles/" + anyId)));
            long readiness = System.nanoTime();
            anonymous().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            failures.put("readiness", Duration.ofNanos(System.nanoTime() - readiness).toMillis());
            System.out.println("Outage: ms to answer 503 " + failures);
        } finally {
            relay.restore();
        }
        long restoredAt = System.nanoTime();

        // Back without a restart: the first read and write to succeed, polled with a deadline.
        String recoveredId = null;
        int stillFailing = 0;
        while (recoveredId == null) {
            Response read = anonymous().get("/api/v1/articles/" + before.keySet().iterator().next());
            Response write = read.statusCode() == 200 ? create("Written after the outage " + Api.unique()) : read;
            if (write.statusCode() == 201) {
                recoveredId = write.path("id");
            } else if (System.nanoTime() - restoredAt > RECOVER_WITHIN.toNanos()) {
                fail("not recovered " + RECOVER_WITHIN.toSeconds() + " s after the database came back: "
                        + write.statusCode() + " " + write.asString());
            } else {
                assertEquals(503, write.statusCode(), () -> "while recovering: " + write.asString());
                stillFailing++;
                pause(100);
            }
        }
        System.out.printf("Recovered %d ms after the relay was restored, %d requests failing before (outage lasted %d ms)%n",
                Duration.ofNanos(System.nanoTime() - restoredAt).toMillis(), stillFailing,
                Duration.ofNanos(restoredAt - cutAt).toMillis());
        pause(300);
        writing.set(false);
        writer.join(10_000);

        anonymous().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        before.forEach((id, title) -> editor().get("/api/v1/articles/" + id).then().statusCode(200)
                .body("title", equalTo(title), "lead", equalTo("The lead paragraph says what happened."),
                        "sections[0].bullets[1]", equalTo("Another point."), "closing",
                        equalTo("The closing paragraph.")));

        long acknowledged = 0;
        long refused = 0;
        for (Attempt attempt : attempts) {
            long stored = db.count("select count(*) from article where title = ?", attempt.title());
            if (attempt.status() == 201) {
                acknowledged++;
                assertEquals(1, stored, () -> "acknowledged write lost: " + attempt);
                editor().get("/api/v1/articles/" + attempt.id()).then().statusCode(200)
                        .body("title", equalTo(attempt.title()));
            } else {
                refused++;
                // Never a 500: a write cut off mid-way is a 503 like any other, and may or may not have committed.
                assertEquals(503, attempt.status(), () -> "write during the outage: " + attempt);
                assertEquals("application/problem+json", attempt.contentType(), attempt::toString);
                assertTrue(attempt.retryAfter() != null, attempt::toString);
                assertTrue(stored <= 1, attempt::toString);
            }
            assertTrue(attempt.took().compareTo(FAIL_WITHIN) < 0, () -> "too slow: " + attempt);
        }
        System.out.printf("Writer: %d acknowledged, %d refused with 503, slowest %d ms%n", acknowledged, refused,
                attempts.stream().mapToLong(a -> a.took().toMillis()).max().orElse(0));
        assertTrue(acknowledged > 0 && refused > 0, "the writer ran before, during and after the outage");
    }

    private record Attempt(String title, int status, String contentType, String retryAfter, String id,
            Duration took) {
    }

    private static Response create(String title) {
        return editor().contentType(ContentType.JSON).body(published(article("en", title))).post("/api/v1/articles");
    }

    /** Sends a request while the database is cut off; it must fail with the unavailable problem, and quickly. */
    private static long expectUnavailable(Supplier<Response> request) {
        long start = System.nanoTime();
        Response response = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        response.then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]?"))
                .body("type", equalTo("urn:khabar:problem:unavailable"), "title", equalTo("Service Unavailable"),
                        "status", equalTo(503), "detail", matchesPattern(".*database cannot be reached.*"));
        assertTrue(took.compareTo(FAIL_WITHIN) < 0, () -> "took " + took.toMillis() + " ms to fail");
        return took.toMillis();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
