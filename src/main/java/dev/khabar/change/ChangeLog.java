package dev.khabar.change;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

import org.hibernate.Session;

import dev.khabar.db.SqlArrays;
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
    Event<ArticlesChanged> changed;

    /**
     * What one write did. {@code wasPublic} and {@code isPublic}: whether anonymous readers saw the article before and
     * after it; {@code publicFrom}: the publication time of a write that scheduled it.
     */
    public record Write(UUID articleId, String slug, String language, int version, boolean deleted, boolean wasPublic,
            boolean isPublic, Optional<Instant> publicFrom) {

        ArticleChanged changed() {
            return new ArticleChanged(articleId, language, slug);
        }
    }

    /** Appends the entries of a write; call it last in the transaction, after the article is flushed. */
    public void append(Write write) {
        entries(dated(), write).forEach(this::insert);
        changed.fire(new ArticlesChanged(List.of(write.changed())));
    }

    /**
     * Appends the entries of many writes of one transaction (a bulk import's batch), all dated alike and inserted in
     * one statement, in the order given; call it last in the transaction, after the articles are flushed.
     */
    public void appendAll(List<Write> writes) {
        if (writes.isEmpty()) {
            return;
        }
        Instant at = dated();
        List<Entry> entries = writes.stream().flatMap(w -> entries(at, w).stream()).toList();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into article_change (audience, at, article_id, slug, language, kind, version, scheduled)
                    select audience, at::timestamptz, article_id::uuid, slug, language, kind, version::integer,
                      scheduled::boolean
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                      with ordinality as e(audience, at, article_id, slug, language, kind, version, scheduled, n)
                    order by n""")) {
                SqlArrays.bind(insert, connection, entries, List.of(Entry::audience, e -> e.at().toString(),
                        e -> e.write().articleId().toString(), e -> e.write().slug(), e -> e.write().language(),
                        e -> e.kind().wire(), e -> Integer.toString(e.write().version()),
                        e -> Boolean.toString(e.scheduled())));
                insert.executeUpdate();
            }
        });
        changed.fire(new ArticlesChanged(writes.stream().map(Write::changed).toList()));
    }

    /** One row of the log. */
    private record Entry(String audience, Instant at, Write write, Change.Kind kind, boolean scheduled) {
    }

    /**
     * Takes the lock shared (held until the transaction ends) and dates the entries about to be appended: now, or
     * later than any entry already there.
     */
    private Instant dated() {
        // Neither reads what the session holds unflushed: no flush first (which would check every managed entity).
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock_shared(?1)) l").setParameter(1, LOCK)
                .setFlushMode(FlushModeType.COMMIT).getSingleResult();
        return SqlValues.instant(em.createNativeQuery("""
                select greatest(clock_timestamp(), (select max(at) from article_change where audience = 'editorial'))""")
                .setFlushMode(FlushModeType.COMMIT).getSingleResult());
    }

    /** The rows a write adds: an editorial one, and public ones when it changes what anonymous readers see. */
    private static List<Entry> entries(Instant at, Write write) {
        List<Entry> entries = new ArrayList<>(3);
        entries.add(new Entry("editorial", at, write, write.deleted() ? Change.Kind.REMOVED : Change.Kind.CHANGED, false));
        // A publication time that has passed by the time the lock was granted is logged as visible now: dated in the
        // past, the entry could fall behind a cursor that a reader took meanwhile.
        Optional<Instant> scheduled = write.publicFrom().filter(from -> from.isAfter(at));
        if (write.isPublic() || write.publicFrom().isPresent() && scheduled.isEmpty()) {
            entries.add(new Entry("public", at, write, Change.Kind.CHANGED, false));
        } else if (write.wasPublic()) {
            entries.add(new Entry("public", at, write, Change.Kind.REMOVED, false));
        }
        scheduled.ifPresent(from -> entries.add(new Entry("public", from, write, Change.Kind.CHANGED, true)));
        return entries;
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

    private void insert(Entry entry) {
        em.createNativeQuery("""
                insert into article_change (audience, at, article_id, slug, language, kind, version, scheduled)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, entry.audience()).setParameter(2, entry.at()).setParameter(3, entry.write().articleId())
                .setParameter(4, entry.write().slug()).setParameter(5, entry.write().language())
                .setParameter(6, entry.kind().wire()).setParameter(7, entry.write().version())
                .setParameter(8, entry.scheduled())
                .executeUpdate();
    }
}
