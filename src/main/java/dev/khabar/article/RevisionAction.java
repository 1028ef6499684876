package dev.khabar.article;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a write did to an article, as its revision records it. */
public enum RevisionAction {
    CREATED,
    REPLACED,
    PATCHED,
    PUBLISHED,
    SCHEDULED,
    UNPUBLISHED,
    ARCHIVED,
    RESTORED;

    @JsonValue
    public String wire() {
        return name().toLowerCase();
    }

    public static RevisionAction fromWire(String value) {
        return valueOf(value.toUpperCase());
    }
}
