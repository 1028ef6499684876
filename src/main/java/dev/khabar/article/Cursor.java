package dev.khabar.article;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A position in a list: the sort key and id of the last item of a page. On the wire it is opaque (see
 * {@link CursorCodec}), so that a truncated or edited cursor is told apart from a valid one.
 */
public record Cursor(Instant listedAt, UUID id) {

    private static final int SIZE = 8 + 4 + 16;

    public String encode() {
        ByteBuffer buffer = ByteBuffer.allocate(SIZE);
        CursorCodec.putInstant(buffer, listedAt);
        CursorCodec.putUuid(buffer, id);
        return CursorCodec.encode(buffer);
    }

    /** The cursor, or empty when the text is not one that {@link #encode} produced. */
    public static Optional<Cursor> decode(String text) {
        return CursorCodec.decode(text, SIZE).flatMap(buffer -> CursorCodec.getInstant(buffer)
                .map(at -> new Cursor(at, CursorCodec.getUuid(buffer))));
    }
}
