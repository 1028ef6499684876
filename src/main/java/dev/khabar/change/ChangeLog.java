package dev.khabar.change;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.khabar.db.SqlValues;

/**
 * The change feed's log (see V3__workflow.sql): writers append to it last in their transaction, readers page through
 * it in commit order. Only the latest valid entry of each article is returned, so a client that is behind catches up
 * with one entry per article, and an entry the client has not yet seen is never skipped.
 */
@ApplicationScoped
public class ChangeLog {

    /**
     * The advisory lock that orders appends against reads; an arbitrary constant ("khabar" in ASCII). Writers hold it
     * shared, from dating their entries until they commit, so they do not wait for each other (and their commits can
     * share a disk flush); a reader takes it exclusively, so it waits until every entry already dated is committed,
     * and every entry dated after it has read is dated later than anything it returned.
     */
    private static final long LOCK = 0x6b6861626172L;

    /** A public entry is valid while it still describes the article: tombstones always; others while it is visible. */
    private static final String VALID = """
            (%1$s.audience = 'editorial' or %1$s.kind = 'removed' or exists (select 1 from article va
              where va.id = %1$s.article_id and va.status = 'published' and va.published_at <= :now
                and (not %1$s.scheduled or va.published_at = %1$s.at)))""";

    private static final String READ = """
            select c.position, c.at, c.article_id, c.slug, c.language, c.kind, c.version
            from article_change c
            where c.audience = :audience and c.at <= :now and (c.at, c.position) > (:afterAt, :afterPosition)
              and %s
              and not exists (select 1 from article_change l
                where l.article_id = c.article_id and l.audience = c.audience and l.at <= :now
                  and (l.at, l.position) > (c.at, c.position) and %s)
            order by c.at, c.position
            limit :limit""".formatted(VALID.formatted("c"), VALID.formatted("l"));

    @Inject
    EntityManager em;
    @Inject
    Event<ArticleChanged> changed;

    /**
     * What one write did. {@code wasPublic} and {@code isPublic}: whether anonymous readers saw the article before and
     * after it; {@code publicFrom}: the publication time of a write that scheduled it.
     */
    public record Write(UUID articleId, String slug, String language, int version, boolean deleted, boolean wasPublic,
            boolean isPublic, Optional<Instant> publicFrom) {
    }

    /** Appends the entries of a write; call it last in the transaction, after the article is flushed. */
    public void append(Write write) {
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock_shared(?1)) l").setParameter(1, LOCK)
                .getSingleResult();
        Instant at = SqlValues.instant(em.createNativeQuery("""
                select greatest(clock_timestamp(), (select max(at) from article_change where audience = 'editorial'))""")
                .getSingleResult());
        insert("editorial", at, write, write.deleted() ? Change.Kind.REMOVED : Change.Kind.CHANGED, false);
        // A publication time that has passed by the time the lock was granted is logged as visible now: dated in the
        // past, the entry could fall behind a cursor that a reader took meanwhile.
        Optional<Instant> scheduled = write.publicFrom().filter(from -> from.isAfter(at));
        if (write.isPublic() || write.publicFrom().isPresent() && scheduled.isEmpty()) {
            insert("public", at, write, Change.Kind.CHANGED, false);
        } else if (write.wasPublic()) {
            insert("public", at, write, Change.Kind.REMOVED, false);
        }
        scheduled.ifPresent(from -> insert("public", from, write, Change.Kind.CHANGED, true));
        changed.fire(new ArticleChanged(write.articleId(), write.language(), write.slug()));
    }

    /** Up to {@code limit} entries after {@code after}, for anonymous readers ({@code publicFeed}) or key holders. */
    public List<Change> read(boolean publicFeed, FeedCursor after, int limit) {
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(?1)) l").setParameter(1, LOCK)
                .getSingleResult();
        Instant now = SqlValues.instant(em.createNativeQuery("select clock_timestamp()").getSingleResult());
        List<Object[]> rows = SqlValues.bind(em.createNativeQuery(READ), Map.of(
                "audience", publicFeed ? "public" : "editorial", "now", now, "afterAt", after.at(),
                "afterPosition", after.position(), "limit", limit)).getResultList();
        return rows.stream().map(r -> {
            Instant at = SqlValues.instant(r[1]);
            return new Change(new FeedCursor(at, ((Number) r[0]).longValue()), (UUID) r[2], (String) r[3],
                    (String) r[4], Change.Kind.valueOf(((String) r[5]).toUpperCase()), ((Number) r[6]).intValue(), at);
        }).toList();
    }

    /** When the feed of this audience last changed: its latest entry that has taken effect. */
    public Optional<Instant> lastChange(boolean publicFeed) {
        return Optional.ofNullable(SqlValues.instant(em.createNativeQuery(
                "select max(at) from article_change where audience = ?1 and at <= clock_timestamp()")
                .setParameter(1, publicFeed ? "public" : "editorial").getSingleResult()));
    }

    private void insert(String audience, Instant at, Write write, Change.Kind kind, boolean scheduled) {
        em.createNativeQuery("""
                insert into article_change (audience, at, article_id, slug, language, kind, version, scheduled)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, audience).setParameter(2, at).setParameter(3, write.articleId())
                .setParameter(4, write.slug()).setParameter(5, write.language()).setParameter(6, kind.wire())
                .setParameter(7, write.version()).setParameter(8, scheduled)
                .executeUpdate();
    }
}
