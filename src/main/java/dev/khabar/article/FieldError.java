package dev.khabar.article;

/** One thing wrong with a submitted article: where (a JSON Pointer, and for imported text the line) and why. */
public record FieldError(String pointer, String detail, Integer line) {
    public FieldError(String pointer, String detail) {
        this(pointer, detail, null);
    }
}
