package dev.khabar.text;

/** Text that does not follow the article layout; {@code line} is 1-based, as an editor counts. */
public class LayoutException extends RuntimeException {
    private final int line;

    public LayoutException(int line, String message) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
