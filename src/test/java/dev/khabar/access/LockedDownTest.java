package dev.khabar.access;

import static dev.khabar.support.Api.anonymous;
import static dev.khabar.support.Api.article;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A deployment with no admin token and a small anonymous rate limit. */
@QuarkusTest
@TestProfile(LockedDownTest.Profile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LockedDownTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("content.admin-token", "", "content.rate-limit-anonymous", "5",
                    "content.rate-limit-window", "60s");
        }
    }

    @Test
    @Order(1)
    void withoutAdminTokenOrAdminKeyWritesTellTheOperatorWhatToSet() {
        anonymous().contentType(ContentType.JSON).body(article("en", "x")).post("/api/v1/articles").then()
                .statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("CONTENT_ADMIN_TOKEN"));
    }

    @Test
    @Order(2)
    void anonymousClientsAreLimitedWithRateLimitHeadersAnd429() {
        int allowed = 0;
        Integer previous = null;
        for (int i = 0; i < 12; i++) {
            Response response = anonymous().get("/api/v1/articles");
            if (response.statusCode() == 429) {
                response.then().contentType("application/problem+json")
                        .body("type", equalTo("urn:khabar:problem:rate-limited"))
                        .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                        .header("RateLimit-Policy", equalTo("\"anonymous\";q=5;w=60"))
                        .header("RateLimit", org.hamcrest.Matchers.matchesPattern("\"anonymous\";r=0;t=[0-9]+"));
                assertTrue(allowed <= 5, allowed + " requests got through a limit of 5");
                assertTrue(i >= 1, "the first request was refused");
                return;
            }
            response.then().statusCode(200).header("RateLimit-Policy", equalTo("\"anonymous\";q=5;w=60"));
            int remaining = Integer.parseInt(response.header("RateLimit").replaceAll(".*;r=([0-9]+);.*", "$1"));
            if (previous != null && remaining > previous) {
                // Windows are aligned to the epoch (RateLimiter): one turned between two requests, counting restarts.
                assertEquals(4, remaining, "remaining went from " + previous + " to " + remaining);
                allowed = 0;
            } else {
                assertTrue(previous == null || remaining == previous - 1,
                        "remaining went from " + previous + " to " + remaining);
            }
            previous = remaining;
            allowed++;
        }
        throw new AssertionError("no 429 after 12 requests with a limit of 5");
    }
}
