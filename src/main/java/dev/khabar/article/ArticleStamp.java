package dev.khabar.article;

import java.time.Instant;
import java.util.UUID;

/**
 * What validates a representation of an article, read without the article itself: enough to answer a conditional
 * read with 304 for the price of one small indexed row.
 */
public record ArticleStamp(UUID id, int version, ArticleStatus status, Instant publishedAt, Instant updatedAt,
        String language) {

    public ArticleState state(Instant now) {
        return ArticleState.of(status, publishedAt, now);
    }

    /** When the representation last changed: a write, or a scheduled publication time that has passed. */
    public Instant lastModified(Instant now) {
        return status == ArticleStatus.PUBLISHED && publishedAt != null && publishedAt.isAfter(updatedAt)
                && !publishedAt.isAfter(now) ? publishedAt : updatedAt;
    }
}
