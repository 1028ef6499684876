package dev.khabar.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.khabar.article.Byline;
import dev.khabar.article.Image;
import dev.khabar.article.api.ArticleView;

/**
 * The article as a schema.org {@code NewsArticle} in JSON-LD, for search engines and link previews. {@code <}, {@code >}
 * and {@code &} are written as {@code \}{@code u} escapes, so a page can embed the document in a
 * {@code <script type="application/ld+json">} element as it is: no text of the article can close the element.
 */
public final class JsonLdFormat {

    private static final ObjectMapper JSON = JsonMapper.builder(new JsonFactory().setCharacterEscapes(new ScriptSafe()))
            .build();

    private JsonLdFormat() {
    }

    public static String render(ArticleView a, String url) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("@context", "https://schema.org");
        doc.put("@type", "NewsArticle");
        doc.put("@id", url);
        doc.put("url", url);
        ObjectNode page = doc.putObject("mainEntityOfPage");
        page.put("@type", "WebPage");
        page.put("@id", url);
        doc.put("headline", a.title());
        putText(doc, "alternativeHeadline", a.subtitle());
        putText(doc, "description", a.lead());
        doc.put("articleSection", a.category().name());
        doc.put("articleBody", ArticleFormats.plainText(a, false));
        doc.put("inLanguage", a.language());
        if (a.publishedAt() != null) {
            doc.put("datePublished", a.publishedAt().toString());
        }
        doc.put("dateCreated", a.createdAt().toString());
        doc.put("dateModified", a.updatedAt().toString());
        doc.put("wordCount", a.wordCount());
        doc.put("timeRequired", "PT" + a.readingTimeMinutes() + "M");
        ArrayNode keywords = doc.putArray("keywords");
        a.tags().forEach(keywords::add);
        ArrayNode authors = doc.putArray("author");
        for (Byline byline : a.authors()) {
            authors.addObject().put("@type", "Person").put("name", byline.name());
        }
        Image image = a.image();
        if (image != null) {
            ObjectNode object = doc.putObject("image");
            object.put("@type", "ImageObject");
            object.put("url", image.url());
            object.put("contentUrl", image.url());
            if (image.width() != null) {
                object.put("width", image.width());
            }
            if (image.height() != null) {
                object.put("height", image.height());
            }
            putText(object, "caption", image.caption());
            putText(object, "description", image.alt());
            putText(object, "creditText", image.credit());
        }
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    private static void putText(ObjectNode node, String name, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(name, value);
        }
    }

    /** JSON's own escapes, plus {@code < > &} and the two line separators JavaScript once refused in strings. */
    private static final class ScriptSafe extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii;

        ScriptSafe() {
            ascii = standardAsciiEscapesForJSON();
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
