package dev.khabar.http;

import static dev.khabar.support.Api.anonymous;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** What a browser needs: CORS for frontends on other origins, and security headers on every answer. */
@QuarkusTest
class BrowserHeadersTest {

    @Test
    void securityHeadersOnAnswersAndErrors() {
        for (String path : new String[] { "/api/v1/articles", "/api/v1/articles/nope", "/api/v1/no-such-route" }) {
            anonymous().get(path).then()
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("Referrer-Policy", equalTo("no-referrer"))
                    .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"));
        }
    }

    @Test
    void corsLetsOtherOriginsReadAndSeeTheHeadersTheyNeed() {
        anonymous().header("Origin", "https://news.example").get("/api/v1/articles").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://news.example"))
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("RateLimit"))
                .header("Access-Control-Expose-Headers", containsString("Location"));
        anonymous().header("Origin", "https://news.example").header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization, if-match, content-type")
                .options("/api/v1/articles/x").then().statusCode(200)
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"));
    }
}
