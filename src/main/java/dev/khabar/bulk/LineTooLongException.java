package dev.khabar.bulk;

/** A line of a bulk import is longer than a single article may be; the line is skipped, the import goes on. */
public class LineTooLongException extends RuntimeException {
    private final int max;

    public LineTooLongException(int max) {
        super("A line may hold at most " + max + " bytes (1 MiB), as a single-article request body.", null, false,
                false);
        this.max = max;
    }

    public int max() {
        return max;
    }
}
