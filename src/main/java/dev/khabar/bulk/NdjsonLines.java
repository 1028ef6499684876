package dev.khabar.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads newline-delimited JSON from a stream, one line at a time, without holding more than one line (at most
 * {@code maxLineBytes}) and a read buffer in memory. Lines end with LF (a CR before it is dropped); a last line without
 * one counts too. A line longer than {@code maxLineBytes} is skipped to its end and reported as too long; past
 * {@code maxBodyBytes} in all, reading stops with {@link BodyTooLargeException}.
 */
public final class NdjsonLines {

    /** One line: its number (1-based, counting every line, blank ones too) and its bytes, or none if it was too long. */
    public record Line(int number, byte[] bytes, boolean tooLong) {
        public boolean isBlank() {
            if (tooLong) {
                return false;
            }
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }
    }

    /** The body went past its cap; the lines before the one where it did were read whole. */
    public static final class BodyTooLargeException extends IOException {
        private final int line;

        BodyTooLargeException(int line, long max) {
            super("The body is over " + max + " bytes.");
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final long maxBodyBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private long total;
    private int number;
    private boolean ended;
    private byte[] line = new byte[8 * 1024];

    public NdjsonLines(InputStream in, int maxLineBytes, long maxBodyBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The next line, or null at the end of the body. */
    public Line next() throws IOException {
        if (ended) {
            return null;
        }
        int length = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                ended = true;
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            int start = position;
            int end = start;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            int chunk = end - start;
            if (!tooLong) {
                if (length + chunk > maxLineBytes + 1) {
                    // One byte of slack for a CR before the LF.
                    tooLong = true;
                } else {
                    if (length + chunk > line.length) {
                        line = Arrays.copyOf(line, Math.min(maxLineBytes + 1, Math.max(line.length * 2, length + chunk)));
                    }
                    System.arraycopy(buffer, start, line, length, chunk);
                    length += chunk;
                }
            }
            position = end;
            if (end < limit) {
                position++; // the LF
                break;
            }
        }
        number++;
        if (!tooLong && length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (!tooLong && length > maxLineBytes) {
            tooLong = true;
        }
        return new Line(number, tooLong ? null : Arrays.copyOf(line, length), tooLong);
    }

    /** Bytes read so far. */
    public long bytesRead() {
        return total;
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        total += n;
        if (total > maxBodyBytes) {
            throw new BodyTooLargeException(number + 1, maxBodyBytes);
        }
        position = 0;
        limit = n;
        return true;
    }
}
