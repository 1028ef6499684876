package dev.khabar.article;

import static dev.khabar.support.Api.anonymous;
import static dev.khabar.support.Api.article;
import static dev.khabar.support.Api.create;
import static dev.khabar.support.Api.editor;
import static dev.khabar.support.Api.published;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.khabar.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class ArticleListTest {

    /** Creates a published article in its own tag, published at the given time. */
    private static String publishedAt(String tag, String when, String... extraTags) {
        Map<String, Object> body = published(article("en", "Listed " + Api.unique()));
        List<String> tags = new ArrayList<>(List.of(tag));
        tags.addAll(List.of(extraTags));
        body.put("tags", tags);
        body.put("publishedAt", when);
        return create(body);
    }

    @Test
    void listsNewestFirstAsTeasersWithLinkToNextPage() {
        String tag = "order-" + Api.unique();
        String older = publishedAt(tag, "2026-01-01T10:00:00Z");
        String newer = publishedAt(tag, "2026-01-02T10:00:00Z");
        String newest = publishedAt(tag, "2026-01-03T10:00:00Z");

        Response first = anonymous().get("/api/v1/articles?tag=" + tag + "&limit=2");
        first.then().statusCode(200)
                .body("items.id", contains(newest, newer),
                        "items[0]", not(hasKey("sections")), "items[0]", not(hasKey("closing")),
                        "items[0]", hasKey("lead"), "items[0]", hasKey("readingTimeMinutes"))
                .header("Link", matchesPattern("<http://[^>]+/api/v1/articles\\?.*cursor=[A-Za-z0-9_-]+.*>; rel=\"next\""));
        String cursor = first.path("nextCursor");

        anonymous().get("/api/v1/articles?tag=" + tag + "&limit=2&cursor=" + cursor).then().statusCode(200)
                .body("items.id", contains(older), "nextCursor", nullValue())
                .header("Link", nullValue());
    }

    @Test
    void cursorWalkVisitsEveryItemOnceEvenWhileItemsAreAdded() {
        String tag = "walk-" + Api.unique();
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            // Several articles share a publication time: the id breaks the tie.
            expected.add(publishedAt(tag, "2026-02-%02dT08:00:00Z".formatted(1 + i / 3)));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = anonymous().get("/api/v1/articles?tag=" + tag + "&limit=4&fields=id"
                    + (cursor == null ? "" : "&cursor=" + cursor)).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            if (pages == 2) {
                // Newer than anything listed so far: sorts before the cursor, so this walk does not see it.
                publishedAt(tag, Instant.now().toString());
                // Older than everything: the walk reaches it at the end.
                expected.add(publishedAt(tag, "2025-12-31T00:00:00Z"));
            }
            pages++;
        } while (cursor != null);

        assertEquals(seen.size(), new HashSet<>(seen).size(), "no item twice");
        assertEquals(expected, new HashSet<>(seen));
        assertEquals(7, pages);
    }

    @Test
    void categoryAndTagFiltersAreOrWithinAndAcrossParameters() {
        String u = Api.unique();
        Map<String, Object> a = published(article("en", "A " + u));
        a.put("category", Map.of("name", "Sport " + u));
        a.put("tags", List.of("red-" + u));
        Map<String, Object> b = published(article("en", "B " + u));
        b.put("category", Map.of("name", "Culture " + u));
        b.put("tags", List.of("blue-" + u));
        Map<String, Object> c = published(article("en", "C " + u));
        c.put("category", Map.of("name", "Sport " + u));
        c.put("tags", List.of("blue-" + u));
        String idA = create(a);
        String idB = create(b);
        String idC = create(c);

        Set<String> both = ids("category=sport-" + u + "&category=culture-" + u);
        assertEquals(Set.of(idA, idB, idC), both);
        assertEquals(Set.of(idA, idC), ids("category=sport-" + u));
        assertEquals(Set.of(idC), ids("category=sport-" + u + "&tag=blue-" + u));
        assertEquals(Set.of(idA, idB, idC), ids("tag=red-" + u + ",blue-" + u));
    }

    @Test
    void publishedAfterIsInclusiveAndPublishedBeforeExclusive() {
        String tag = "window-" + Api.unique();
        String atStart = publishedAt(tag, "2026-03-01T00:00:00Z");
        String inside = publishedAt(tag, "2026-03-15T12:00:00Z");
        publishedAt(tag, "2026-04-01T00:00:00Z");

        assertEquals(Set.of(atStart, inside),
                ids("tag=" + tag + "&publishedAfter=2026-03-01T00:00:00Z&publishedBefore=2026-04-01"));
        // One second after the first, written with a +03:00 offset.
        assertEquals(Set.of(inside),
                ids("tag=" + tag + "&publishedAfter=2026-03-01T03:00:01%2B03:00&publishedBefore=2026-04-01"));
    }

    @Test
    void languageFilterMatchesRegionalVariants() {
        String tag = "lang-" + Api.unique();
        Map<String, Object> gb = published(article("en-GB", "Colour " + tag));
        gb.put("tags", List.of(tag));
        Map<String, Object> ar = published(article("ar", "لون " + tag));
        ar.put("tags", List.of(tag));
        String gbId = create(gb);
        String arId = create(ar);

        assertEquals(Set.of(gbId), ids("tag=" + tag + "&lang=en"));
        assertEquals(Set.of(arId), ids("tag=" + tag + "&lang=ar"));
    }

    @Test
    void anonymousReadersSeePublishedOnlyAndEditorsFilterByStatus() {
        String tag = "status-" + Api.unique();
        String pub = publishedAt(tag, "2026-05-01T00:00:00Z");
        Map<String, Object> draft = article("en", "Draft " + tag);
        draft.put("tags", List.of(tag));
        String draftId = create(draft);

        assertEquals(Set.of(pub), ids("tag=" + tag));
        anonymous().get("/api/v1/articles?status=draft").then().statusCode(401).contentType("application/problem+json");
        anonymous().get("/api/v1/articles?tag=" + tag + "&status=published").then().statusCode(200)
                .body("items.id", contains(pub));
        editor().get("/api/v1/articles?tag=" + tag + "&status=draft").then().statusCode(200)
                .body("items.id", contains(draftId));
        editor().get("/api/v1/articles?tag=" + tag).then().statusCode(200).body("items", hasSize(2));
    }

    @Test
    void fieldsStarGivesWholeArticlesAndAListPicksSome() {
        String tag = "fields-" + Api.unique();
        publishedAt(tag, "2026-05-02T00:00:00Z");

        anonymous().get("/api/v1/articles?tag=" + tag + "&fields=*").then().statusCode(200)
                .body("items[0]", hasKey("sections"), "items[0]", hasKey("closing"));
        anonymous().get("/api/v1/articles?tag=" + tag + "&fields=id,slug").then().statusCode(200)
                .body("items[0].keySet()", contains("id", "slug"));
    }

    @Test
    void badParametersAreNamed() {
        for (String[] bad : new String[][] { { "limit=abc", "limit" }, { "limit=0", "limit" }, { "limit=101", "limit" },
                { "limit=5000", "limit" }, { "publishedAfter=yesterday", "publishedAfter" },
                { "publishedBefore=2026-13-45", "publishedBefore" }, { "cursor=bm90LWEtY3Vyc29y", "cursor" },
                { "status=deleted", "status" }, { "lang=12", "lang" }, { "fields=title,nope", "fields" } }) {
            anonymous().get("/api/v1/articles?" + bad[0]).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:khabar:problem:invalid-parameter"),
                            "errors[0].parameter", equalTo(bad[1]));
        }
    }

    @Test
    void tamperedCursorIsRefused() {
        String tag = "tamper-" + Api.unique();
        publishedAt(tag, "2026-06-01T00:00:00Z");
        publishedAt(tag, "2026-06-02T00:00:00Z");
        String cursor = anonymous().get("/api/v1/articles?tag=" + tag + "&limit=1").path("nextCursor");
        char last = cursor.charAt(5);
        String tampered = cursor.substring(0, 5) + (last == 'A' ? 'B' : 'A') + cursor.substring(6);

        anonymous().get("/api/v1/articles?cursor=" + tampered).then().statusCode(400)
                .body("errors[0].parameter", equalTo("cursor"));
    }

    @Test
    void defaultPageHoldsTwentyItems() {
        String tag = "twenty-" + Api.unique();
        for (int i = 0; i < 21; i++) {
            publishedAt(tag, "2026-07-01T00:00:%02dZ".formatted(i));
        }
        JsonPath page = anonymous().get("/api/v1/articles?tag=" + tag).then().statusCode(200).extract().jsonPath();
        assertEquals(20, page.getList("items").size());
        assertTrue(page.getString("nextCursor") != null);
        assertNull(anonymous().get("/api/v1/articles?tag=" + tag + "&limit=100").path("nextCursor"));
    }

    private static Set<String> ids(String query) {
        return new HashSet<>(anonymous().urlEncodingEnabled(false).get("/api/v1/articles?limit=100&" + query).then().statusCode(200)
                .extract().jsonPath().getList("items.id"));
    }
}
