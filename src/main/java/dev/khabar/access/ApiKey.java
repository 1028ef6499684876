package dev.khabar.access;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A stored API key, without its secret (only a hash of it is kept). */
public record ApiKey(UUID id, String name, Role role, String prefix, Instant createdAt, String createdBy,
        Optional<Instant> expiresAt, Optional<Instant> revokedAt) {

    public boolean validAt(Instant now) {
        return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
    }
}
