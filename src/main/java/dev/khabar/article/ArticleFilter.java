package dev.khabar.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a list asks for: filters (empty lists and empty optionals mean "any"), the position after which the page
 * starts, and its size.
 */
public record ArticleFilter(List<String> categories, List<String> tags, Optional<String> language,
        Optional<ArticleState> status, Optional<Instant> publishedAfter, Optional<Instant> publishedBefore,
        Optional<Cursor> after, int limit) {
}
