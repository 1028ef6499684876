package dev.khabar.taxonomy;

/** A category or a tag with the number of articles the caller may see in it. */
public record Term(String slug, String name, long articleCount) {
}
