package dev.khabar.article;

import java.time.Instant;
import java.util.UUID;

/** A conditional write named a version that is no longer the article's: nothing was written. */
public class VersionMismatchException extends RuntimeException {
    private final UUID id;
    private final int currentVersion;
    private final ArticleState currentState;

    public VersionMismatchException(Article article, Instant now) {
        super("The article is at version " + article.getVersion() + ", not the one If-Match names: read it again, "
                + "apply the change to what is there now, and send it with the new ETag.", null, false, false);
        this.id = article.getId();
        this.currentVersion = article.getVersion();
        this.currentState = article.state(now);
    }

    public UUID id() {
        return id;
    }

    public int currentVersion() {
        return currentVersion;
    }

    public ArticleState currentState() {
        return currentState;
    }
}
