package dev.khabar.article;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * A position in a list: the sort key and id of the last item of a page. On the wire it is opaque: base64url of the
 * two values and a checksum, so that a truncated or edited cursor is told apart from a valid one.
 */
public record Cursor(Instant listedAt, UUID id) {

    private static final int SIZE = 8 + 4 + 16 + 4;

    public String encode() {
        ByteBuffer buffer = ByteBuffer.allocate(SIZE);
        buffer.putLong(listedAt.getEpochSecond()).putInt(listedAt.getNano())
                .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        buffer.putInt(checksum(buffer.array(), SIZE - 4));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    /** The cursor, or empty when the text is not one that {@link #encode} produced. */
    public static Optional<Cursor> decode(String text) {
        if (text == null || text.length() > 64) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != SIZE) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long seconds = buffer.getLong();
        int nanos = buffer.getInt();
        UUID id = new UUID(buffer.getLong(), buffer.getLong());
        if (buffer.getInt() != checksum(bytes, SIZE - 4) || nanos < 0 || nanos > 999_999_999
                || seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(new Cursor(Instant.ofEpochSecond(seconds, nanos), id));
    }

    private static int checksum(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
