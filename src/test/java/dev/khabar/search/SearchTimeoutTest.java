package dev.khabar.search;

import static dev.khabar.support.Api.anonymous;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A search that runs past its time limit is stopped and answered with a 503 problem, and the service goes on. */
@QuarkusTest
@TestProfile(SearchTimeoutTest.ShortLimit.class)
class SearchTimeoutTest {

    public static class ShortLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("content.search-timeout", "300ms");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void slowSearchIs503WithRetryAfter() throws Exception {
        // A migration holding the table stands in for a slow query: the search waits on the lock past its limit.
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("lock table article in access exclusive mode");
            }
            anonymous().queryParam("q", "york").get("/api/v1/search").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", equalTo("1"))
                    .body("type", equalTo("urn:khabar:problem:search-timeout"), "status", equalTo(503));
            blocker.rollback();
        }
        anonymous().queryParam("q", "york").get("/api/v1/search").then().statusCode(200);
    }
}
