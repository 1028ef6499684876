package dev.khabar.article;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.khabar.db.SqlValues;

/** Revisions of articles, newest first; their snapshots are jsonb, written and read as JSON text. */
@ApplicationScoped
public class RevisionRepository {

    @Inject
    EntityManager em;

    public void insert(Revision revision) {
        em.createNativeQuery("""
                insert into article_revision (article_id, version, action, actor, created_at, snapshot)
                values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb))""")
                .setParameter(1, revision.articleId()).setParameter(2, revision.version())
                .setParameter(3, revision.action().wire()).setParameter(4, revision.actor())
                .setParameter(5, revision.createdAt()).setParameter(6, revision.snapshot())
                .executeUpdate();
    }

    /** Up to {@code limit} revisions older than version {@code before}, newest first, without their snapshots. */
    public List<Revision> page(UUID articleId, int before, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                select version, action, actor, created_at from article_revision
                where article_id = ?1 and version < ?2 order by version desc limit ?3""")
                .setParameter(1, articleId).setParameter(2, before).setParameter(3, limit)
                .getResultList();
        return rows.stream().map(r -> new Revision(articleId, ((Number) r[0]).intValue(),
                RevisionAction.fromWire((String) r[1]), (String) r[2], SqlValues.instant(r[3]), null)).toList();
    }

    public Optional<Revision> find(UUID articleId, int version) {
        List<Object[]> rows = em.createNativeQuery("""
                select action, actor, created_at, cast(snapshot as text) from article_revision
                where article_id = ?1 and version = ?2""")
                .setParameter(1, articleId).setParameter(2, version)
                .getResultList();
        return rows.stream().findFirst().map(r -> new Revision(articleId, version, RevisionAction.fromWire((String) r[0]),
                (String) r[1], SqlValues.instant(r[2]), (String) r[3]));
    }
}
