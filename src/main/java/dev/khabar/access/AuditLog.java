package dev.khabar.access;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.khabar.db.SqlValues;

/** The audit log: one entry per write request, newest first when read. */
@ApplicationScoped
public class AuditLog {

    @Inject
    EntityManager em;

    /** One write request as the log shows it. */
    public record Entry(long position, Instant at, String actor, UUID keyId, String role, String method, String path,
            int status, String client) {
    }

    /** A write request as it was answered; the caller's identity is copied, so it outlives the request scope. */
    public record Request(String actor, UUID keyId, String role, String method, String path, int status,
            String client) {

        public Request(Caller caller, String method, String path, int status) {
            this(caller.actor(), caller.keyId().orElse(null), caller.role().map(Role::wire).orElse(null), method, path,
                    status, caller.client());
        }
    }

    /** Records a write request in a transaction of its own, after the write's own transaction has ended. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Request request) {
        em.createNativeQuery("""
                insert into audit (at, actor, key_id, role, method, path, status, client)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, Instant.now().truncatedTo(ChronoUnit.MILLIS)).setParameter(2, request.actor())
                .setParameter(3, request.keyId()).setParameter(4, request.role()).setParameter(5, request.method())
                // PostgreSQL text cannot hold NUL, which a client can put in a path as %00.
                .setParameter(6, request.path().replace("\u0000", "%00")).setParameter(7, request.status())
                .setParameter(8, request.client())
                .executeUpdate();
    }

    /** Up to {@code limit} entries before position {@code before}, newest first, of one actor if given. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Entry> page(Optional<String> actor, long before, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                select position, at, actor, key_id, role, method, path, status, client from audit
                where position < ?1 and (cast(?2 as text) is null or actor = ?2)
                order by position desc limit ?3""")
                .setParameter(1, before).setParameter(2, actor.orElse(null)).setParameter(3, limit)
                .getResultList();
        return rows.stream().map(r -> new Entry(((Number) r[0]).longValue(), SqlValues.instant(r[1]), (String) r[2],
                (UUID) r[3], (String) r[4], (String) r[5], (String) r[6], ((Number) r[7]).intValue(), (String) r[8]))
                .toList();
    }
}
