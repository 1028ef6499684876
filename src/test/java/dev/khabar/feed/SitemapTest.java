package dev.khabar.feed;

import static dev.khabar.support.Api.anonymous;
import static dev.khabar.support.Api.article;
import static dev.khabar.support.Api.editor;
import static dev.khabar.support.Api.published;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import dev.khabar.format.UrlTemplate;
import dev.khabar.support.Api;
import dev.khabar.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Sitemaps with pages of two articles (so a handful of articles makes several pages), article links to a newsroom site
 * and a publication name of our own. What every test compares with is what the database says anonymous readers may
 * see, so the tests do not depend on each other's articles.
 */
@QuarkusTest
@TestProfile(SitemapTest.SmallPages.class)
class SitemapTest {

    public static class SmallPages implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("content.sitemap-page-size", "2",
                    "content.article-url-template", "https://news.example/{lang}/{slug}",
                    "content.site-name", "خبر",
                    "content.site-url", "https://news.example/");
        }
    }

    private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String W3C_DATETIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

    @Inject
    Db db;

    private static JsonPath publish(Map<String, Object> body, Instant at) {
        published(body).put("publishedAt", at.toString());
        return editor().contentType(ContentType.JSON).body(body).post("/api/v1/articles").then().statusCode(201)
                .extract().jsonPath();
    }

    private static Instant ago(long minutes) {
        return Instant.now().minus(minutes, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    }

    private static String web(String language, String slug) {
        return "https://news.example/" + language + "/" + UrlTemplate.encodeSegment(slug);
    }

    private static String web(JsonPath article) {
        return web(article.getString("language"), article.getString("slug"));
    }

    /** The page addresses the index lists, fetched, as their url elements in order. */
    private static List<Element> allUrls(List<String> pageLocs) {
        List<Element> urls = new ArrayList<>();
        for (String loc : pageLocs) {
            URI uri = URI.create(loc);
            Response page = anonymous().urlEncodingEnabled(false)
                    .get(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            page.then().statusCode(200).contentType(matchesPattern("application/xml; ?charset=(?i)utf-8"));
            Element urlset = XmlDoc.parse(page.asByteArray());
            assertEquals(SITEMAP, urlset.getNamespaceURI());
            assertEquals("urlset", urlset.getLocalName());
            List<Element> onPage = XmlDoc.children(urlset, SITEMAP, "url");
            assertTrue(onPage.size() <= 2, "page size is 2: " + loc);
            urls.addAll(onPage);
        }
        return urls;
    }

    private static List<String> indexLocs() {
        Response index = anonymous().get("/sitemap.xml");
        index.then().statusCode(200).contentType(matchesPattern("application/xml; ?charset=(?i)utf-8"))
                .header("Cache-Control", "public, max-age=60, stale-while-revalidate=300")
                .header("Surrogate-Key", "articles");
        Element root = XmlDoc.parse(index.asByteArray());
        assertEquals(SITEMAP, root.getNamespaceURI());
        assertEquals("sitemapindex", root.getLocalName());
        List<Element> sitemaps = XmlDoc.children(root, SITEMAP, "sitemap");
        for (Element sitemap : sitemaps) {
            assertTrue(XmlDoc.text(sitemap, SITEMAP, "lastmod").matches(W3C_DATETIME));
        }
        return sitemaps.stream().map(s -> XmlDoc.text(s, SITEMAP, "loc")).toList();
    }

    /** The web pages of every article anonymous readers may see, by the database. */
    private Set<String> visibleArticles() {
        return db.rows("select language, slug from article where status = 'published' and published_at <= now()")
                .stream().map(r -> web((String) r.get("language"), (String) r.get("slug"))).collect(Collectors.toSet());
    }

    @Test
    void indexPagesResolveAndTogetherListEveryPublishedArticleOnce() {
        String suffix = Api.unique();
        List<JsonPath> visible = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            visible.add(publish(article(i % 2 == 0 ? "ar" : "en", (i % 2 == 0 ? "خبر رقم " : "Story ") + i + " "
                    + suffix), ago(60 - i)));
        }
        String draft = web(editor().contentType(ContentType.JSON).body(article("ar", "مسودة " + suffix))
                .post("/api/v1/articles").then().statusCode(201).extract().jsonPath());
        String scheduled = web(publish(article("en", "Later " + suffix), Instant.now().plusSeconds(3600)
                .truncatedTo(ChronoUnit.SECONDS)));

        List<String> locs = indexLocs();
        Set<String> expected = visibleArticles();
        assertEquals((expected.size() + 1) / 2, locs.size(), "pages of two");
        for (String loc : locs) {
            assertTrue(loc.matches("http://localhost:\\d+/sitemap-articles\\.xml(\\?from=[A-Za-z0-9_-]+)?"), loc);
        }
        List<Element> urls = allUrls(locs);
        List<String> listed = urls.stream().map(u -> XmlDoc.text(u, SITEMAP, "loc")).toList();
        assertEquals(listed.size(), new HashSet<>(listed).size(), "each article once");
        assertEquals(expected, new HashSet<>(listed));
        for (JsonPath article : visible) {
            assertTrue(listed.contains(web(article)), web(article));
        }
        assertFalse(listed.contains(draft));
        assertFalse(listed.contains(scheduled));
        for (Element url : urls) {
            assertTrue(XmlDoc.text(url, SITEMAP, "lastmod").matches(W3C_DATETIME));
        }
        // Oldest first: the first of these five comes before the last.
        assertTrue(listed.indexOf(web(visible.get(0))) < listed.indexOf(web(visible.get(4))));
    }

    @Test
    void translationsAreHreflangAlternatesOfEachOther() {
        String suffix = Api.unique();
        JsonPath arabic = publish(article("ar", "موسكو تدعو باكو " + suffix), ago(30));
        Map<String, Object> english = article("en", "Moscow urges Baku " + suffix);
        english.put("translationOf", arabic.getString("id"));
        JsonPath translation = publish(english, ago(29));
        JsonPath alone = publish(article("en", "Alone " + suffix), ago(28));

        Map<String, Element> byLoc = new LinkedHashMap<>();
        allUrls(indexLocs()).forEach(u -> byLoc.put(XmlDoc.text(u, SITEMAP, "loc"), u));
        Map<String, String> both = Map.of("ar", web(arabic), "en", web(translation));
        for (String loc : List.of(web(arabic), web(translation))) {
            Map<String, String> alternates = XmlDoc.children(byLoc.get(loc), XHTML, "link").stream()
                    .peek(l -> assertEquals("alternate", l.getAttribute("rel")))
                    .collect(Collectors.toMap(l -> l.getAttribute("hreflang"), l -> l.getAttribute("href")));
            assertEquals(both, alternates, loc);
        }
        assertTrue(XmlDoc.children(byLoc.get(web(alone)), XHTML, "link").isEmpty());
    }

    @Test
    void newsSitemapListsTheLastTwoDaysNewestFirst() {
        String suffix = Api.unique();
        JsonPath recent = publish(article("ar", "انتخابات برلمانية اليوم " + suffix), ago(5));
        JsonPath english = publish(article("en", "Parliament votes today " + suffix), ago(2));
        JsonPath old = publish(article("ar", "خبر قديم " + suffix), ago(3 * 24 * 60));
        String draft = web(editor().contentType(ContentType.JSON).body(article("ar", "مسودة خبر " + suffix))
                .post("/api/v1/articles").then().statusCode(201).extract().jsonPath());

        Response response = anonymous().get("/sitemap-news.xml");
        response.then().statusCode(200).contentType(matchesPattern("application/xml; ?charset=(?i)utf-8"));
        Element urlset = XmlDoc.parse(response.asByteArray());
        assertEquals(SITEMAP, urlset.getNamespaceURI());
        List<Element> urls = XmlDoc.children(urlset, SITEMAP, "url");
        assertTrue(urls.size() <= 1000);
        List<String> locs = urls.stream().map(u -> XmlDoc.text(u, SITEMAP, "loc")).toList();
        assertTrue(locs.indexOf(web(english)) < locs.indexOf(web(recent)), "newest first");
        assertFalse(locs.contains(web(old)));
        assertFalse(locs.contains(draft));
        long expected = db.count("select count(*) from article where status = 'published' and published_at <= now() "
                + "and published_at >= now() - interval '48 hours'");
        assertEquals(expected, urls.size());

        Element news = XmlDoc.child(urls.get(locs.indexOf(web(recent))), NEWS, "news").orElseThrow();
        Element publication = XmlDoc.child(news, NEWS, "publication").orElseThrow();
        assertEquals("خبر", XmlDoc.text(publication, NEWS, "name"));
        assertEquals("ar", XmlDoc.text(publication, NEWS, "language"));
        assertEquals(recent.getString("publishedAt"), XmlDoc.text(news, NEWS, "publication_date"));
        assertEquals(recent.getString("title"), XmlDoc.text(news, NEWS, "title"));
        Element englishNews = XmlDoc.child(urls.get(locs.indexOf(web(english))), NEWS, "news").orElseThrow();
        assertEquals("en", XmlDoc.text(XmlDoc.child(englishNews, NEWS, "publication").orElseThrow(), NEWS, "language"));
    }

    @Test
    void sitemapsRevalidateWith304AndRefuseForgedPages() {
        publish(article("ar", "خبر للتحقق " + Api.unique()), ago(1));
        List<String> paths = new ArrayList<>(List.of("/sitemap.xml", "/sitemap-news.xml", "/sitemap-articles.xml"));
        for (String path : paths) {
            Response first = anonymous().get(path);
            first.then().statusCode(200).header("ETag", matchesPattern("\"d-[A-Za-z0-9_-]{22}\""));
            anonymous().header("If-None-Match", first.header("ETag")).get(path).then().statusCode(304);
            anonymous().header("If-Modified-Since", first.header("Last-Modified")).get(path).then().statusCode(304);
        }
        for (String from : List.of("not-a-page", "AAAA", "x".repeat(300))) {
            anonymous().get("/sitemap-articles.xml?from=" + from).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].parameter", equalTo("from"));
        }
        anonymous().accept("application/json").get("/sitemap.xml").then().statusCode(406)
                .contentType("application/problem+json");
    }

    @Test
    void feedsLinkToTheNewsroomSite() {
        String tag = "site-" + Api.unique();
        Map<String, Object> body = article("ar", "رابط إلى الموقع " + tag);
        body.put("tags", List.of(tag));
        JsonPath arabic = publish(body, ago(1));
        Element channel = XmlDoc.child(XmlDoc.parse(anonymous().get("/api/v1/feed.rss?tag=" + tag).asByteArray()), null,
                "channel").orElseThrow();
        assertEquals("https://news.example/", XmlDoc.text(channel, null, "link"));
        assertEquals("خبر — " + tag, XmlDoc.text(channel, null, "title"));
        assertEquals(web(arabic), XmlDoc.text(XmlDoc.children(channel, null, "item").get(0), null, "link"));
        anonymous().get("/api/v1/feed.json?tag=" + tag).then()
                .body("home_page_url", equalTo("https://news.example/"), "items[0].url", equalTo(web(arabic)),
                        "authors[0].name", equalTo("خبر"));
    }
}
