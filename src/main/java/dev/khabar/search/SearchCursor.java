package dev.khabar.search;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.khabar.article.CursorCodec;

/** A position in ranked results: the rank, publication time and id of the last hit of a page. */
public record SearchCursor(float rank, Instant publishedAt, UUID id) {

    private static final int SIZE = 4 + 8 + 4 + 16;

    /**
     * Whether this position comes after {@code other} in result order (rank, publication time and id, all descending),
     * as PostgreSQL orders them.
     */
    public boolean comesAfter(SearchCursor other) {
        int order = Float.compare(rank, other.rank);
        if (order == 0) {
            order = publishedAt.compareTo(other.publishedAt);
        }
        if (order == 0) {
            order = compareIds(id, other.id);
        }
        return order < 0;
    }

    /** uuid order in PostgreSQL: 16 unsigned bytes (Java's UUID.compareTo compares signed halves). */
    public static int compareIds(UUID a, UUID b) {
        int order = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return order != 0 ? order : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    public String encode() {
        ByteBuffer buffer = ByteBuffer.allocate(SIZE).putFloat(rank);
        CursorCodec.putInstant(buffer, publishedAt);
        CursorCodec.putUuid(buffer, id);
        return CursorCodec.encode(buffer);
    }

    public static Optional<SearchCursor> decode(String text) {
        return CursorCodec.decode(text, SIZE).flatMap(buffer -> {
            float rank = buffer.getFloat();
            return CursorCodec.getInstant(buffer).filter(at -> Float.isFinite(rank))
                    .map(at -> new SearchCursor(rank, at, CursorCodec.getUuid(buffer)));
        });
    }
}
