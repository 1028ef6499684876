package dev.khabar.bulk;

import java.io.CharConversionException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.khabar.article.ArticleContent;
import dev.khabar.article.ArticleService;
import dev.khabar.article.ArticleState;
import dev.khabar.article.FieldError;
import dev.khabar.article.InvalidArticleException;
import dev.khabar.http.Params;
import dev.khabar.http.ProblemException;
import dev.khabar.http.ProblemTypes;
import dev.khabar.text.Languages;

/**
 * Reads one line of a bulk import: a JSON object that is either an article (as {@code POST /articles} takes it, plus
 * the {@code id} an export wrote) or an article in the editors' text layout, {@code {"text", "lang"?, "status"?,
 * "externalId"?}}. Strict like every JSON input: unknown members, duplicate keys and wrong types are errors.
 */
@ApplicationScoped
public class LineParser {

    @Inject
    ObjectMapper json;
    @Inject
    ArticleService articles;

    /** A line in the text layout. */
    @Schema(name = "BulkTextLine", description = "An article in the editors' text layout, as POST /articles/import "
            + "takes it.")
    public record TextLine(
            @Schema(description = "The article in the text layout.", required = true) String text,
            @Schema(description = "BCP 47 tag; without it, Arabic script in the title means `ar`.", examples = "ar")
            String lang,
            @Schema(enumeration = { "draft", "published" }, defaultValue = "draft") String status,
            @Schema(description = "See the article's `externalId`.") String externalId,
            @Schema(description = "Id of the article (when re-importing an export); a new one when absent.") UUID id) {
    }

    /**
     * Whether the line cannot be JSON in UTF-8 because of its first bytes: a NUL, or FE or FF (which UTF-8 never has).
     * Jackson reads such bytes as UTF-16 or UTF-32 (a byte-order mark, or NULs between ASCII letters) and then either
     * parses a line that is not what the body declares or throws a CharConversionException, an IOException that is no
     * JSON error and ended the whole import as if the body had broken off (found by the fuzz suite).
     */
    private static boolean notUtf8(byte[] bytes) {
        for (int i = 0; i < Math.min(4, bytes.length); i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0 || b >= 0xFE) {
                return true;
            }
        }
        return false;
    }

    /** The line read; its errors are thrown as the exceptions a single-article request would raise. */
    public BulkLine parse(int number, byte[] bytes) throws IOException {
        JsonNode node;
        try {
            node = notUtf8(bytes) ? null : json.readTree(bytes);
        } catch (CharConversionException e) {
            node = null; // not UTF-8 after all, as notUtf8 would say of it
        }
        if (node == null || !node.isObject()) {
            throw new ProblemException(400, ProblemTypes.MALFORMED_BODY, "The request body cannot be read",
                    "A line of a bulk import is one JSON object in UTF-8: an article, or {\"text\": ..., \"lang\": "
                            + "...}.", List.of(), Map.of());
        }
        if (node.has("text")) {
            TextLine line = json.treeToValue(node, TextLine.class);
            if (line.text() == null) {
                throw new InvalidArticleException(List.of(new FieldError("/text", "must be the article's text")));
            }
            ArticleState state = line.status() == null ? ArticleState.DRAFT
                    : ArticleState.fromWire(line.status()).filter(s -> s == ArticleState.DRAFT || s == ArticleState.PUBLISHED)
                            .orElseThrow(() -> new InvalidArticleException(List.of(new FieldError("/status",
                                    "must be draft or published"))));
            Optional<String> language = Optional.ofNullable(line.lang()).filter(l -> !l.isBlank()).map(l -> Languages
                    .normalise(l).orElseThrow(() -> new InvalidArticleException(List.of(new FieldError("/lang",
                            "must be a BCP 47 language tag such as ar, en or en-GB")))));
            ArticleService.ImportedText imported = articles.parseText(line.text(), language, state, line.externalId());
            return new BulkLine(number, Optional.ofNullable(line.id()), imported.content(), imported.lines());
        }
        Optional<UUID> id = Optional.empty();
        JsonNode given = node.get("id");
        if (given != null && !given.isNull()) {
            id = Optional.of(given.asText()).filter(v -> given.isTextual()).flatMap(Params::uuid).map(Optional::of)
                    .orElseThrow(() -> new InvalidArticleException(List.of(new FieldError("/id", "must be a UUID"))));
        }
        ((ObjectNode) node).remove("id");
        ArticleContent content = json.treeToValue(node, ArticleContent.class);
        return new BulkLine(number, id, content, Map.of());
    }
}
