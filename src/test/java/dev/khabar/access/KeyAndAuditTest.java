package dev.khabar.access;

import static dev.khabar.support.Api.article;
import static dev.khabar.support.Api.editor;
import static dev.khabar.support.Api.with;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.khabar.support.Api;
import dev.khabar.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Keys are shown once and stored hashed; their writes carry their name into revisions and the audit log. */
@QuarkusTest
class KeyAndAuditTest {

    @Inject
    Db db;

    @Test
    void keyIsShownOnceStoredHashedAndRevokedAtOnce() throws Exception {
        String name = "مكتب التحرير " + Api.unique();
        Response issued = editor().contentType(ContentType.JSON)
                .body(Map.of("name", name, "role", "editor", "expiresAt", "2099-01-01T00:00:00Z"))
                .post("/api/v1/keys");
        issued.then().statusCode(201).header("Cache-Control", "no-store")
                .body("name", equalTo(name), "role", equalTo("editor"), "expiresAt", equalTo("2099-01-01T00:00:00Z"),
                        "createdBy", equalTo("admin-token"), "secret", matchesPattern("khb_[A-Za-z0-9_-]{43}"));
        String id = issued.path("id");
        String secret = issued.path("secret");
        issued.then().header("Location", org.hamcrest.Matchers.endsWith("/api/v1/keys/" + id))
                .body("prefix", equalTo(secret.substring(0, 10)));

        byte[] stored = (byte[]) db.value("select secret_hash from api_key where id = ?::uuid", id);
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)), stored);
        assertEquals(0L, db.count("select count(*) from api_key where name like ? or secret_prefix = ?",
                "%" + secret + "%", secret));
        editor().get("/api/v1/keys").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.secret", nullValue(),
                        "items.find { it.id == '" + id + "' }.revokedAt", nullValue());

        String article = with(secret).contentType(ContentType.JSON).body(article("ar", "بمفتاح " + Api.unique()))
                .post("/api/v1/articles").then().statusCode(201).extract().path("id");
        editor().get("/api/v1/articles/" + article + "/revisions").then().body("items[0].actor", equalTo(name));

        editor().delete("/api/v1/keys/" + id).then().statusCode(204);
        with(secret).get("/api/v1/articles").then().statusCode(401);
        editor().get("/api/v1/keys").then().body("items.find { it.id == '" + id + "' }.revokedAt", not(nullValue()));
        editor().delete("/api/v1/keys/" + id).then().statusCode(204);
        editor().delete("/api/v1/keys/00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    @Test
    void badKeyRequestsAre400() {
        post(Map.of("name", "x", "role", "boss")).then().statusCode(400).body("errors[0].pointer", equalTo("/role"));
        post(Map.of("name", " ", "role", "editor")).then().statusCode(400).body("errors[0].pointer", equalTo("/name"));
        post(Map.of("name", "x", "role", "editor", "expiresAt", "2000-01-01T00:00:00Z")).then().statusCode(400)
                .body("errors[0].pointer", equalTo("/expiresAt"));
        post(Map.of("name", "x", "role", "editor", "secret", "mine")).then().statusCode(400)
                .body("errors[0].pointer", equalTo("/secret"));
    }

    @Test
    void everyWriteIsAuditedWithWhoWhatAndWhere() {
        String name = "audited " + Api.unique();
        String secret = editor().contentType(ContentType.JSON).body(Map.of("name", name, "role", "previewer"))
                .post("/api/v1/keys").then().statusCode(201).extract().path("secret");
        with(secret).contentType(ContentType.JSON).body(article("en", "Refused " + Api.unique()))
                .post("/api/v1/articles").then().statusCode(403);
        editor().get("/api/v1/audit?actor=" + name).then().statusCode(200)
                .body("items.size()", equalTo(1), "items[0].method", equalTo("POST"),
                        "items[0].path", equalTo("/api/v1/articles"), "items[0].status", equalTo(403),
                        "items[0].role", equalTo("previewer"), "items[0].client", equalTo("127.0.0.1"));
        String cursor = editor().get("/api/v1/audit?limit=1").then().statusCode(200)
                .body("items.size()", equalTo(1), "nextCursor", not(nullValue())).extract().path("nextCursor");
        editor().get("/api/v1/audit?limit=50&cursor=" + cursor).then().statusCode(200)
                .body("items.actor", hasItem("admin-token"));
        editor().get("/api/v1/audit?cursor=nonsense").then().statusCode(400);
    }

    private static Response post(Map<String, Object> body) {
        return editor().contentType(ContentType.JSON).body(body).post("/api/v1/keys");
    }
}
