package dev.khabar.article;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an article stands in the editorial workflow. */
public enum ArticleStatus {
    DRAFT,
    PUBLISHED;

    @JsonValue
    public String wire() {
        return name().toLowerCase();
    }

    public static Optional<ArticleStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }
}
