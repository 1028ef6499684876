package dev.khabar.bulk;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import dev.khabar.article.Article;
import dev.khabar.article.Revision;
import dev.khabar.db.SqlArrays;
import dev.khabar.taxonomy.Category;
import dev.khabar.taxonomy.Tag;

/**
 * The SQL of bulk imports: what single writes do one article at a time (slug locks and lookups, terms created on first
 * use, revisions), done for a whole batch in one statement each.
 */
@ApplicationScoped
public class BulkRepository {

    @Inject
    EntityManager em;

    /** A slug asked for or derived in a language: what its lock and lookup are keyed by. */
    public record SlugBase(String language, String base) {
    }

    /**
     * Takes, until the transaction ends, the advisory locks that single writes take one at a time
     * ({@code ArticleRepository.lockSlug(scope, value)}, keyed {@code "scope value"}), in sorted order so that two
     * batches cannot deadlock on them.
     */
    public void lock(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<String> sorted = new ArrayList<>(new java.util.TreeSet<>(keys));
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("""
                    select count(pg_advisory_xact_lock(hashtextextended(k, 0)))
                    from (select k from unnest(?::text[]) with ordinality as u(k, n) order by n offset 0) l""")) {
                SqlArrays.bind(lock, connection, sorted, List.of(k -> k));
                lock.executeQuery().close();
            }
        });
    }

    /**
     * The slugs of these languages that are a base or {@code base-N}, of articles and of old slugs that redirect, as
     * {@code language + " " + slug}: what new slugs must avoid.
     */
    public Set<String> slugsLike(Collection<SlugBase> bases) {
        Set<String> taken = new HashSet<>();
        if (bases.isEmpty()) {
            return taken;
        }
        List<SlugBase> rows = List.copyOf(bases);
        em.unwrap(Session.class).doWork(connection -> {
            // Per base, a range on the pattern-ops index (language, slug text_pattern_ops): every slug that starts
            // with "base-" sorts byte-wise between "base" and "base." (- is 0x2D, . is 0x2E), as LIKE 'base-%' would
            // find it, had it a constant pattern. Old slugs are few per language: scanned.
            try (PreparedStatement query = connection.prepareStatement("""
                    select b.language, s.slug from unnest(?::text[], ?::text[]) as b(language, base)
                    cross join lateral (
                      select a.slug from article a
                      where a.language = b.language and a.slug ~>=~ b.base and a.slug ~<~ (b.base || '.')
                      union all
                      select r.slug from slug_redirect r
                      where r.language = b.language and (r.slug = b.base or starts_with(r.slug, b.base || '-'))) s
                    where s.slug = b.base or starts_with(s.slug, b.base || '-')""")) {
                SqlArrays.bind(query, connection, rows, List.of(SlugBase::language, SlugBase::base));
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        taken.add(rs.getString(1) + ' ' + rs.getString(2));
                    }
                }
            }
        });
        return taken;
    }

    /** Categories by slug, created with the names given when missing (in slug order, so that batches cannot deadlock). */
    public Map<String, Category> categories(Map<String, String> namesBySlug, Set<String> known) {
        insertTerms("category", namesBySlug, known);
        Map<String, Category> found = new TreeMap<>();
        if (!namesBySlug.isEmpty()) {
            em.createQuery("from Category c where c.slug in ?1", Category.class)
                    .setParameter(1, namesBySlug.keySet()).getResultList().forEach(c -> found.put(c.getSlug(), c));
        }
        return found;
    }

    /** Tags by slug, created with the names given when missing (in slug order). */
    public Map<String, Tag> tags(Map<String, String> namesBySlug, Set<String> known) {
        insertTerms("tag", namesBySlug, known);
        Map<String, Tag> found = new TreeMap<>();
        if (!namesBySlug.isEmpty()) {
            em.createQuery("from Tag t where t.slug in ?1", Tag.class)
                    .setParameter(1, namesBySlug.keySet()).getResultList().forEach(t -> found.put(t.getSlug(), t));
        }
        return found;
    }

    /**
     * Inserts the terms not yet {@code known} to exist; a term another transaction is inserting makes this one wait for
     * it and then find it, so two imports that create the same new tag both get it.
     */
    private void insertTerms(String table, Map<String, String> namesBySlug, Set<String> known) {
        List<Map.Entry<String, String>> missing = new TreeMap<>(namesBySlug).entrySet().stream()
                .filter(e -> !known.contains(e.getKey())).toList();
        if (missing.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into " + table + """
                     (slug, name) select slug, name from unnest(?::text[], ?::text[]) with ordinality as t(slug, name, n)
                    order by n on conflict (slug) do nothing""")) {
                SqlArrays.bind(insert, connection, missing, List.of(Map.Entry::getKey, Map.Entry::getValue));
                insert.executeUpdate();
            }
        });
    }

    /** The articles with these external ids or ids, with their categories (their tags come on first access). */
    public List<Article> existing(Collection<String> externalIds, Collection<UUID> ids) {
        if (externalIds.isEmpty() && ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from Article a join fetch a.category where a.externalId in ?1 or a.id in ?2",
                Article.class).setParameter(1, externalIds.isEmpty() ? List.of("") : externalIds)
                .setParameter(2, ids.isEmpty() ? List.of(new UUID(0, 0)) : ids).getResultList();
    }

    /**
     * Stores the revisions of a batch in one JDBC batch, which the driver sends as multi-row inserts
     * (reWriteBatchedInserts): the snapshots go as parameters of their own, not escaped into one array literal.
     */
    public void insertRevisions(List<Revision> revisions) {
        if (revisions.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into article_revision (article_id, version, action, actor, created_at, snapshot)
                    values (?, ?, ?, ?, ?, ?::jsonb)""")) {
                for (Revision r : revisions) {
                    insert.setObject(1, r.articleId());
                    insert.setInt(2, r.version());
                    insert.setString(3, r.action().wire());
                    insert.setString(4, r.actor());
                    insert.setObject(5, r.createdAt().atOffset(ZoneOffset.UTC));
                    insert.setString(6, r.snapshot());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
