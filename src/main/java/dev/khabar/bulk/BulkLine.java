package dev.khabar.bulk;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.khabar.article.ArticleContent;

/**
 * One line of a bulk import, read: the article it carries, the id it names (an exported article carries its own),
 * and for text-layout lines the line of the text each field came from.
 */
public record BulkLine(int number, Optional<UUID> id, ArticleContent content, Map<String, Integer> textLines) {

    /** What finds the article a line updates: its external id, else its id; empty for a plain new article. */
    public Optional<String> key() {
        if (content.externalId() != null) {
            return Optional.of("external:" + content.externalId());
        }
        return id.map(i -> "id:" + i);
    }
}
