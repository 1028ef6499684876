package dev.khabar.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Issuing, finding and revoking API keys. Secrets are generated here, returned once, and stored only as hashes. */
@ApplicationScoped
public class ApiKeyService {

    /** Secrets start with this, so that a leaked one is easy to recognise (e.g. by secret scanners). */
    static final String SECRET_PREFIX = "khb_";
    private static final int PREFIX_SHOWN = SECRET_PREFIX.length() + 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ApiKeyRepository keys;

    /** A new key and its secret, which exists nowhere else: the caller shows it once. */
    public record Issued(ApiKey key, String secret) {
    }

    @Transactional
    public Issued issue(String name, Role role, Optional<Instant> expiresAt, String createdBy) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiKey key = new ApiKey(UUID.randomUUID(), name, role, secret.substring(0, PREFIX_SHOWN),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), createdBy, expiresAt, Optional.empty());
        keys.insert(key, hash(secret));
        return new Issued(key, secret);
    }

    /** The key this secret belongs to, valid or not (the caller tells the client which). */
    @Transactional
    public Optional<ApiKey> identify(String secret) {
        return secret.startsWith(SECRET_PREFIX) ? keys.findBySecretHash(hash(secret)) : Optional.empty();
    }

    @Transactional
    public List<ApiKey> list() {
        return keys.all();
    }

    @Transactional
    public Optional<ApiKey> revoke(UUID id) {
        return keys.revoke(id, Instant.now().truncatedTo(ChronoUnit.MILLIS)) ? keys.find(id) : Optional.empty();
    }

    @Transactional
    public boolean anyValidAdmin() {
        return keys.anyValidAdmin(Instant.now());
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
