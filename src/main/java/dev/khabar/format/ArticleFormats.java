package dev.khabar.format;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.khabar.article.CategoryRef;
import dev.khabar.article.FieldError;
import dev.khabar.article.InvalidArticleException;
import dev.khabar.article.Section;
import dev.khabar.article.api.ArticleView;
import dev.khabar.text.LayoutException;
import dev.khabar.text.SeedLayout;
import dev.khabar.text.StructuredText;

/**
 * One entry point per direction for every format but JSON (which the HTTP layer writes, with its field selection):
 * {@link #render} makes the whole body of one article in one format from the article alone (and its web address),
 * with no per-request state, so that its bytes can be cached per article version and format.
 */
public final class ArticleFormats {

    private ArticleFormats() {
    }

    /** The body of {@code article} in {@code format}, UTF-8; {@code webUrl} is its public page (JSON-LD, ninjs). */
    public static byte[] render(Format format, ArticleView article, String webUrl) {
        String body = switch (format) {
            case TEXT -> SeedLayout.render(new StructuredText(article.category().name(), article.title(),
                    article.subtitle(), article.lead(), article.sections(), article.closing()));
            case MARKDOWN -> MarkdownFormat.render(article);
            case HTML -> HtmlFormat.render(article);
            case JSONLD -> JsonLdFormat.render(article, webUrl);
            case NINJS -> NinjsFormat.render(article, webUrl);
            case JSON -> throw new IllegalArgumentException("JSON is written by the HTTP layer");
        };
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the editors' text layout ({@link SeedLayout}); layout errors name their line. */
    public static Imported parseText(String text) {
        SeedLayout.Parsed parsed;
        try {
            parsed = SeedLayout.parse(text);
        } catch (LayoutException e) {
            throw new InvalidArticleException(List.of(new FieldError("", e.getMessage(), e.line())));
        }
        StructuredText t = parsed.text();
        List<ImportWarning> warnings = parsed.repairs().stream()
                .map(r -> ImportWarning.atLine(r.line(), r.message())).toList();
        return new Imported(null, null, new CategoryRef(null, t.category()), t.title(), t.subtitle(),
                t.lead(), t.sections(), t.closing(), List.of(), List.of(), null, parsed.lines(), Map.of(),
                warnings);
    }

    /**
     * The article as plain text: blocks separated by a blank line, each section its heading and {@code - } bullets.
     * With {@code headline}, the title and subtitle come first (ninjs' plain body); without, the body starts at the
     * lead (JSON-LD's {@code articleBody}). Empty parts are left out.
     */
    static String plainText(ArticleView a, boolean headline) {
        StringBuilder out = new StringBuilder(4096);
        if (headline) {
            block(out, a.title());
            block(out, a.subtitle());
        }
        block(out, a.lead());
        for (Section section : a.sections()) {
            StringBuilder s = new StringBuilder(section.heading());
            section.bullets().forEach(b -> s.append("\n- ").append(b));
            block(out, s.toString());
        }
        block(out, a.closing());
        return out.toString();
    }

    private static void block(StringBuilder out, String text) {
        if (text != null && !text.isEmpty()) {
            if (out.length() > 0) {
                out.append("\n\n");
            }
            out.append(text);
        }
    }

    /** Code points of the article's text, title to closing: what ninjs calls a body's {@code charCount}. */
    static int charCount(ArticleView a) {
        return Stream.concat(Stream.of(a.title(), a.subtitle(), a.lead(), a.closing()),
                a.sections().stream().flatMap(s -> Stream.concat(Stream.of(s.heading()), s.bullets().stream())))
                .mapToInt(t -> t.codePointCount(0, t.length())).sum();
    }
}
