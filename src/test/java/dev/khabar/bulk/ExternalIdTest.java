package dev.khabar.bulk;

import static dev.khabar.support.Api.MERGE_PATCH;
import static dev.khabar.support.Api.anonymous;
import static dev.khabar.support.Api.editor;
import static dev.khabar.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.khabar.support.Api;
import dev.khabar.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** externalId on the single-article endpoints: written on create, replace and patch, shown to every reader, unique. */
@QuarkusTest
class ExternalIdTest {

    @Inject
    Db db;

    @Test
    void isWrittenOnCreateShownToReadersAndKeptByAReadBackReplace() {
        String u = unique();
        String id = Api.create(Api.published(Bulk.article("ar", "معرف خارجي " + u, "wp:" + u + "/4711")));
        anonymous().get("/api/v1/articles/" + id).then().statusCode(200).body("externalId", equalTo("wp:" + u + "/4711"));
        assertEquals("wp:" + u + "/4711", db.value("select external_id from article where id = ?", UUID.fromString(id)));

        // What a read returned goes back as is, external id included.
        String read = editor().get("/api/v1/articles/" + id).then().extract().asString();
        editor().contentType(ContentType.JSON).body(read).put("/api/v1/articles/" + id).then().statusCode(200)
                .body("externalId", equalTo("wp:" + u + "/4711"), "version", equalTo(2));
        // A patch changes it, or removes it with null.
        editor().contentType(MERGE_PATCH).body(Map.of("externalId", "wp:" + u + "/4712")).patch("/api/v1/articles/" + id)
                .then().statusCode(200).body("externalId", equalTo("wp:" + u + "/4712"));
        editor().contentType(MERGE_PATCH).body("{\"externalId\": null}").patch("/api/v1/articles/" + id)
                .then().statusCode(200).body("externalId", nullValue());
        // Articles without one show null.
        String plain = Api.create(Api.article("en", "No external id " + u));
        editor().get("/api/v1/articles/" + plain).then().body("externalId", nullValue());
    }

    @Test
    void isUniqueAcrossArticles() {
        String u = unique();
        String first = Api.create(Bulk.article("en", "First " + u, "unique-" + u));
        editor().contentType(ContentType.JSON).body(Bulk.article("en", "Second " + u, "unique-" + u)).post("/api/v1/articles")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:khabar:problem:external-id-taken"), "status", equalTo(409),
                        "title", equalTo("External id already in use"),
                        "errors[0].pointer", equalTo("/externalId"),
                        "errors[0].detail", equalTo("belongs to the article " + first));
        String second = Api.create(Bulk.article("en", "Second " + u, "other-" + u));
        editor().contentType(MERGE_PATCH).body(Map.of("externalId", "unique-" + u)).patch("/api/v1/articles/" + second)
                .then().statusCode(409).body("type", equalTo("urn:khabar:problem:external-id-taken"));
        assertEquals(1, db.count("select count(*) from article where external_id = ?", "unique-" + u));
    }

    @Test
    void isVisibleAsciiOfAtMost200Characters() {
        String u = unique();
        for (String bad : new String[] { "with space", "عربي", "tab\there", "", "x".repeat(201) }) {
            editor().contentType(ContentType.JSON).body(Bulk.article("en", "Bad id " + u, bad)).post("/api/v1/articles")
                    .then().statusCode(400).body("type", equalTo("urn:khabar:problem:validation"),
                            "errors[0].pointer", equalTo("/externalId"));
        }
        editor().contentType(ContentType.JSON).body(Bulk.article("en", "Long id " + u, "x".repeat(192) + u))
                .post("/api/v1/articles").then().statusCode(201);
        assertEquals(0, db.count("select count(*) from article where title = ?", "Bad id " + u));
    }
}
