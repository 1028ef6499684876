package dev.khabar.change;

import java.util.UUID;

/**
 * Fired by {@link ChangeLog#append} for every write of an article, inside the writing transaction; observers that act
 * on it only once the write is visible use {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}. Other instances
 * learn of the same write from the database (V6__change_notify.sql).
 */
public record ArticleChanged(UUID articleId, String language, String slug) {
}
