package dev.khabar.search;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What a search asks for besides its words: the same filters a list takes, the position and the page size. */
public record SearchFilter(SearchQuery query, List<String> categories, List<String> tags, Optional<String> language,
        Optional<Instant> publishedAfter, Optional<Instant> publishedBefore, Optional<SearchCursor> after, int limit) {
}
