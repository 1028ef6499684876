package dev.khabar.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.khabar.article.api.ArticleView;

class JsonLdFormatTest {

    @Test
    void englishNewsArticle() {
        assertEquals("{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
                + "\"@id\":\"https://news.example/en/moscow-urges-baku\",\"url\":\"https://news.example/en/moscow-urges-baku\","
                + "\"mainEntityOfPage\":{\"@type\":\"WebPage\",\"@id\":\"https://news.example/en/moscow-urges-baku\"},"
                + "\"headline\":\"Moscow urges Baku to restore ties\",\"alternativeHeadline\":\"A diplomatic row deepens\","
                + "\"description\":\"Relations between Russia and Azerbaijan have deteriorated.\","
                + "\"articleSection\":\"Politics\",\"articleBody\":\"Relations between Russia and Azerbaijan have "
                + "deteriorated.\\n\\nThe appeal\\n- The ministry urged Baku to restore ties.\\n- It spoke of \u201cstrategic "
                + "cooperation\u201d.\\n\\nThe future depends on both capitals.\",\"inLanguage\":\"en\","
                + "\"datePublished\":\"2026-11-29T08:30:00Z\",\"dateCreated\":\"2026-11-29T08:00:00Z\","
                + "\"dateModified\":\"2026-11-29T08:30:00Z\",\"wordCount\":36,\"timeRequired\":\"PT1M\","
                + "\"keywords\":[\"Russia\",\"Azerbaijan\"],\"author\":[{\"@type\":\"Person\",\"name\":\"Layla Hassan\"}]}",
                JsonLdFormat.render(Articles.english(), "https://news.example/en/moscow-urges-baku"));
    }

    @Test
    void arabicWithImageAndAuthors() {
        JsonNode doc = NinjsFormatTest.read(JsonLdFormat.render(Articles.arabic(), "https://news.example/ar/x"));

        assertEquals("اخبار سياسية", doc.get("articleSection").asText());
        assertEquals("ar", doc.get("inLanguage").asText());
        assertEquals("PT3M", doc.get("timeRequired").asText());
        assertEquals(409, doc.get("wordCount").asInt());
        assertEquals("[{\"@type\":\"Person\",\"name\":\"ليلى حسن\"},{\"@type\":\"Person\",\"name\":\"عمر خالد\"}]",
                doc.get("author").toString());
        assertEquals("{\"@type\":\"ImageObject\",\"url\":\"https://cdn.example.com/baku.jpg\",\"contentUrl\":"
                + "\"https://cdn.example.com/baku.jpg\",\"width\":1600,\"height\":900,\"caption\":\"وزارة الخارجية الروسية\","
                + "\"description\":\"مبنى وزارة الخارجية الروسية في موسكو\",\"creditText\":\"رويترز\"}",
                doc.get("image").toString());
        assertEquals(true, doc.get("articleBody").asText().startsWith("شهدت العلاقات"));
    }

    @Test
    void canBeEmbeddedInAScriptElement() {
        ArticleView a = Articles.with(Articles.english(), "</script><script>alert(1)</script> & more", "", "", List.of(),
                "");

        String jsonLd = JsonLdFormat.render(a, "https://news.example/x");

        assertFalse(jsonLd.contains("<") || jsonLd.contains(">") || jsonLd.contains("&"), jsonLd);
        assertEquals("</script><script>alert(1)</script> & more", NinjsFormatTest.read(jsonLd).get("headline").asText());
        assertFalse(NinjsFormatTest.read(jsonLd).has("datePublished") && a.publishedAt() == null);
    }
}
