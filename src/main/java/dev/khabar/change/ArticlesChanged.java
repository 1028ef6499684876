package dev.khabar.change;

import java.util.List;

/**
 * Fired by {@link ChangeLog} once per transaction that writes articles (one, or a bulk import's batch), inside it;
 * observers that act on it only once the writes are visible use
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}. Other instances learn of the same writes from the
 * database (V6__change_notify.sql).
 */
public record ArticlesChanged(List<ArticleChanged> articles) {
}
