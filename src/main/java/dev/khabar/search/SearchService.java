package dev.khabar.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.QueryTimeoutException;
import jakarta.transaction.Transactional;

import dev.khabar.article.Article;
import dev.khabar.article.ArticleRepository;
import dev.khabar.article.Section;
import dev.khabar.config.ContentConfig;
import dev.khabar.db.Slice;
import dev.khabar.text.Analysis;

/** Full-text search of published articles and title type-ahead. */
@ApplicationScoped
public class SearchService {

    /** At most this many snippets per hit, best weighted fields first. */
    static final int SNIPPETS_PER_HIT = 3;
    public static final int SUGGESTIONS = 10;
    static final int SUGGEST_FROM = 3;

    @Inject
    SearchRepository search;
    @Inject
    ArticleRepository articles;
    @Inject
    ContentConfig config;

    /** A published article that matched, with where it matched. */
    public record Hit(Article article, List<Highlighter.Snippet> snippets) {
    }

    /** A page of hits, the cursor of the next one, the total, and what the page depends on (for the read cache). */
    public record Result(List<Hit> hits, Optional<SearchCursor> next, SearchRepository.Total total, SearchScope scope) {
    }

    @Transactional
    public Result search(SearchFilter filter) {
        try {
            return ranked(filter);
        } catch (QueryTimeoutException | org.hibernate.QueryTimeoutException e) {
            // the first from Hibernate's queries, the second from JDBC work on the session's connection
            throw new SearchTimeoutException(config.searchTimeout());
        }
    }

    private Result ranked(SearchFilter filter) {
        SearchRepository.Page page = search.page(filter, config.searchTimeout());
        Slice<SearchRepository.Ranked> slice = Slice.of(page.rows(), filter.limit());
        List<SearchRepository.Ranked> ranked = slice.items();
        Map<UUID, Article> byId = articles.findAllWithCategory(ranked.stream().map(SearchRepository.Ranked::id).toList())
                .stream().collect(Collectors.toMap(Article::getId, Function.identity()));
        Highlighter highlighter = new Highlighter(filter.query());
        List<Hit> hits = ranked.stream().map(r -> byId.get(r.id())).filter(a -> a != null)
                .map(a -> new Hit(a, snippets(a, highlighter))).toList();
        Optional<SearchCursor> next = slice.next()
                .map(last -> new SearchCursor(last.rank(), last.publishedAt(), last.id()));
        return new Result(hits, next, search.total(filter, page), SearchScope.of(filter, page, slice));
    }

    /** Suggestions, and what they depend on (for the read cache): empty when the text was too short to look up. */
    public record Suggested(List<SearchRepository.Suggestion> items, Optional<SuggestScope> scope) {
    }

    /**
     * Titles for what a reader is typing, normalised like everything else. Below {@value #SUGGEST_FROM} characters
     * there is nothing to suggest (trigrams need three; shorter text would match most titles anyway).
     */
    @Transactional
    public Suggested suggest(String partial, Optional<String> language) {
        String normalised = Analysis.normalisedText(partial);
        if (normalised.length() < SUGGEST_FROM) {
            return new Suggested(List.of(), Optional.empty());
        }
        List<SearchRepository.Suggestion> items = search.suggest(normalised, language, SUGGESTIONS);
        return new Suggested(items, Optional.of(new SuggestScope(normalised,
                items.stream().map(SearchRepository.Suggestion::id).toList())));
    }

    /** Snippets in weight order (title, subtitle, headings, lead, bullets, closing), stopping at the third. */
    private static List<Highlighter.Snippet> snippets(Article a, Highlighter highlighter) {
        List<Highlighter.Snippet> found = new ArrayList<>(SNIPPETS_PER_HIT);
        List<Section> sections = a.getSections();
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("title", a.getTitle()));
        fields.add(Map.entry("subtitle", a.getSubtitle()));
        for (int s = 0; s < sections.size(); s++) {
            fields.add(Map.entry("sections[" + s + "].heading", sections.get(s).heading()));
        }
        fields.add(Map.entry("lead", a.getLead()));
        for (int s = 0; s < sections.size(); s++) {
            List<String> bullets = sections.get(s).bullets();
            for (int b = 0; b < bullets.size(); b++) {
                fields.add(Map.entry("sections[" + s + "].bullets[" + b + "]", bullets.get(b)));
            }
        }
        fields.add(Map.entry("closing", a.getClosing()));
        for (Map.Entry<String, String> field : fields) {
            Highlighter.Snippet snippet = highlighter.snippet(field.getKey(), field.getValue());
            if (snippet != null) {
                found.add(snippet);
                if (found.size() == SNIPPETS_PER_HIT) {
                    break;
                }
            }
        }
        return List.copyOf(found);
    }
}
