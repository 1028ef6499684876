package dev.khabar.article;

import java.time.Instant;
import java.util.Map;

/**
 * Who is reading, and so what they may see. The one place that decides visibility: every read path (single article,
 * lists, counts) asks it, in Java or in SQL.
 */
public enum Audience {
    /** Anonymous readers: published articles whose publication time has come. */
    PUBLIC,
    /** Holders of a valid key: every article in every state. */
    EDITORIAL;

    public boolean seesEverything() {
        return this == EDITORIAL;
    }

    public boolean canSee(Article article, Instant now) {
        return canSee(article.stamp(), now);
    }

    public boolean canSee(ArticleStamp article, Instant now) {
        return seesEverything() || (article.status() == ArticleStatus.PUBLISHED
                && article.publishedAt() != null && !article.publishedAt().isAfter(now));
    }

    /** SQL condition on the article table aliased {@code alias}; constant text, no user input. */
    public String sqlFilter(String alias) {
        return seesEverything() ? "true"
                : "(%1$s.status = 'published' and %1$s.published_at <= now())".formatted(alias);
    }

    /** HQL condition on the Article entity aliased {@code alias}; its parameters come from {@link #hqlParameters}. */
    public String hqlFilter(String alias) {
        return seesEverything() ? "true"
                : "(%1$s.status = :visibleStatus and %1$s.publishedAt <= :now)".formatted(alias);
    }

    public Map<String, Object> hqlParameters(Instant now) {
        return seesEverything() ? Map.of() : Map.of("visibleStatus", ArticleStatus.PUBLISHED, "now", now);
    }
}
