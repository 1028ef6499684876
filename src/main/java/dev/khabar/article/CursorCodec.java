package dev.khabar.article;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Opaque cursors: base64url of a few fixed-size values and a CRC-32. The checksum catches truncated and edited
 * cursors; it is not a signature, and needs not be: a forged cursor can only name a position, and every value read
 * from one is range-checked before it reaches a query.
 */
public final class CursorCodec {

    private CursorCodec() {
    }

    /** The buffer's bytes (filled to its capacity) with a checksum, as URL-safe text. */
    public static String encode(ByteBuffer values) {
        byte[] bytes = values.array();
        ByteBuffer out = ByteBuffer.allocate(bytes.length + 4).put(bytes).putInt(checksum(bytes, bytes.length));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    }

    /** The values of a cursor of {@code size} bytes, or empty when the text is not such a cursor. */
    public static Optional<ByteBuffer> decode(String text, int size) {
        if (text == null || text.length() > 4 * (size + 4) / 3 + 4) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != size + 4 || ByteBuffer.wrap(bytes, size, 4).getInt() != checksum(bytes, size)) {
            return Optional.empty();
        }
        return Optional.of(ByteBuffer.wrap(bytes, 0, size));
    }

    public static void putInstant(ByteBuffer buffer, Instant at) {
        buffer.putLong(at.getEpochSecond()).putInt(at.getNano());
    }

    public static Optional<Instant> getInstant(ByteBuffer buffer) {
        long seconds = buffer.getLong();
        int nanos = buffer.getInt();
        if (nanos < 0 || nanos > 999_999_999 || seconds < Dates.MIN.getEpochSecond()
                || seconds > Dates.MAX.getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(seconds, nanos));
    }

    public static void putUuid(ByteBuffer buffer, UUID id) {
        buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    public static UUID getUuid(ByteBuffer buffer) {
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    private static int checksum(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
