package dev.khabar.access;

import static dev.khabar.support.Api.anonymous;
import static dev.khabar.support.Api.article;
import static dev.khabar.support.Api.create;
import static dev.khabar.support.Api.key;
import static dev.khabar.support.Api.published;
import static dev.khabar.support.Api.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.khabar.support.Api;
import dev.khabar.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The role matrix: every endpoint family, asked by anonymous callers and by previewer, editor, admin, revoked and
 * expired keys. Each cell is the status a client gets; a 401 carries WWW-Authenticate, every error is a problem.
 */
@QuarkusTest
class AccessControlTest {

    private static final List<String> CALLERS = List.of("anonymous", "previewer", "editor", "admin", "revoked", "expired");

    @Inject
    Db db;

    private final Map<String, Supplier<RequestSpecification>> callers = new LinkedHashMap<>();
    private String draft;
    private String published;

    @BeforeEach
    void keys() {
        callers.put("anonymous", () -> anonymous());
        for (String role : List.of("previewer", "editor", "admin")) {
            String secret = key(role);
            callers.put(role, () -> with(secret));
        }
        String revoked = key("editor");
        String revokedId = (String) db.value("select cast(id as text) from api_key where secret_prefix = ?",
                revoked.substring(0, 10));
        Api.editor().delete("/api/v1/keys/" + revokedId).then().statusCode(204);
        callers.put("revoked", () -> with(revoked));
        String expired = key("admin");
        db.update("update api_key set expires_at = now() - interval '1 second' where secret_prefix = ?",
                expired.substring(0, 10));
        callers.put("expired", () -> with(expired));
        draft = create(article("ar", "مسودة الصلاحيات " + Api.unique()));
        published = create(published(article("en", "Roles " + Api.unique())));
    }

    @Test
    void everyEndpointFamilyAnswersEachCallerAsItsRoleAllows() {
        List<String> failures = new ArrayList<>();
        //                                              anonymous previewer editor admin revoked expired
        check(failures, "list published", r -> r.get("/api/v1/articles"), 200, 200, 200, 200, 401, 401);
        check(failures, "read published", r -> r.get("/api/v1/articles/" + published), 200, 200, 200, 200, 401, 401);
        check(failures, "read draft", r -> r.get("/api/v1/articles/" + draft), 404, 200, 200, 200, 401, 401);
        check(failures, "list drafts", r -> r.get("/api/v1/articles?status=draft"), 401, 200, 200, 200, 401, 401);
        check(failures, "search", r -> r.get("/api/v1/search?q=roles"), 200, 200, 200, 200, 401, 401);
        check(failures, "changes", r -> r.get("/api/v1/changes?limit=1"), 200, 200, 200, 200, 401, 401);
        check(failures, "categories", r -> r.get("/api/v1/categories"), 200, 200, 200, 200, 401, 401);
        check(failures, "revisions", r -> r.get("/api/v1/articles/" + draft + "/revisions"), 401, 200, 200, 200, 401, 401);
        check(failures, "create", r -> r.contentType(ContentType.JSON).body(article("en", "Matrix " + Api.unique()))
                .post("/api/v1/articles"), 401, 403, 201, 201, 401, 401);
        check(failures, "import", r -> r.contentType("text/plain; charset=utf-8").body(Api.SEED)
                .post("/api/v1/articles/import"), 401, 403, 201, 201, 401, 401);
        check(failures, "patch", r -> r.contentType(Api.MERGE_PATCH).body("{\"subtitle\": \"s\"}")
                .patch("/api/v1/articles/" + draft), 401, 403, 200, 200, 401, 401);
        check(failures, "archive", r -> r.post("/api/v1/articles/" + create(article("en", "A " + Api.unique()))
                + "/archive"), 401, 403, 200, 200, 401, 401);
        check(failures, "restore", r -> r.post("/api/v1/articles/" + draft + "/revisions/1/restore"),
                401, 403, 200, 200, 401, 401);
        check(failures, "delete", r -> r.delete("/api/v1/articles/" + create(article("en", "D " + Api.unique()))),
                401, 403, 204, 204, 401, 401);
        check(failures, "list keys", r -> r.get("/api/v1/keys"), 401, 403, 403, 200, 401, 401);
        check(failures, "issue key", r -> r.contentType(ContentType.JSON).body(Map.of("name", "k", "role", "previewer"))
                .post("/api/v1/keys"), 401, 403, 403, 201, 401, 401);
        check(failures, "audit", r -> r.get("/api/v1/audit"), 401, 403, 403, 200, 401, 401);
        assertEquals(List.of(), failures);
    }

    @Test
    void refusalsSayWhyAndChallenge() {
        anonymous().contentType(ContentType.JSON).body(article("en", "x")).post("/api/v1/articles").then()
                .statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"khabar\"");
        callers.get("revoked").get().get("/api/v1/articles").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"khabar\", error=\"invalid_token\"")
                .body("detail", org.hamcrest.Matchers.equalTo("The key has been revoked."));
        callers.get("expired").get().get("/api/v1/articles").then().statusCode(401)
                .body("detail", org.hamcrest.Matchers.equalTo("The key has expired."));
        callers.get("previewer").get().delete("/api/v1/articles/" + draft).then().statusCode(403)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.equalTo(
                        "urn:khabar:problem:forbidden"));
        with("khb_not-a-key").get("/api/v1/articles").then().statusCode(401);
        anonymous().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/articles").then().statusCode(401);
        // A draft refused to a previewer's write is untouched.
        assertEquals(1, ((Number) db.value("select version from article where id = ?::uuid", draft)).intValue());
    }

    private void check(List<String> failures, String family, Function<RequestSpecification, Response> call,
            int... expected) {
        for (int i = 0; i < CALLERS.size(); i++) {
            Response response = call.apply(callers.get(CALLERS.get(i)).get());
            int status = response.statusCode();
            if (status != expected[i]) {
                failures.add(family + " as " + CALLERS.get(i) + ": " + status + ", expected " + expected[i]);
            } else if (status >= 400 && !response.contentType().startsWith("application/problem+json")) {
                failures.add(family + " as " + CALLERS.get(i) + ": " + status + " is not a problem document");
            }
        }
    }
}
