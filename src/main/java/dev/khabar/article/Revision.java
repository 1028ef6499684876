package dev.khabar.article;

import java.time.Instant;
import java.util.UUID;

/**
 * The article as one write left it: revision n is the article at version n. {@code snapshot} is the article's JSON as
 * the API showed it then; it is null in listings, which carry the metadata only.
 */
public record Revision(UUID articleId, int version, RevisionAction action, String actor, Instant createdAt,
        String snapshot) {
}
