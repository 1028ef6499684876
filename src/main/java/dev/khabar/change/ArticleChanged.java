package dev.khabar.change;

import java.util.UUID;

/** One article written: {@link ArticlesChanged} fired by this instance, or a notification from any instance. */
public record ArticleChanged(UUID articleId, String language, String slug) {
}
