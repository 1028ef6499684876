package dev.khabar.search;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.khabar.article.CursorCodec;

/** A position in ranked results: the rank, publication time and id of the last hit of a page. */
public record SearchCursor(float rank, Instant publishedAt, UUID id) {

    private static final int SIZE = 4 + 8 + 4 + 16;

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
