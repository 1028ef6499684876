package dev.khabar.search.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.khabar.article.Article;
import dev.khabar.article.CategoryRef;
import dev.khabar.search.Highlighter;
import dev.khabar.search.SearchRepository;
import dev.khabar.text.Languages;

/** The JSON of search results and suggestions. */
final class SearchViews {

    private SearchViews() {
    }

    @Schema(name = "SearchPage", description = "Published articles that match, best first.")
    record Page(List<Hit> items,
            @Schema(description = "Opaque cursor of the next page; null on the last.", nullable = true) String nextCursor,
            @Schema(description = "How many published articles match.", examples = "42") long total,
            @Schema(description = "True when `total` is the database's estimate (beyond 500 matches).")
            boolean totalIsEstimate) {
    }

    @Schema(name = "SearchHit", description = "An article summary and where the query matched it.")
    record Hit(UUID id, String slug, String title, String subtitle, CategoryRef category,
            @Schema(examples = "ar") String language,
            @Schema(enumeration = { "rtl", "ltr" }) String direction,
            Instant publishedAt,
            @Schema(description = "Up to three fields that matched, best weighted first.") List<Snippet> snippets) {

        static Hit of(Article a, List<Highlighter.Snippet> snippets) {
            return new Hit(a.getId(), a.getSlug(), a.getTitle(), a.getSubtitle(),
                    new CategoryRef(a.getCategory().getSlug(), a.getCategory().getName()), a.getLanguage(),
                    a.direction(), a.getPublishedAt(), snippets.stream().map(s -> new Snippet(s.field(), s.html())).toList());
        }
    }

    @Schema(name = "SearchSnippet")
    record Snippet(
            @Schema(description = "The field: title, subtitle, lead, closing, sections[i].heading or "
                    + "sections[i].bullets[j].", examples = "lead") String field,
            @Schema(description = "The text as stored, HTML-escaped, matched words in <mark>; cut to a window "
                    + "marked with … when long.", examples = "شهدت <mark>العلاقات</mark> بين روسيا وأذربيجان")
            String html) {
    }

    @Schema(name = "SuggestionList")
    record Suggestions(List<Suggestion> items) {
    }

    @Schema(name = "Suggestion", description = "A published title for type-ahead.")
    record Suggestion(UUID id, String slug, String title, @Schema(examples = "ar") String language,
            @Schema(enumeration = { "rtl", "ltr" }) String direction) {
        static Suggestion of(SearchRepository.Suggestion s) {
            return new Suggestion(s.id(), s.slug(), s.title(), s.language(), Languages.direction(s.language()));
        }
    }
}
