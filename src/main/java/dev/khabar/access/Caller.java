package dev.khabar.access;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import dev.khabar.article.Audience;

/** Who made the current request, as the access filter established it. */
@RequestScoped
public class Caller {
    static final String ANONYMOUS = "anonymous";

    private Optional<Role> role = Optional.empty();
    private String actor = ANONYMOUS;
    private Optional<UUID> keyId = Optional.empty();
    private String client = "";

    /** Anonymous callers read what is published; any key reads everything. */
    public Audience audience() {
        return role.isPresent() ? Audience.EDITORIAL : Audience.PUBLIC;
    }

    public Optional<Role> role() {
        return role;
    }

    /** Who is writing, as revisions and the audit log record it: the key's name, or {@code admin-token}. */
    public String actor() {
        return actor;
    }

    public Optional<UUID> keyId() {
        return keyId;
    }

    /** The client's address (the one a trusted proxy forwarded, if configured). */
    public String client() {
        return client;
    }

    /** Refuses the request with 401 unless the caller holds a key; {@code what} says what needed it. */
    public void requireEditorial(String what) {
        if (role.isEmpty()) {
            throw AccessFilter.unauthorized(what + " needs a key: 'Authorization: Bearer <key>'.", AccessFilter.CHALLENGE);
        }
    }

    void authenticate(Role role, String actor, Optional<UUID> keyId) {
        this.role = Optional.of(role);
        this.actor = actor;
        this.keyId = keyId;
    }

    void from(String client) {
        this.client = client;
    }
}
