package dev.khabar.article;

/** A client asked for a slug that another article of the same language already has. */
public class SlugTakenException extends RuntimeException {
    private final String slug;
    private final String language;

    public SlugTakenException(String slug, String language) {
        super("The slug '" + slug + "' is already used by another article in language '" + language + "'.");
        this.slug = slug;
        this.language = language;
    }

    public String slug() {
        return slug;
    }

    public String language() {
        return language;
    }
}
