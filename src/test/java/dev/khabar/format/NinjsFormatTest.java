package dev.khabar.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;

import dev.khabar.article.ArticleState;
import dev.khabar.article.FieldError;
import dev.khabar.article.InvalidArticleException;
import dev.khabar.article.api.ArticleView;

class NinjsFormatTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String URL = "https://news.example/ar/%D8%AA";
    /** IPTC's schema (draft 2020-12), its one external $ref (GeoJSON) stubbed; format assertions on (uri, date-time). */
    static final Schema NINJS = schema();

    private static Schema schema() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012(), b -> b
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        try (InputStream in = NinjsFormatTest.class.getClassLoader().getResourceAsStream("ninjs-schema_3.1.json")) {
            return registry.getSchema(in, InputFormat.JSON);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The errors of a document against the ninjs 3.1 schema. */
    static List<String> violations(String document) {
        return NINJS.validate(document, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    @Test
    void everyStateAndLanguageIsValidNinjs() {
        Instant later = Instant.parse("2030-01-01T06:00:00Z");
        for (ArticleView a : List.of(Articles.arabic(), Articles.english(),
                Articles.in(Articles.english(), ArticleState.DRAFT, null),
                Articles.in(Articles.arabic(), ArticleState.SCHEDULED, later),
                Articles.in(Articles.arabic(), ArticleState.ARCHIVED, Articles.UPDATED),
                Articles.with(Articles.english(), "<script>\"x\"</script>", "", "", List.of(), ""))) {
            String ninjs = NinjsFormat.render(a, URL);
            assertEquals(List.of(), violations(ninjs), ninjs);
        }
    }

    @Test
    void theSchemaCatchesWhatIsWrong() {
        ObjectNode doc = (ObjectNode) read(NinjsFormat.render(Articles.english(), URL));
        doc.put("pubStatus", "published");
        doc.put("firstCreated", "yesterday");
        doc.put("colour", "red");
        List<String> violations = violations(doc.toString());
        // Once anything fails, the schema's unevaluatedProperties also lists every member: look for the three causes.
        for (String cause : List.of("/firstCreated: does not match the date-time pattern",
                "/pubStatus: does not have a value in the enumeration", "property 'colour' is not evaluated")) {
            assertEquals(true, violations.stream().anyMatch(v -> v.contains(cause)), cause + " in " + violations);
        }
    }

    @Test
    void mapsTheArticleToNinjsMembers() {
        JsonNode doc = read(NinjsFormat.render(Articles.arabic(), URL));

        assertEquals(URL, doc.get("uri").asText());
        assertEquals("{\"name\":\"ninjs\",\"version\":\"3.1\",\"schema\":\"" + NinjsFormat.SCHEMA + "\"}",
                doc.get("standard").toString());
        assertEquals("text", doc.get("type").asText());
        assertEquals("3", doc.get("version").asText());
        assertEquals("usable", doc.get("pubStatus").asText());
        assertEquals("ar", doc.get("language").asText());
        assertEquals("تصاعد-الأزمة-الدبلوماسية-بين-روسيا-وأذربيجان", doc.get("slugline").asText());
        assertEquals("2026-11-29T08:00:00Z", doc.get("firstCreated").asText());
        assertEquals("2026-11-29T08:30:00Z", doc.get("versionCreated").asText());
        assertEquals("main", doc.at("/headlines/0/role").asText());
        assertEquals("subhead", doc.at("/headlines/1/role").asText());
        assertEquals(Articles.arabic().lead(), doc.at("/descriptions/0/value").asText());
        assertEquals("application/xhtml+xml", doc.at("/bodies/0/contentType").asText());
        assertEquals(HtmlFormat.render(Articles.arabic()), doc.at("/bodies/0/value").asText());
        assertEquals("text/plain", doc.at("/bodies/1/contentType").asText());
        assertEquals(409, doc.at("/bodies/0/wordCount").asInt());
        assertEquals(409, doc.at("/bodies/1/wordCount").asInt());
        assertEquals(doc.at("/bodies/0/charCount").asInt(), doc.at("/bodies/1/charCount").asInt());
        assertEquals("[{\"name\":\"اخبار سياسية\",\"rel\":\"category\",\"literal\":\"اخبار-سياسية\"},"
                + "{\"name\":\"روسيا\",\"rel\":\"tag\"},{\"name\":\"أذربيجان\",\"rel\":\"tag\"}]", doc.get("subjects").toString());
        assertEquals("ليلى حسن, عمر خالد", doc.get("by").asText());
        assertEquals("[{\"name\":\"featureimage\",\"uri\":\"https://cdn.example.com/baku.jpg\",\"type\":\"picture\","
                + "\"renditions\":[{\"name\":\"original\",\"href\":\"https://cdn.example.com/baku.jpg\",\"width\":1600,"
                + "\"height\":900}],\"descriptions\":[{\"role\":\"alt\",\"value\":\"مبنى وزارة الخارجية الروسية في موسكو\"},"
                + "{\"role\":\"caption\",\"value\":\"وزارة الخارجية الروسية\"}],\"by\":\"رويترز\"}]",
                doc.get("associations").toString());
        assertEquals("0b6f1f7e-3c1e-4d4a-9a57-2f0c6f3f2a10", doc.at("/altIds/0/value").asText());
    }

    @Test
    void pubStatusFollowsTheWorkflow() {
        Instant later = Instant.parse("2030-01-01T06:00:00Z");
        assertEquals("withheld", read(NinjsFormat.render(Articles.in(Articles.english(), ArticleState.DRAFT, null), URL))
                .get("pubStatus").asText());
        JsonNode scheduled = read(NinjsFormat.render(Articles.in(Articles.english(), ArticleState.SCHEDULED, later), URL));
        assertEquals("withheld", scheduled.get("pubStatus").asText());
        assertEquals("2030-01-01T06:00:00Z", scheduled.get("embargoedUntil").asText());
        assertEquals("canceled", read(NinjsFormat.render(Articles.in(Articles.english(), ArticleState.ARCHIVED,
                Articles.UPDATED), URL)).get("pubStatus").asText());
    }

    @Test
    void readsBackEveryField() {
        for (ArticleView a : List.of(Articles.arabic(), Articles.english(),
                Articles.with(Articles.english(), "<b>Bold</b> & \"quoted\" in Arabic: سلام", "", "x < y", List.of(), ""))) {
            Imported back = NinjsFormat.parse(read(NinjsFormat.render(a, URL)));
            assertEquals(Contents.of(a, ArticleState.DRAFT, true), back.content(ArticleState.DRAFT));
            assertEquals(List.of(), back.warnings());
        }
    }

    @Test
    void foreignNinjsIsReadWithWarnings() {
        Imported imported = NinjsFormat.parse(read("""
                {"uri": "urn:x", "language": "en", "headlines": [{"value": "Title"}],
                 "bodies": [{"contentType": "text/html", "value": "<p>Lead.</p><h2>H</h2><ul><li>b</li></ul><p>End.</p>"},
                            {"contentType": "text/plain", "value": "ignored"}],
                 "subjects": [{"name": "Politics", "rel": "category"}, {"name": "Elections", "rel": "about"}],
                 "by": "Reuters staff"}"""));

        assertEquals("Title", imported.title());
        assertEquals("Lead.", imported.lead());
        assertEquals("End.", imported.closing());
        assertEquals("Reuters staff", imported.authors().get(0).name());
        assertEquals(List.of(
                ImportWarning.at("/subjects/1", "Subject ignored: the category is the subject with rel 'category', tags "
                        + "have rel 'tag'."),
                ImportWarning.at("/by", "No people with rel 'author': 'by' read as one author.")), imported.warnings());
    }

    @Test
    void errorsNameTheJsonPointer() {
        assertErrors("{\"headlines\": [{\"value\": 7}], \"subjects\": []}", List.of(
                new FieldError("/headlines/0/value", "must be a string"),
                new FieldError("/subjects", "needs a subject with rel 'category': the article's category")));
        assertErrors("{\"subjects\": [{\"name\": \"P\", \"rel\": \"category\"}], \"headlines\": {}}", List.of(
                new FieldError("/headlines", "must be an array")));
        InvalidArticleException broken = assertThrows(InvalidArticleException.class, () -> NinjsFormat.parse(read(
                "{\"headlines\": [{\"value\": \"T\"}], \"subjects\": [{\"name\": \"P\", \"rel\": \"category\"}],"
                        + " \"bodies\": [{\"contentType\": \"application/xhtml+xml\", \"value\": \"<p>open\"}]}")));
        assertEquals("/bodies/0/value", broken.errors().get(0).pointer());
    }

    @Test
    void validationErrorsArePlacedInTheDocument() {
        Imported imported = NinjsFormat.parse(read(NinjsFormat.render(Articles.english(), URL)))
                .withLanguage(Optional.empty());
        InvalidArticleException located = imported.locate(new InvalidArticleException(List.of(
                new FieldError("/title", "size must be between 0 and 300"),
                new FieldError("/sections/0/bullets/1", "size must be between 0 and 2000"),
                new FieldError("/tags/1", "must contain at least one letter or digit"))));

        assertEquals(List.of(new FieldError("/headlines/0/value", "size must be between 0 and 300"),
                new FieldError("/bodies/0/value", "/sections/0/bullets/1: size must be between 0 and 2000"),
                new FieldError("/subjects/2/name", "must contain at least one letter or digit")), located.errors());
    }

    private static void assertErrors(String json, List<FieldError> expected) {
        InvalidArticleException e = assertThrows(InvalidArticleException.class, () -> NinjsFormat.parse(read(json)));
        assertEquals(expected, e.errors());
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
