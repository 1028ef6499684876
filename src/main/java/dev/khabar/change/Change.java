package dev.khabar.change;

import java.time.Instant;
import java.util.UUID;

/** One entry of the change feed: an article that changed, or a tombstone for one that is gone from the feed's view. */
public record Change(FeedCursor position, UUID articleId, String slug, String language, Kind kind, int version,
        Instant at) {

    public enum Kind {
        /** Created or changed: fetch the article again. */
        CHANGED,
        /** Deleted, or (in the public feed) no longer visible to anonymous readers: drop it. */
        REMOVED;

        public String wire() {
            return name().toLowerCase();
        }
    }
}
