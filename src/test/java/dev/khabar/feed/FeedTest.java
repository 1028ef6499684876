package dev.khabar.feed;

import static dev.khabar.support.Api.anonymous;
import static dev.khabar.support.Api.article;
import static dev.khabar.support.Api.editor;
import static dev.khabar.support.Api.published;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import dev.khabar.format.UrlTemplate;
import dev.khabar.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 as a reader sees them: every feed is parsed, RSS and Atom are checked against
 * the rules of their specs that can be checked offline, JSON Feed against the JSON Feed 1.1 schema
 * (src/test/resources/jsonfeed, see NOTICE.txt there). Each test reads a tag or category of its own.
 */
@QuarkusTest
class FeedTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema JSON_FEED_SCHEMA = jsonFeedSchema();
    private static final String RFC_822 = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{1,2} "
            + "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} GMT";
    private static final String RFC_3339 = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})";

    private static Schema jsonFeedSchema() {
        try (InputStream in = FeedTest.class.getResourceAsStream("/jsonfeed/schema-v1.1.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, b -> b.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())).getSchema(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a published article and returns what a read of it shows. */
    private static JsonPath publish(String language, String title, String tag, Instant at, List<String> authors) {
        Map<String, Object> body = published(article(language, title));
        body.put("tags", List.of(tag));
        body.put("publishedAt", at.toString());
        body.put("authors", authors.stream().map(name -> Map.of("name", name)).toList());
        return editor().contentType(ContentType.JSON).body(body).post("/api/v1/articles").then().statusCode(201)
                .extract().jsonPath();
    }

    private static Instant ago(int minutes) {
        return Instant.now().minus(minutes, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    }

    private static Element xml(Response response) {
        return XmlDoc.parse(response.asByteArray());
    }

    /** What the API's base address makes of an article when no web page template is configured. */
    private static String apiLink(JsonPath article) {
        return "/api/v1/articles/slug/" + UrlTemplate.encodeSegment(article.getString("slug")) + "?lang="
                + article.getString("language");
    }

    @Test
    void rssTagFeedHoldsArabicAndEnglishItemsNewestFirstByTheRssRules() {
        String tag = "rss-" + Api.unique();
        JsonPath arabic = publish("ar", "موسكو تدعو باكو إلى إعادة العلاقات " + tag, tag, ago(30), List.of("ليلى حسن"));
        JsonPath english = publish("en", "Moscow urges Baku to restore ties " + tag, tag, ago(10),
                List.of("Layla Hassan", "Omar Said"));

        Response response = anonymous().get("/api/v1/feed.rss?tag=" + tag);
        response.then().statusCode(200).contentType(matchesPattern("application/rss\\+xml; ?charset=(?i)utf-8"))
                .header("Cache-Control", "public, max-age=60, stale-while-revalidate=300")
                .header("Surrogate-Key", "articles")
                .header("ETag", matchesPattern("\"d-[A-Za-z0-9_-]{22}\""));
        Element rss = xml(response);
        assertEquals("rss", rss.getLocalName());
        assertEquals("2.0", rss.getAttribute("version"));
        Element channel = XmlDoc.child(rss, null, "channel").orElseThrow();
        // Required channel elements: title, link, description.
        assertEquals("Khabar — " + tag, XmlDoc.text(channel, null, "title"));
        String home = XmlDoc.text(channel, null, "link");
        assertTrue(URI.create(home).isAbsolute(), home);
        assertFalse(XmlDoc.text(channel, null, "description").isBlank());
        // Two languages: the channel names none.
        assertTrue(XmlDoc.child(channel, null, "language").isEmpty());
        assertTrue(XmlDoc.text(channel, null, "lastBuildDate").matches(RFC_822));
        Element self = XmlDoc.child(channel, ATOM, "link").orElseThrow();
        assertEquals("self", self.getAttribute("rel"));
        assertTrue(self.getAttribute("href").endsWith("/api/v1/feed.rss?tag=" + tag), self.getAttribute("href"));

        List<Element> items = XmlDoc.children(channel, null, "item");
        assertEquals(2, items.size());
        JsonPath[] expected = { english, arabic };
        for (int i = 0; i < 2; i++) {
            Element item = items.get(i);
            JsonPath article = expected[i];
            assertEquals(article.getString("title"), XmlDoc.text(item, null, "title"));
            assertEquals(article.getString("lead"), XmlDoc.text(item, null, "description"));
            assertTrue(XmlDoc.text(item, null, "link").endsWith(apiLink(article)), XmlDoc.text(item, null, "link"));
            Element guid = XmlDoc.child(item, null, "guid").orElseThrow();
            assertEquals("false", guid.getAttribute("isPermaLink"));
            assertEquals("urn:uuid:" + article.getString("id"), guid.getTextContent());
            String pubDate = XmlDoc.text(item, null, "pubDate");
            assertTrue(pubDate.matches(RFC_822), pubDate);
            assertEquals(Instant.parse(article.getString("publishedAt")),
                    ZonedDateTime.parse(pubDate, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            assertEquals(List.of("Politics", tag), XmlDoc.texts(item, null, "category"));
        }
        assertEquals(List.of("Layla Hassan", "Omar Said"), XmlDoc.texts(items.get(0), DC, "creator"));
        assertEquals(List.of("ليلى حسن"), XmlDoc.texts(items.get(1), DC, "creator"));
        // The item link is the article's page: here the API's read by slug, which finds it.
        anonymous().urlEncodingEnabled(false).get(apiLink(arabic)).then().statusCode(200).body("id", equalTo(arabic.getString("id")));
    }

    @Test
    void atomFeedMeetsTheMustRulesOfRfc4287() {
        String tag = "atom-" + Api.unique();
        JsonPath arabic = publish("ar", "القمة العربية تبحث الأزمة " + tag, tag, ago(20), List.of());
        JsonPath english = publish("en", "Arab summit discusses the crisis " + tag, tag, ago(5), List.of("Omar Said"));

        Response response = anonymous().get("/api/v1/feed.atom?tag=" + tag);
        response.then().statusCode(200).contentType(matchesPattern("application/atom\\+xml; ?charset=(?i)utf-8"));
        Element feed = xml(response);
        assertEquals(ATOM, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        // atom:feed MUST contain exactly one id, title and updated; an author unless every entry has one.
        String feedId = XmlDoc.text(feed, ATOM, "id");
        assertTrue(URI.create(feedId).isAbsolute() && feedId.startsWith("urn:uuid:"), feedId);
        assertEquals("Khabar — " + tag, XmlDoc.text(feed, ATOM, "title"));
        Instant updated = OffsetDateTime.parse(XmlDoc.text(feed, ATOM, "updated")).toInstant();
        assertTrue(XmlDoc.text(feed, ATOM, "updated").matches(RFC_3339));
        assertEquals("Khabar", XmlDoc.text(XmlDoc.child(feed, ATOM, "author").orElseThrow(), ATOM, "name"));
        List<Element> links = XmlDoc.children(feed, ATOM, "link");
        assertTrue(links.stream().anyMatch(l -> l.getAttribute("rel").equals("self")
                && l.getAttribute("href").endsWith("/api/v1/feed.atom?tag=" + tag)));
        assertTrue(links.stream().anyMatch(l -> l.getAttribute("rel").equals("alternate")));
        // Several languages: no feed-wide xml:lang, but one on each entry.
        assertEquals("", feed.getAttributeNS(XML_NS, "lang"));

        List<Element> entries = XmlDoc.children(feed, ATOM, "entry");
        assertEquals(2, entries.size());
        Set<String> ids = new HashSet<>();
        JsonPath[] expected = { english, arabic };
        for (int i = 0; i < 2; i++) {
            Element entry = entries.get(i);
            JsonPath article = expected[i];
            // atom:entry MUST contain exactly one id, title and updated, and a link rel=alternate when it has no
            // content; ids are unique.
            String id = XmlDoc.text(entry, ATOM, "id");
            assertEquals("urn:uuid:" + article.getString("id"), id);
            assertTrue(ids.add(id));
            assertEquals(article.getString("title"), XmlDoc.text(entry, ATOM, "title"));
            assertEquals("text", XmlDoc.child(entry, ATOM, "title").orElseThrow().getAttribute("type"));
            String entryUpdated = XmlDoc.text(entry, ATOM, "updated");
            assertTrue(entryUpdated.matches(RFC_3339), entryUpdated);
            assertTrue(XmlDoc.text(entry, ATOM, "published").matches(RFC_3339));
            assertEquals(Instant.parse(article.getString("publishedAt")),
                    OffsetDateTime.parse(XmlDoc.text(entry, ATOM, "published")).toInstant());
            assertTrue(!updated.isBefore(OffsetDateTime.parse(entryUpdated).toInstant()), "feed updated is the newest");
            Element alternate = XmlDoc.children(entry, ATOM, "link").stream()
                    .filter(l -> l.getAttribute("rel").equals("alternate")).findFirst().orElseThrow();
            assertTrue(alternate.getAttribute("href").endsWith(apiLink(article)));
            assertEquals(article.getString("language"), entry.getAttributeNS(XML_NS, "lang"));
            assertEquals(article.getString("lead"), XmlDoc.text(entry, ATOM, "summary"));
            assertEquals(List.of("politics", tag), XmlDoc.children(entry, ATOM, "category").stream()
                    .map(c -> c.getAttribute("term")).toList());
        }
        assertEquals(List.of("Omar Said"), XmlDoc.children(entries.get(0), ATOM, "author").stream()
                .map(a -> XmlDoc.text(a, ATOM, "name")).toList());
        // No byline: the feed's author (the publication) stands for the entry.
        assertTrue(XmlDoc.children(entries.get(1), ATOM, "author").isEmpty());
    }

    @Test
    void jsonFeedIsValidJsonFeed11WithTheTextLayoutAsContent() throws Exception {
        String tag = "json-" + Api.unique();
        JsonPath arabic = publish("ar", "أسعار النفط ترتفع " + tag, tag, ago(15), List.of("ليلى حسن"));
        JsonPath english = publish("en", "Oil prices rise " + tag, tag, ago(3), List.of());

        Response response = anonymous().get("/api/v1/feed.json?tag=" + tag);
        response.then().statusCode(200).contentType(matchesPattern("application/feed\\+json; ?charset=(?i)utf-8"));
        JsonNode feed = JSON.readTree(response.asByteArray());
        assertEquals(List.of(), JSON_FEED_SCHEMA.validate(feed).stream().map(e -> e.getMessage()).toList());
        // The schema does check: an item without content, or a date that is no RFC 3339 date, is refused.
        JsonNode noContent = feed.deepCopy();
        ((ObjectNode) noContent.at("/items/0")).remove(List.of("content_text", "content_html"));
        assertFalse(JSON_FEED_SCHEMA.validate(noContent).isEmpty());
        JsonNode badDate = feed.deepCopy();
        ((ObjectNode) badDate.at("/items/1")).put("date_published", "yesterday");
        assertFalse(JSON_FEED_SCHEMA.validate(badDate).isEmpty());
        assertEquals("https://jsonfeed.org/version/1.1", feed.get("version").asText());
        assertTrue(feed.get("feed_url").asText().endsWith("/api/v1/feed.json?tag=" + tag));
        assertFalse(feed.has("language"), "two languages: none for the feed");
        JsonNode items = feed.get("items");
        assertEquals(2, items.size());
        assertEquals("urn:uuid:" + english.getString("id"), items.get(0).get("id").asText());
        JsonNode item = items.get(1);
        assertEquals("urn:uuid:" + arabic.getString("id"), item.get("id").asText());
        assertEquals("ar", item.get("language").asText());
        assertEquals(arabic.getString("title"), item.get("title").asText());
        assertEquals(arabic.getString("lead"), item.get("summary").asText());
        assertEquals(arabic.getString("publishedAt"), item.get("date_published").asText());
        assertEquals("ليلى حسن", item.at("/authors/0/name").asText());
        assertEquals(List.of("Politics", tag), JSON.convertValue(item.get("tags"), List.class));
        assertFalse(items.get(0).has("authors"));
        // The content is the article in the editors' text layout, exactly what Accept: text/plain gives.
        String text = anonymous().accept("text/plain").get("/api/v1/articles/" + arabic.getString("id")).asString();
        assertEquals(text, item.get("content_text").asText());
        // And as HTML, the fragment ?format=html gives.
        String html = anonymous().get("/api/v1/articles/" + arabic.getString("id") + "?format=html").asString();
        assertEquals(html, item.get("content_html").asText());
        assertTrue(item.get("url").asText().endsWith(apiLink(arabic)));
    }

    @Test
    void arabicCategoryFeedNamesItsCategoryAndLanguage() {
        String suffix = Api.unique();
        Map<String, Object> body = published(article("ar", "الحكومة تقر الموازنة " + suffix));
        body.put("category", Map.of("name", "اقتصاد " + suffix));
        JsonPath first = editor().contentType(ContentType.JSON).body(body).post("/api/v1/articles").then()
                .statusCode(201).extract().jsonPath();
        String category = first.getString("category.slug");
        assertEquals("اقتصاد-" + suffix, category);
        Map<String, Object> other = published(article("en", "Elsewhere " + suffix));
        create(other);

        for (String path : List.of("/api/v1/feed.rss", "/api/v1/feed.atom", "/api/v1/feed.json")) {
            anonymous().queryParam("category", category).queryParam("lang", "ar").get(path).then().statusCode(200)
                    .header("Content-Language", "ar");
        }
        Element channel = XmlDoc.child(xml(anonymous().queryParam("category", category).queryParam("lang", "ar")
                .get("/api/v1/feed.rss")), null, "channel").orElseThrow();
        assertEquals("Khabar — اقتصاد " + suffix, XmlDoc.text(channel, null, "title"));
        assertEquals("ar", XmlDoc.text(channel, null, "language"));
        assertEquals(List.of(first.getString("title")), XmlDoc.children(channel, null, "item").stream()
                .map(i -> XmlDoc.text(i, null, "title")).toList());
        Element feed = xml(anonymous().queryParam("category", category).get("/api/v1/feed.atom"));
        assertEquals("ar", feed.getAttributeNS(XML_NS, "lang"), "one language among the entries: the feed's");
        anonymous().queryParam("category", category).get("/api/v1/feed.json").then()
                .body("language", equalTo("ar"), "items", org.hamcrest.Matchers.hasSize(1));
    }

    private static String create(Map<String, Object> body) {
        return Api.create(body);
    }

    @Test
    void draftsAndScheduledArticlesNeverAppearEvenForKeyHolders() {
        String tag = "hidden-" + Api.unique();
        JsonPath visible = publish("en", "Visible " + tag, tag, ago(1), List.of());
        Map<String, Object> draft = article("en", "Draft " + tag);
        draft.put("tags", List.of(tag));
        create(draft);
        Map<String, Object> scheduled = published(article("ar", "مجدول " + tag));
        scheduled.put("tags", List.of(tag));
        scheduled.put("publishedAt", Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS).toString());
        create(scheduled);

        for (var caller : List.of(anonymous(), editor(), Api.with(Api.key("previewer")))) {
            Response rss = caller.get("/api/v1/feed.rss?tag=" + tag);
            rss.then().statusCode(200).header("Cache-Control", matchesPattern("public, .*"));
            Element channel = XmlDoc.child(xml(rss), null, "channel").orElseThrow();
            assertEquals(List.of("Visible " + tag), XmlDoc.children(channel, null, "item").stream()
                    .map(i -> XmlDoc.text(i, null, "title")).toList());
        }
        editor().get("/api/v1/feed.json?tag=" + tag).then().body("items.id",
                equalTo(List.of("urn:uuid:" + visible.getString("id"))));
        Element atom = xml(editor().get("/api/v1/feed.atom?tag=" + tag));
        assertEquals(1, XmlDoc.children(atom, ATOM, "entry").size());
        // A key that is presented must be valid, as everywhere under /api/.
        Api.with("khb_not-a-key").get("/api/v1/feed.rss?tag=" + tag).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void limitKeepsTheNewest() {
        String tag = "limit-" + Api.unique();
        publish("en", "Oldest " + tag, tag, ago(30), List.of());
        publish("ar", "الأوسط " + tag, tag, ago(20), List.of());
        publish("en", "Newest " + tag, tag, ago(10), List.of());
        anonymous().get("/api/v1/feed.json?limit=2&tag=" + tag).then().statusCode(200)
                .body("items.title", equalTo(List.of("Newest " + tag, "الأوسط " + tag)));
        anonymous().get("/api/v1/feed.json?limit=100&tag=" + tag).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(3));
    }

    @Test
    void badParametersAreProblemDocumentsEvenOnXmlFeeds() {
        for (String path : List.of("/api/v1/feed.rss", "/api/v1/feed.atom", "/api/v1/feed.json")) {
            for (String query : List.of("limit=0", "limit=101", "limit=abc", "lang=not_a-language!")) {
                String parameter = query.substring(0, query.indexOf('='));
                anonymous().accept(path.endsWith("json") ? "application/feed+json" : path.endsWith("rss")
                        ? "application/rss+xml" : "application/atom+xml").get(path + "?" + query).then()
                        .statusCode(400).contentType("application/problem+json")
                        .body("status", equalTo(400), "errors[0].parameter", equalTo(parameter));
            }
            anonymous().accept("image/png").get(path).then().statusCode(406).contentType("application/problem+json");
        }
    }

    @Test
    void conditionalGetAnswers304UntilTheFeedChanges() {
        String tag = "cond-" + Api.unique();
        publish("ar", "خبر أول " + tag, tag, ago(10), List.of());
        for (String path : List.of("/api/v1/feed.rss", "/api/v1/feed.atom", "/api/v1/feed.json")) {
            Response first = anonymous().get(path + "?tag=" + tag);
            String etag = first.header("ETag");
            String lastModified = first.header("Last-Modified");
            anonymous().header("If-None-Match", etag).get(path + "?tag=" + tag).then().statusCode(304)
                    .header("ETag", etag).header("Cache-Control", matchesPattern("public, .*"));
            anonymous().header("If-Modified-Since", lastModified).get(path + "?tag=" + tag).then().statusCode(304);
            anonymous().header("If-None-Match", "\"d-other\"").get(path + "?tag=" + tag).then().statusCode(200);
        }
        String before = anonymous().get("/api/v1/feed.atom?tag=" + tag).header("ETag");
        publish("en", "Second " + tag, tag, ago(1), List.of());
        Response after = anonymous().header("If-None-Match", before).get("/api/v1/feed.atom?tag=" + tag);
        after.then().statusCode(200);
        assertNotEquals(before, after.header("ETag"));
        assertEquals(2, XmlDoc.children(xml(after), ATOM, "entry").size());
    }

    @Test
    void textXmlCannotCarryIsReplacedInsteadOfBreakingTheDocument() {
        String tag = "chars-" + Api.unique();
        // Input validation refuses control characters and unpaired surrogates, but U+FFFE and U+FFFF pass it, and XML
        // 1.0 has no way to write them. Markup characters and an emoji (a surrogate pair) must come through as they are.
        publish("en", "Odd \uFFFF and \uFFFE <b>&amp;</b> \"quoted\" 😀 " + tag, tag, ago(1), List.of("A & B <c>"));
        String expected = "Odd \uFFFD and \uFFFD <b>&amp;</b> \"quoted\" 😀 " + tag;
        Element channel = XmlDoc.child(xml(anonymous().get("/api/v1/feed.rss?tag=" + tag)), null, "channel")
                .orElseThrow();
        Element item = XmlDoc.children(channel, null, "item").get(0);
        assertEquals(expected, XmlDoc.text(item, null, "title"));
        assertEquals(List.of("A & B <c>"), XmlDoc.texts(item, DC, "creator"));
        Element entry = XmlDoc.children(xml(anonymous().get("/api/v1/feed.atom?tag=" + tag)), ATOM, "entry").get(0);
        assertEquals(expected, XmlDoc.text(entry, ATOM, "title"));
        // JSON carries them as they are.
        anonymous().get("/api/v1/feed.json?tag=" + tag).then()
                .body("items[0].title", equalTo("Odd \uFFFF and \uFFFE <b>&amp;</b> \"quoted\" 😀 " + tag));
    }
}
