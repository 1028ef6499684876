package dev.khabar.search;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.khabar.article.LanguageMatch;
import dev.khabar.db.Slice;

/**
 * What a cached page of search results depends on, so that a write of articles drops it only when the page would not
 * be the same afterwards (ReadCache#changed). A page is cut from its candidates alone, the newest
 * {@value SearchRepository#CANDIDATES} matches ranked (SearchRepository#page), so after a write:
 * <ul>
 * <li>if an article written was a candidate, the page goes;</li>
 * <li>an article that was none and does not match afterwards changes nothing;</li>
 * <li>one that was none and matches afterwards (a new article, usually) joins the candidates if it is newer than the
 * oldest of them, which gives way. The page stays if none of those is on it: each newcomer ranks after the page's last
 * hit (and a next page follows) or before the page's cursor, and the candidates that give way, the oldest, are older
 * than every hit shown. A page among fewer candidates than that goes, as its exact total changes; so does a page
 * filtered by category, tag or date, which the write is not tested against. A language filter is.</li>
 * </ul>
 */
public final class SearchScope implements PageScope {

    /** An article that matches a query, as it stands after a write. */
    public record Match(String tsquery, UUID id, float rank, Instant publishedAt, Instant listedAt, String language) {
    }

    /** The order of {@link #candidates}: signed, most significant bits first. */
    private static final Comparator<UUID> BITS = Comparator.comparingLong(UUID::getMostSignificantBits)
            .thenComparingLong(UUID::getLeastSignificantBits);

    private final String tsquery;
    /** The language filter, or null. */
    private final String language;
    /** Whether other filters (category, tag, dates) narrowed the search. */
    private final boolean filtered;
    /** The candidates' ids as (most, least significant bits) pairs, sorted: 16 bytes each, searched by halves. */
    private final long[] candidates;
    /** Whether the candidates were the newest of more matches (the oldest give way to newer ones). */
    private final boolean full;
    /** The oldest candidate, or null when there is none. */
    private final SearchRepository.Listed oldest;
    /**
     * How many candidates are older than every hit shown and the row after them: that many can give way without
     * changing the page.
     */
    private final int olderThanShown;
    /** The page's cursor, or null for the first page. */
    private final SearchCursor after;
    /** The page's last hit when a next page follows, or null. */
    private final SearchCursor last;

    private SearchScope(SearchFilter filter, SearchRepository.Page page, Slice<SearchRepository.Ranked> slice) {
        this.tsquery = filter.query().tsquery();
        this.language = filter.language().orElse(null);
        this.filtered = !filter.categories().isEmpty() || !filter.tags().isEmpty() || filter.publishedAfter().isPresent()
                || filter.publishedBefore().isPresent();
        UUID[] sorted = page.byAge().stream().map(SearchRepository.Listed::id).toArray(UUID[]::new);
        Arrays.sort(sorted, BITS);
        this.candidates = new long[sorted.length * 2];
        for (int i = 0; i < sorted.length; i++) {
            candidates[2 * i] = sorted[i].getMostSignificantBits();
            candidates[2 * i + 1] = sorted[i].getLeastSignificantBits();
        }
        this.full = page.full();
        this.oldest = page.byAge().isEmpty() ? null : page.byAge().get(0);
        // The hits and the row after them, which tells that a next page follows.
        Set<UUID> shown = page.rows().stream().map(SearchRepository.Ranked::id).collect(Collectors.toSet());
        int older = 0;
        while (older < page.byAge().size() && !shown.contains(page.byAge().get(older).id())) {
            older++;
        }
        this.olderThanShown = older;
        this.after = filter.after().orElse(null);
        this.last = slice.next().map(SearchRepository.Ranked::position).orElse(null);
    }

    static SearchScope of(SearchFilter filter, SearchRepository.Page page, Slice<SearchRepository.Ranked> slice) {
        return new SearchScope(filter, page, slice);
    }

    /** The query, in PostgreSQL {@code tsquery} syntax (for {@code to_tsquery('simple', ...)}). */
    public String tsquery() {
        return tsquery;
    }

    /** Whether the article was one of the candidates. */
    public boolean ranked(UUID id) {
        long most = id.getMostSignificantBits();
        long least = id.getLeastSignificantBits();
        int low = 0;
        int high = candidates.length / 2 - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = Long.compare(candidates[2 * middle], most);
            if (order == 0) {
                order = Long.compare(candidates[2 * middle + 1], least);
            }
            if (order == 0) {
                return true;
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return false;
    }

    /**
     * Whether the page is the same after a write of articles that were none of its candidates, of which these match its
     * query now.
     */
    public boolean keeps(List<Match> matches) {
        if (matches.isEmpty()) {
            return true;
        }
        if (filtered) {
            return false;
        }
        int entering = 0;
        for (Match match : matches) {
            if (language != null && !LanguageMatch.matches(match.language(), language)) {
                continue; // not in these results
            }
            if (!full) {
                return false;
            }
            if (new SearchRepository.Listed(match.listedAt(), match.id()).compareTo(oldest) < 0) {
                continue; // older than every candidate: not one of them
            }
            SearchCursor position = new SearchCursor(match.rank(), match.publishedAt(), match.id());
            if (!(after != null && !position.comesAfter(after) || last != null && position.comesAfter(last))) {
                return false;
            }
            entering++;
        }
        return entering <= olderThanShown;
    }

    @Override
    public int weight() {
        return candidates.length * 8 + tsquery.length() * 2 + 200;
    }
}
