package dev.khabar.format;

import static dev.khabar.support.Api.SEED;
import static dev.khabar.support.Api.anonymous;
import static dev.khabar.support.Api.article;
import static dev.khabar.support.Api.create;
import static dev.khabar.support.Api.editor;
import static dev.khabar.support.Api.published;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.khabar.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Every representation of an article over HTTP: negotiation, exact bodies, entity tags and 304s, visibility. */
@QuarkusTest
class ArticleFormatsApiTest {

    private static final String ARTICLES = "/api/v1/articles/";

    /** A published English article with every optional field; returns its id. */
    private static String english(String title) {
        Map<String, Object> body = published(article("en", title));
        body.put("subtitle", "A diplomatic row deepens");
        body.put("lead", "Relations between Russia and Azerbaijan have deteriorated.");
        body.put("sections", List.of(Map.of("heading", "The appeal", "bullets",
                List.of("The ministry urged Baku to restore ties.", "It spoke of \u201cstrategic cooperation\u201d."))));
        body.put("closing", "The future depends on both capitals.");
        body.put("tags", List.of("Russia", "Azerbaijan"));
        body.put("authors", List.of(Map.of("name", "Layla Hassan")));
        body.put("image", Map.of("url", "https://cdn.example.com/baku.jpg", "alt", "The ministry in Moscow",
                "width", 1600, "height", 900));
        return create(body);
    }

    /** The Arabic seed, published, with tags, bylines and an image added (version 2); returns its id. */
    private static String arabicSeed() {
        String id = editor().contentType("text/plain; charset=utf-8").body(SEED.replaceFirst("\n", "\n" + Api.unique() + " "))
                .post(ARTICLES + "import?status=published").then().statusCode(201).extract().path("id");
        editor().contentType(Api.MERGE_PATCH).body(Map.of("tags", List.of("روسيا", "أذربيجان"),
                "authors", List.of(Map.of("name", "ليلى حسن")),
                "image", Map.of("url", "https://cdn.example.com/baku.jpg", "alt", "مبنى وزارة الخارجية الروسية",
                        "caption", "وزارة الخارجية الروسية", "credit", "رويترز", "width", 1600, "height", 900)))
                .patch(ARTICLES + id).then().statusCode(200);
        return id;
    }

    private static String body(Response response) {
        return new String(response.asByteArray(), StandardCharsets.UTF_8);
    }

    private static String webUrl(String slug, String lang) {
        return "http://localhost:" + RestAssured.port + "/api/v1/articles/slug/" + UrlTemplate.encodeSegment(slug)
                + "?lang=" + lang;
    }

    @Test
    void englishArticleInEveryFormat() {
        String title = "Moscow urges Baku " + Api.unique();
        String id = english(title);
        JsonNode view = NinjsFormatTest.read(anonymous().get(ARTICLES + id).asString());
        String slug = view.get("slug").asText();

        Response markdown = anonymous().accept("text/markdown").get(ARTICLES + id);
        markdown.then().statusCode(200).contentType(startsWith("text/markdown")).header("Content-Language", "en")
                .header("Vary", "Accept, Authorization").header("ETag", "\"" + id + "-v1-md\"");
        assertEquals("---\nlanguage: en\ncategory: Politics\nslug: " + slug + "\ntags:\n  - Russia\n  - Azerbaijan\n"
                + "authors:\n  - Layla Hassan\nimage:\n  url: https://cdn.example.com/baku.jpg\n  alt: The ministry in Moscow\n"
                + "  width: 1600\n  height: 900\n---\n\n# " + title + "\n\n**A diplomatic row deepens**\n\n"
                + "Relations between Russia and Azerbaijan have deteriorated.\n\n## The appeal\n\n"
                + "- The ministry urged Baku to restore ties.\n- It spoke of \u201cstrategic cooperation\u201d.\n\n"
                + "The future depends on both capitals.\n", body(markdown));

        Response html = anonymous().accept("text/html").get(ARTICLES + id);
        html.then().statusCode(200).contentType(startsWith("text/html")).header("ETag", "\"" + id + "-v1-html\"");
        assertEquals("<article lang=\"en\" dir=\"ltr\">\n<header>\n<h1>" + title + "</h1>\n"
                + "<p class=\"subtitle\">A diplomatic row deepens</p>\n</header>\n"
                + "<p class=\"lead\">Relations between Russia and Azerbaijan have deteriorated.</p>\n"
                + "<section>\n<h2>The appeal</h2>\n<ul>\n<li>The ministry urged Baku to restore ties.</li>\n"
                + "<li>It spoke of \u201cstrategic cooperation\u201d.</li>\n</ul>\n</section>\n"
                + "<p class=\"closing\">The future depends on both capitals.</p>\n</article>\n", body(html));

        Response jsonLd = anonymous().accept("application/ld+json").get(ARTICLES + id);
        jsonLd.then().statusCode(200).contentType(startsWith("application/ld+json"))
                .header("ETag", "\"" + id + "-v1-jsonld\"");
        String url = webUrl(slug, "en");
        assertEquals("{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"@id\":\"" + url + "\",\"url\":\""
                + url + "\",\"mainEntityOfPage\":{\"@type\":\"WebPage\",\"@id\":\"" + url + "\"},\"headline\":\"" + title
                + "\",\"alternativeHeadline\":\"A diplomatic row deepens\",\"description\":\"Relations between Russia "
                + "and Azerbaijan have deteriorated.\",\"articleSection\":\"Politics\",\"articleBody\":\"Relations "
                + "between Russia and Azerbaijan have deteriorated.\\n\\nThe appeal\\n- The ministry urged Baku to restore "
                + "ties.\\n- It spoke of \u201cstrategic cooperation\u201d.\\n\\nThe future depends on both capitals.\","
                + "\"inLanguage\":\"en\",\"datePublished\":\"" + view.get("publishedAt").asText() + "\",\"dateCreated\":\""
                + view.get("createdAt").asText() + "\",\"dateModified\":\"" + view.get("updatedAt").asText() + "\","
                + "\"wordCount\":" + view.get("wordCount").asInt() + ",\"timeRequired\":\"PT1M\",\"keywords\":[\"Russia\","
                + "\"Azerbaijan\"],\"author\":[{\"@type\":\"Person\",\"name\":\"Layla Hassan\"}],\"image\":{\"@type\":"
                + "\"ImageObject\",\"url\":\"https://cdn.example.com/baku.jpg\",\"contentUrl\":\"https://cdn.example.com/"
                + "baku.jpg\",\"width\":1600,\"height\":900,\"description\":\"The ministry in Moscow\"}}", body(jsonLd));

        Response ninjs = anonymous().accept("application/ninjs+json").get(ARTICLES + id);
        ninjs.then().statusCode(200).contentType(startsWith("application/ninjs+json"))
                .header("ETag", "\"" + id + "-v1-ninjs\"");
        assertEquals(List.of(), NinjsFormatTest.violations(body(ninjs)));
        JsonNode doc = NinjsFormatTest.read(body(ninjs));
        assertEquals(url, doc.get("uri").asText());
        assertEquals(body(html), doc.at("/bodies/0/value").asText());
        assertEquals("usable", doc.get("pubStatus").asText());
        assertEquals(view.get("createdAt").asText(), doc.get("firstCreated").asText());
    }

    @Test
    void arabicSeedInEveryFormat() {
        String id = arabicSeed();
        JsonNode view = NinjsFormatTest.read(anonymous().get(ARTICLES + id).asString());
        String title = view.get("title").asText();
        String slug = view.get("slug").asText();

        assertEquals(SEED.replace(SEED.lines().skip(1).findFirst().orElseThrow(), title),
                body(anonymous().queryParam("format", "text").get(ARTICLES + id)));

        String markdown = body(anonymous().queryParam("format", "markdown").get(ARTICLES + id).then()
                .header("Content-Language", "ar").extract().response());
        assertTrue(markdown.startsWith("---\nlanguage: ar\ncategory: اخبار سياسية\nslug: " + slug + "\ntags:\n  - روسيا\n"
                + "  - أذربيجان\nauthors:\n  - ليلى حسن\nimage:\n  url: https://cdn.example.com/baku.jpg\n"
                + "  alt: مبنى وزارة الخارجية الروسية\n  caption: وزارة الخارجية الروسية\n  credit: رويترز\n  width: 1600\n"
                + "  height: 900\n---\n\n# " + title + "\n\n**تطورات العلاقات بين روسيا وأذربيجان: تصعيد دبلوماسي وتحديات "
                + "أمنية**\n\nشهدت العلاقات بين روسيا وأذربيجان تصعيداً دبلوماسياً"), markdown);
        assertTrue(markdown.contains("\n\n## دور الخارجية الروسية وطلب إعادة العلاقات\n\n- حثّت وزارة الخارجية"), markdown);
        assertTrue(markdown.endsWith("\n\nوفي ظل هذه التطورات، يبقى مستقبل العلاقات بين موسكو وباكو مرهوناً بكيفية التعامل "
                + "مع التحديات السياسية والأمنية، وضرورة العمل على تهدئة الخلافات والتأكيد على مبادئ التعاون والحوار.\n"),
                markdown);

        String html = body(anonymous().queryParam("format", "html").get(ARTICLES + id));
        HtmlFormatTest.wellFormed(html);
        assertTrue(html.startsWith("<article lang=\"ar\" dir=\"rtl\">\n<header>\n<h1>"), html);
        assertEquals(5, html.split("<h2>", -1).length - 1);
        assertEquals(11, html.split("<li>", -1).length - 1);
        // The seed has no Latin words; its "2020" is a number, which reads right in Arabic without isolation.
        assertTrue(html.contains("بعد حرب 2020 التي"), html);

        JsonNode jsonLd = NinjsFormatTest.read(body(anonymous().queryParam("format", "jsonld").get(ARTICLES + id)));
        assertEquals(title, jsonLd.get("headline").asText());
        assertEquals("اخبار سياسية", jsonLd.get("articleSection").asText());
        assertEquals("ar", jsonLd.get("inLanguage").asText());
        // The seed's 409 words and the unique word put in front of its title.
        assertEquals(410, jsonLd.get("wordCount").asInt());
        assertEquals("PT3M", jsonLd.get("timeRequired").asText());
        assertEquals("[\"روسيا\",\"أذربيجان\"]", jsonLd.get("keywords").toString());
        assertEquals(webUrl(slug, "ar"), jsonLd.get("url").asText());
        assertEquals("رويترز", jsonLd.at("/image/creditText").asText());

        String ninjs = body(anonymous().queryParam("format", "ninjs").get(ARTICLES + id));
        assertEquals(List.of(), NinjsFormatTest.violations(ninjs));
        JsonNode doc = NinjsFormatTest.read(ninjs);
        assertEquals("2", doc.get("version").asText());
        assertEquals(webUrl(slug, "ar"), doc.get("uri").asText());
        assertEquals(html, doc.at("/bodies/0/value").asText());
        assertEquals(410, doc.at("/bodies/1/wordCount").asInt());
        assertEquals("ليلى حسن", doc.at("/people/0/name").asText());
    }

    @Test
    void negotiationByAcceptAndFormat() {
        String id = create(published(article("en", "Negotiation " + Api.unique())));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("*/*", "application/json");
        expected.put("text/*", "text/plain");
        expected.put("text/markdown;q=0.9, text/html", "text/html");
        expected.put("text/markdown, text/html", "text/markdown");
        expected.put("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html");
        expected.put("application/json;q=0.1, application/ninjs+json;q=0.5", "application/ninjs+json");
        expected.put("image/png, application/ld+json;q=0.2", "application/ld+json");
        expected.put("*/*;q=0.5, application/json;q=0", "text/plain");
        expected.forEach((accept, type) -> anonymous().accept(accept).get(ARTICLES + id).then()
                .statusCode(200).contentType(startsWith(type))
                // Accept-Encoding too for bodies large enough to be sent gzipped to clients that take it.
                .header("Vary", org.hamcrest.Matchers.matchesPattern("Accept, Authorization(, Accept-Encoding)?")));
        anonymous().get(ARTICLES + id).then().statusCode(200).contentType(startsWith("application/json"));

        // ?format= wins over Accept, even one we cannot satisfy.
        anonymous().accept("image/png").queryParam("format", "markdown").get(ARTICLES + id).then()
                .statusCode(200).contentType(startsWith("text/markdown"));
        anonymous().accept("text/html").queryParam("format", "json").get(ARTICLES + id).then()
                .statusCode(200).contentType(startsWith("application/json")).header("ETag", "\"" + id + "-v1-json\"");

        anonymous().accept("image/png, application/xml").get(ARTICLES + id).then().statusCode(406)
                .contentType("application/problem+json")
                .body("detail", equalTo("None of the media types in Accept (image/png, application/xml) can be "
                        + "produced here. An article is available as application/json, text/plain, text/markdown, "
                        + "text/html, application/ld+json, application/ninjs+json, or with ?format=json, text, "
                        + "markdown, html, jsonld, ninjs."));
        anonymous().queryParam("format", "xml").get(ARTICLES + id).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("format"),
                        "detail", equalTo("Parameter 'format' must be one of json, text, markdown, html, jsonld, ninjs."));
        anonymous().queryParam("format", "html").queryParam("fields", "id,title").get(ARTICLES + id).then()
                .statusCode(400).body("errors[0].parameter", equalTo("fields"));
        anonymous().accept("text/markdown").queryParam("fields", "id").get(ARTICLES + id).then()
                .statusCode(400).body("errors[0].parameter", equalTo("fields"));
        anonymous().queryParam("format", "json").queryParam("fields", "id,title").get(ARTICLES + id).then()
                .statusCode(200).body("id", equalTo(id));
    }

    @Test
    void eachFormatHasItsOwnTagAndItsOwn304() {
        String id = create(published(article("ar", "وسوم " + Api.unique())));
        String slug = anonymous().get(ARTICLES + id).path("slug");
        Set<String> tags = new HashSet<>();
        for (Format format : Format.values()) {
            String etag = anonymous().queryParam("format", format.wireName()).get(ARTICLES + id).then().statusCode(200)
                    .header("ETag", "\"" + id + "-v1-" + format.etagVariant() + "\"").extract().header("ETag");
            tags.add(etag);
            // By id a conditional read is answered from the stamp; by slug from the article: both know every variant.
            anonymous().header("If-None-Match", etag).accept(format.baseType()).get(ARTICLES + id).then()
                    .statusCode(304).header("ETag", etag).body(emptyString());
            anonymous().header("If-None-Match", etag).queryParam("format", format.wireName())
                    .get(ARTICLES + "slug/" + slug).then().statusCode(304).header("ETag", etag);
        }
        assertEquals(Format.values().length, tags.size());
        // Another format's tag does not revalidate this one.
        anonymous().header("If-None-Match", "\"" + id + "-v1-md\"").queryParam("format", "html").get(ARTICLES + id)
                .then().statusCode(200).header("ETag", "\"" + id + "-v1-html\"");
        // Any variant's tag is good for If-Match.
        editor().header("If-Match", "\"" + id + "-v1-ninjs\"").contentType(Api.MERGE_PATCH)
                .body(Map.of("lead", "مقدمة جديدة.")).patch(ARTICLES + id).then().statusCode(200);
        anonymous().header("If-None-Match", "\"" + id + "-v1-md\"").queryParam("format", "markdown")
                .get(ARTICLES + id).then().statusCode(200).header("ETag", "\"" + id + "-v2-md\"");
    }

    @Test
    void draftsStayHiddenInEveryFormat() {
        String id = create(article("en", "Hidden draft " + Api.unique()));
        String slug = editor().get(ARTICLES + id).path("slug");
        for (Format format : Format.values()) {
            anonymous().queryParam("format", format.wireName()).get(ARTICLES + id).then().statusCode(404)
                    .contentType("application/problem+json");
            anonymous().accept(format.baseType()).get(ARTICLES + "slug/" + slug).then().statusCode(404);
            anonymous().header("If-None-Match", "\"" + id + "-v1-" + format.etagVariant() + "\"")
                    .queryParam("format", format.wireName()).get(ARTICLES + id).then().statusCode(404);
            editor().queryParam("format", format.wireName()).get(ARTICLES + id).then().statusCode(200)
                    .header("Cache-Control", "private, no-store");
        }
        String ninjs = body(editor().queryParam("format", "ninjs").get(ARTICLES + id));
        assertEquals("withheld", NinjsFormatTest.read(ninjs).get("pubStatus").asText());
        assertEquals(List.of(), NinjsFormatTest.violations(ninjs));
    }

    @Test
    void htmlEscapesTextAndIsolatesLatinRunsInArabic() {
        Map<String, Object> body = published(article("en", "<script>alert(\"x\")</script> & 'quotes' " + Api.unique()));
        String id = create(body);
        String html = body(anonymous().queryParam("format", "html").get(ARTICLES + id));
        assertTrue(html.contains("<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; "), html);
        HtmlFormatTest.wellFormed(html);

        Map<String, Object> arabic = published(article("ar", "شركة Apple تطلق iPhone 16 في دبي " + Api.unique()));
        arabic.put("category", Map.of("name", "تقنية"));
        arabic.put("lead", "قالت وكالة Reuters إن الإطلاق (في سبتمبر) تأخر.");
        String arabicId = create(arabic);
        String arabicHtml = body(anonymous().queryParam("format", "html").get(ARTICLES + arabicId));
        assertTrue(arabicHtml.contains("<h1>شركة <bdi>Apple</bdi> تطلق <bdi>iPhone</bdi> 16 في دبي "), arabicHtml);
        assertTrue(arabicHtml.contains("<p class=\"lead\">قالت وكالة <bdi>Reuters</bdi> إن الإطلاق (في سبتمبر) تأخر.</p>"),
                arabicHtml);
    }

    @Test
    void markdownRoundTripKeepsEveryField() {
        String id = arabicSeed();
        Map<String, Object> original = view(id);
        String markdown = body(anonymous().queryParam("format", "markdown").get(ARTICLES + id));
        String slug = (String) original.get("slug");

        String copy = markdown.replace("slug: " + slug + "\n", "slug: نسخة-" + Api.unique() + "\n");
        String copyId = editor().contentType("text/markdown; charset=utf-8").body(copy)
                .post(ARTICLES + "import?status=published").then().log().ifValidationFails().statusCode(201)
                .extract().path("id");

        assertEquals(content(original), content(view(copyId)));
        assertEquals(copy, body(anonymous().queryParam("format", "markdown").get(ARTICLES + copyId)));
    }

    @Test
    void ninjsRoundTripKeepsEveryField() {
        for (String id : List.of(arabicSeed(), english("Round trip " + Api.unique()))) {
            Map<String, Object> original = view(id);
            JsonNode ninjs = NinjsFormatTest.read(body(anonymous().queryParam("format", "ninjs").get(ARTICLES + id)));
            String slug = "نسخة-copy-" + Api.unique();
            ((com.fasterxml.jackson.databind.node.ObjectNode) ninjs).put("slugline", slug);

            // With its charset: RestAssured would send an unknown type as ISO-8859-1 (see Api.MERGE_PATCH).
            String copyId = editor().contentType("application/ninjs+json; charset=utf-8").body(ninjs.toString())
                    .post(ARTICLES + "import?status=published").then().log().ifValidationFails().statusCode(201)
                    .extract().path("id");

            Map<String, Object> copy = view(copyId);
            assertEquals(slug, copy.get("slug"));
            assertEquals(content(original), content(copy));
            assertEquals(original.get("category"), copy.get("category"));
        }
    }

    @Test
    void textRoundTripOfAnEnglishArticle() {
        String text = "Politics\nTalks resume in Baku " + Api.unique() + "\n\nA subtitle\nThe lead.\nFirst heading\n"
                + "- one\n- two\nSecond heading\n- three\nClosing words.";
        String id = editor().contentType("text/plain; charset=utf-8").body(text)
                .post(ARTICLES + "import?lang=en&status=published").then().statusCode(201).extract().path("id");
        assertEquals(text, body(anonymous().accept(ContentType.TEXT).get(ARTICLES + id)));
    }

    private static Map<String, Object> view(String id) {
        return editor().get(ARTICLES + id).then().statusCode(200).extract().jsonPath().getMap("");
    }

    /** What a round trip must keep: the view without identity, timestamps and version. */
    private static Map<String, Object> content(Map<String, Object> view) {
        Map<String, Object> content = new LinkedHashMap<>(view);
        for (String key : List.of("id", "slug", "createdAt", "updatedAt", "publishedAt", "version")) {
            content.remove(key);
        }
        return content;
    }

    @Test
    void contentTypeOfEachFormat() {
        String id = create(published(article("en", "Types " + Api.unique())));
        for (Format format : Format.values()) {
            anonymous().queryParam("format", format.wireName()).get(ARTICLES + id).then().statusCode(200)
                    .contentType(startsWith(format.baseType())).header("Content-Language", "en");
        }
        anonymous().queryParam("format", "markdown").get(ARTICLES + id).then()
                .header("Content-Type", containsString("charset=utf-8"));
    }
}
