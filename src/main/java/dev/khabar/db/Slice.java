package dev.khabar.db;

import java.util.List;
import java.util.Optional;

/**
 * One page of a keyset query that asked for one row more than the page holds: the extra row only says that another
 * page follows. Every paged list of the API reads its rows this way.
 */
public record Slice<T>(List<T> items, boolean more) {

    public static <T> Slice<T> of(List<T> rows, int limit) {
        return new Slice<>(List.copyOf(rows.subList(0, Math.min(limit, rows.size()))), rows.size() > limit);
    }

    /** The last item, when another page follows: where the next page starts. */
    public Optional<T> next() {
        return more ? Optional.of(items.get(items.size() - 1)) : Optional.empty();
    }
}
