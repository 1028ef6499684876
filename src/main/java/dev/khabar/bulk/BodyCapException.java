package dev.khabar.bulk;

/** The body of a bulk import went past {@code content.bulk-max-bytes}; the lines before were imported. */
public class BodyCapException extends RuntimeException {
    private final long max;

    public BodyCapException(long max) {
        super("A bulk import body may hold at most " + max + " bytes (content.bulk-max-bytes); this line and the "
                + "rest of the body were not read.", null, false, false);
        this.max = max;
    }

    public long max() {
        return max;
    }
}
