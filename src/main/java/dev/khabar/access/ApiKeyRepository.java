package dev.khabar.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.khabar.db.SqlValues;

/** API keys: found by the hash of their secret, listed and revoked by id. */
@ApplicationScoped
public class ApiKeyRepository {

    private static final String COLUMNS = "id, name, role, secret_prefix, created_at, created_by, expires_at, revoked_at";

    @Inject
    EntityManager em;

    public void insert(ApiKey key, byte[] secretHash) {
        em.createNativeQuery("""
                insert into api_key (id, name, role, secret_hash, secret_prefix, created_at, created_by, expires_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, key.id()).setParameter(2, key.name()).setParameter(3, key.role().wire())
                .setParameter(4, secretHash).setParameter(5, key.prefix()).setParameter(6, key.createdAt())
                .setParameter(7, key.createdBy()).setParameter(8, key.expiresAt().orElse(null))
                .executeUpdate();
    }

    public Optional<ApiKey> findBySecretHash(byte[] hash) {
        return keys(em.createNativeQuery("select " + COLUMNS + " from api_key where secret_hash = ?1")
                .setParameter(1, hash).getResultList()).stream().findFirst();
    }

    /** Every key, newest first. */
    public List<ApiKey> all() {
        return keys(em.createNativeQuery("select " + COLUMNS + " from api_key order by created_at desc, id")
                .getResultList());
    }

    /** Revokes the key unless it is revoked already; false if there is no such key. */
    public boolean revoke(UUID id, Instant at) {
        em.createNativeQuery("update api_key set revoked_at = coalesce(revoked_at, ?2) where id = ?1")
                .setParameter(1, id).setParameter(2, at).executeUpdate();
        return !em.createNativeQuery("select 1 from api_key where id = ?1").setParameter(1, id).getResultList()
                .isEmpty();
    }

    public Optional<ApiKey> find(UUID id) {
        return keys(em.createNativeQuery("select " + COLUMNS + " from api_key where id = ?1").setParameter(1, id)
                .getResultList()).stream().findFirst();
    }

    public boolean anyValidAdmin(Instant now) {
        return !em.createNativeQuery("""
                select 1 from api_key where role = 'admin' and revoked_at is null
                  and (expires_at is null or expires_at > ?1) limit 1""")
                .setParameter(1, now).getResultList().isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<ApiKey> keys(List<?> rows) {
        return ((List<Object[]>) rows).stream().map(r -> new ApiKey((UUID) r[0], (String) r[1],
                Role.fromWire((String) r[2]).orElseThrow(), (String) r[3], SqlValues.instant(r[4]), (String) r[5],
                Optional.ofNullable(SqlValues.instant(r[6])), Optional.ofNullable(SqlValues.instant(r[7])))).toList();
    }
}
