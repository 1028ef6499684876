package dev.khabar.article;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an article stands in the workflow, as the API shows it at a given moment. */
public enum ArticleState {
    DRAFT(ArticleStatus.DRAFT),
    /** Published, with a publication time still in the future: it turns {@link #PUBLISHED} by itself. */
    SCHEDULED(ArticleStatus.PUBLISHED),
    PUBLISHED(ArticleStatus.PUBLISHED),
    ARCHIVED(ArticleStatus.ARCHIVED);

    public static final String WIRE_VALUES = "draft, scheduled, published or archived";

    private final ArticleStatus stored;

    ArticleState(ArticleStatus stored) {
        this.stored = stored;
    }

    public ArticleStatus stored() {
        return stored;
    }

    public static ArticleState of(ArticleStatus status, Instant publishedAt, Instant now) {
        return switch (status) {
            case DRAFT -> DRAFT;
            case ARCHIVED -> ARCHIVED;
            case PUBLISHED -> publishedAt != null && publishedAt.isAfter(now) ? SCHEDULED : PUBLISHED;
        };
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase();
    }

    public static Optional<ArticleState> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }
}
