package dev.khabar.taxonomy;

import static dev.khabar.support.Api.anonymous;
import static dev.khabar.support.Api.article;
import static dev.khabar.support.Api.create;
import static dev.khabar.support.Api.editor;
import static dev.khabar.support.Api.published;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.khabar.support.Api;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TaxonomyTest {

    @Test
    void categoriesAreCreatedOnFirstUseAndCountedPerAudience() {
        String u = Api.unique();
        String name = "شؤون دولية " + u;
        String slug = "شؤون-دولية-" + u;
        for (int i = 0; i < 2; i++) {
            Map<String, Object> body = published(article("ar", "خبر " + u + " " + i));
            body.put("category", Map.of("name", name));
            create(body);
        }
        Map<String, Object> draft = article("ar", "مسودة " + u);
        draft.put("category", Map.of("name", name));
        create(draft);

        anonymous().get("/api/v1/categories").then().statusCode(200)
                .body("items.find { it.slug == '" + slug + "' }.name", equalTo(name),
                        "items.find { it.slug == '" + slug + "' }.articleCount", equalTo(2));
        editor().get("/api/v1/categories").then().statusCode(200)
                .body("items.find { it.slug == '" + slug + "' }.articleCount", equalTo(3));
    }

    @Test
    void categoryGivenBySlugOrByNameIsTheSameCategory() {
        String u = Api.unique();
        Map<String, Object> first = article("en", "First " + u);
        first.put("category", Map.of("name", "World News " + u));
        create(first);
        Map<String, Object> second = article("en", "Second " + u);
        second.put("category", Map.of("slug", "world-news-" + u, "name", "ignored when the slug exists"));
        String id = create(second);

        editor().get("/api/v1/articles/" + id).then()
                .body("category.slug", equalTo("world-news-" + u), "category.name", equalTo("World News " + u));
    }

    @Test
    void tagsOfDraftsStayHiddenFromAnonymousReaders() {
        String u = Api.unique();
        Map<String, Object> pub = published(article("en", "Tagged " + u));
        pub.put("tags", List.of("Public " + u));
        create(pub);
        Map<String, Object> draft = article("en", "Secret " + u);
        draft.put("tags", List.of("Embargoed " + u));
        create(draft);

        anonymous().get("/api/v1/tags").then().statusCode(200)
                .body("items.slug", hasItem("public-" + u), "items.slug", not(hasItem("embargoed-" + u)),
                        "items.find { it.slug == 'public-" + u + "' }.name", equalTo("Public " + u),
                        "items.find { it.slug == 'public-" + u + "' }.articleCount", equalTo(1));
        editor().get("/api/v1/tags").then().statusCode(200).body("items.slug", hasItem("embargoed-" + u));
    }
}
