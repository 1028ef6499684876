package dev.khabar.article;

import static dev.khabar.support.Api.anonymous;
import static dev.khabar.support.Api.article;
import static dev.khabar.support.Api.create;
import static dev.khabar.support.Api.editor;
import static dev.khabar.support.Api.published;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.khabar.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Moved slugs redirect forever; translations are linked; a slug shared by languages is chosen by the reader's. */
@QuarkusTest
class SlugRedirectTest {

    @Test
    void oldSlugAnswers308ToTheNewOneForever() {
        String u = Api.unique();
        Map<String, Object> body = published(article("ar", "عنوان قديم " + u));
        String id = create(body);
        String oldSlug = "عنوان-قديم-" + u;
        body.put("slug", "عنوان-جديد-" + u);
        editor().contentType(ContentType.JSON).body(body).put("/api/v1/articles/" + id).then().statusCode(200);

        String encodedNew = URLEncoder.encode("عنوان-جديد-" + u, StandardCharsets.UTF_8);
        anonymous().redirects().follow(false).get("/api/v1/articles/slug/" + oldSlug + "?fields=id").then()
                .statusCode(308).header("Location", endsWith("/api/v1/articles/slug/" + encodedNew + "?fields=id&lang=ar"));
        anonymous().get("/api/v1/articles/slug/" + oldSlug).then().statusCode(200).body("id", equalTo(id));

        // Nobody else may take the old slug: an explicit claim is a conflict, a derived one moves on to -2.
        Map<String, Object> other = article("ar", "عنوان قديم " + u);
        other.put("slug", oldSlug);
        editor().contentType(ContentType.JSON).body(other).post("/api/v1/articles").then().statusCode(409);
        other.remove("slug");
        editor().contentType(ContentType.JSON).body(other).post("/api/v1/articles").then().statusCode(201)
                .body("slug", equalTo(oldSlug + "-2"));

        // Taking the old slug back makes the newer one redirect instead.
        body.put("slug", oldSlug);
        editor().contentType(ContentType.JSON).body(body).put("/api/v1/articles/" + id).then().statusCode(200);
        anonymous().get("/api/v1/articles/slug/" + oldSlug).then().statusCode(200).body("id", equalTo(id));
        anonymous().redirects().follow(false).get("/api/v1/articles/slug/عنوان-جديد-" + u).then().statusCode(308);
    }

    @Test
    void oldSlugOfAnUnpublishedArticleIsA404ToReaders() {
        String u = Api.unique();
        Map<String, Object> body = article("en", "Hidden move " + u);
        String id = create(body);
        body.put("slug", "hidden-moved-" + u);
        editor().contentType(ContentType.JSON).body(body).put("/api/v1/articles/" + id).then().statusCode(200);
        anonymous().redirects().follow(false).get("/api/v1/articles/slug/hidden-move-" + u).then().statusCode(404);
        editor().redirects().follow(false).get("/api/v1/articles/slug/hidden-move-" + u).then().statusCode(308);
    }

    @Test
    void translationsAreLinkedAndOneLanguagePerStory() {
        String u = Api.unique();
        Map<String, Object> arabic = published(article("ar", "قمة باكو " + u));
        arabic.put("slug", "baku-" + u);
        String ar = create(arabic);
        Map<String, Object> english = published(article("en", "Baku summit " + u));
        english.put("slug", "baku-" + u);
        english.put("translationOf", ar);
        String en = create(english);

        anonymous().get("/api/v1/articles/" + ar + "/translations").then().statusCode(200)
                .body("items.id", contains(en), "items[0].language", equalTo("en"));
        anonymous().get("/api/v1/articles/" + en + "/translations").then().body("items.id", contains(ar));

        Map<String, Object> second = article("en", "Baku again " + u);
        second.put("translationOf", en);
        editor().contentType(ContentType.JSON).body(second).post("/api/v1/articles").then().statusCode(409)
                .body("type", equalTo("urn:khabar:problem:translation-exists"));
        second.put("translationOf", "00000000-0000-0000-0000-000000000000");
        editor().contentType(ContentType.JSON).body(second).post("/api/v1/articles").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/translationOf"));

        // One slug, two languages: lang decides, else Accept-Language, else the first article.
        anonymous().header("Accept-Language", "en-GB, ar;q=0.5").get("/api/v1/articles/slug/baku-" + u).then()
                .statusCode(200).body("id", equalTo(en)).header("Content-Language", equalTo("en"))
                .header("Vary", equalTo("Accept, Authorization, Accept-Language"));
        anonymous().header("Accept-Language", "ar").get("/api/v1/articles/slug/baku-" + u).then().body("id", equalTo(ar));
        anonymous().get("/api/v1/articles/slug/baku-" + u).then().body("id", equalTo(ar));
        anonymous().header("Accept-Language", "ar").get("/api/v1/articles/slug/baku-" + u + "?lang=en").then()
                .body("id", equalTo(en)).header("Vary", equalTo("Accept, Authorization"));

        // Links are set at creation only.
        english.put("translationOf", ar);
        editor().contentType(ContentType.JSON).body(english).put("/api/v1/articles/" + en).then().statusCode(400)
                .body("errors[0].pointer", equalTo("/translationOf"));
        editor().delete("/api/v1/articles/" + en).then().statusCode(204);
        anonymous().get("/api/v1/articles/" + ar + "/translations").then().body("items", org.hamcrest.Matchers.empty());
    }
}
