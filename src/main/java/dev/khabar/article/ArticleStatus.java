package dev.khabar.article;

import java.util.Arrays;
import java.util.Optional;

/**
 * The stored workflow status. What a reader is shown is an {@link ArticleState}: a published article whose publication
 * time is still ahead is shown as scheduled.
 */
public enum ArticleStatus {
    DRAFT,
    PUBLISHED,
    ARCHIVED;

    public String wire() {
        return name().toLowerCase();
    }

    public static Optional<ArticleStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }
}
