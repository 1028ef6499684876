package dev.khabar.http;

import static dev.khabar.support.Api.article;
import static dev.khabar.support.Api.create;
import static dev.khabar.support.Api.editor;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.khabar.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With content.require-if-match, a write that does not say which version it changes is refused with 428. */
@QuarkusTest
@TestProfile(RequireIfMatchTest.Strict.class)
class RequireIfMatchTest {

    public static class Strict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("content.require-if-match", "true");
        }
    }

    @Test
    void writesWithoutIfMatchAre428() {
        Map<String, Object> body = article("en", "Strict " + Api.unique());
        String id = create(body);
        String etag = editor().get("/api/v1/articles/" + id).header("ETag");
        body.put("title", "Strict again");
        editor().contentType(ContentType.JSON).body(body).put("/api/v1/articles/" + id).then().statusCode(428)
                .contentType("application/problem+json").body("type", equalTo("urn:khabar:problem:if-match-required"));
        editor().post("/api/v1/articles/" + id + "/publish").then().statusCode(428);
        editor().delete("/api/v1/articles/" + id).then().statusCode(428);
        editor().header("If-Match", etag).contentType(ContentType.JSON).body(body).put("/api/v1/articles/" + id)
                .then().statusCode(200).body("title", equalTo("Strict again"));
    }
}
