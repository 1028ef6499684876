package dev.khabar.cache;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.UUID;

/**
 * What a cached page of search results depends on: its query, and the articles it was ranked among (its candidates).
 * A write of an article can change the page only if the article was one of them, or matches the query once written;
 * every other write leaves it as it is ({@link ReadCache#changed}).
 */
public final class SearchScope {

    /** The order of {@link #candidates}: signed, most significant bits first. */
    private static final Comparator<UUID> ORDER = Comparator.comparingLong(UUID::getMostSignificantBits)
            .thenComparingLong(UUID::getLeastSignificantBits);

    private final String tsquery;
    /** The candidates' ids as (most, least significant bits) pairs, sorted: 16 bytes each, searched by halves. */
    private final long[] candidates;

    private SearchScope(String tsquery, long[] candidates) {
        this.tsquery = tsquery;
        this.candidates = candidates;
    }

    public static SearchScope of(String tsquery, Collection<UUID> candidates) {
        UUID[] sorted = candidates.toArray(UUID[]::new);
        Arrays.sort(sorted, ORDER);
        long[] bits = new long[sorted.length * 2];
        for (int i = 0; i < sorted.length; i++) {
            bits[2 * i] = sorted[i].getMostSignificantBits();
            bits[2 * i + 1] = sorted[i].getLeastSignificantBits();
        }
        return new SearchScope(tsquery, bits);
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

    int weight() {
        return candidates.length * 8 + tsquery.length() * 2 + 64;
    }
}
