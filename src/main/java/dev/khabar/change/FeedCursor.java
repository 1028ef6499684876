package dev.khabar.change;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;

import dev.khabar.article.CursorCodec;

/** A position in the change feed: the time and log position of the last entry a client has seen. Opaque on the wire. */
public record FeedCursor(Instant at, long position) {

    /** Before every entry. */
    public static final FeedCursor START = new FeedCursor(Instant.EPOCH, 0);

    private static final int SIZE = 8 + 4 + 8;

    public String encode() {
        ByteBuffer buffer = ByteBuffer.allocate(SIZE);
        CursorCodec.putInstant(buffer, at);
        buffer.putLong(position);
        return CursorCodec.encode(buffer);
    }

    public static Optional<FeedCursor> decode(String text) {
        return CursorCodec.decode(text, SIZE).flatMap(buffer -> CursorCodec.getInstant(buffer)
                .map(at -> new FeedCursor(at, buffer.getLong())));
    }
}
