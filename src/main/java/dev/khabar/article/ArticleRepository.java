package dev.khabar.article;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Article storage: single reads with their category and tags, keyset pages, slug bookkeeping. */
@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {

    /**
     * The article with its category; its tags come with the first access, in a second small query (a join fetch would
     * repeat the whole row, sections and all, once per tag).
     */
    public Optional<Article> findWithCategory(UUID id) {
        return find("from Article a join fetch a.category where a.id = ?1", id).singleResultOptional();
    }

    /** The article, its row locked until the transaction ends (its category comes on first access). */
    public Optional<Article> findForUpdate(UUID id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** These articles with their categories, in no particular order. */
    public List<Article> findAllWithCategory(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("from Article a join fetch a.category where a.id in ?1", ids);
    }

    /** Articles with this slug, oldest first (a slug is unique per language, so there is one per language at most). */
    public List<Article> findBySlug(String slug, Optional<String> language) {
        return language
                .map(lang -> list("from Article a join fetch a.category where a.slug = ?1 and a.language = ?2", slug, lang))
                .orElseGet(() -> list("from Article a join fetch a.category where a.slug = ?1 order by a.createdAt, a.id", slug));
    }

    /**
     * One page in list order (newest first), {@code limit + 1} rows so the caller knows whether another page follows.
     * The query text is built from constant fragments only; every value is a bound parameter.
     */
    public List<Article> page(ArticleFilter filter, Audience audience, Instant now) {
        StringBuilder hql = new StringBuilder("from Article a join fetch a.category c where ").append(audience.hqlFilter("a"));
        Map<String, Object> params = new HashMap<>(audience.hqlParameters(now));
        if (!filter.categories().isEmpty()) {
            hql.append(" and c.slug in :categories");
            params.put("categories", filter.categories());
        }
        if (!filter.tags().isEmpty()) {
            hql.append(" and exists (select 1 from a.tags t where t.slug in :tags)");
            params.put("tags", filter.tags());
        }
        filter.language().ifPresent(lang -> {
            hql.append(" and ").append(LanguageMatch.condition("a"));
            LanguageMatch.bind(params, lang);
        });
        filter.status().ifPresent(status -> {
            hql.append(" and a.status = :status");
            params.put("status", status);
        });
        filter.publishedAfter().ifPresent(after -> {
            hql.append(" and a.publishedAt >= :publishedAfter");
            params.put("publishedAfter", after);
        });
        filter.publishedBefore().ifPresent(before -> {
            hql.append(" and a.publishedAt < :publishedBefore");
            params.put("publishedBefore", before);
        });
        filter.after().ifPresent(cursor -> {
            // A row comparison, so PostgreSQL starts the index scan at the cursor: a deep page costs what the first does.
            hql.append(" and (a.listedAt, a.id) < (:cursorAt, :cursorId)");
            params.put("cursorAt", cursor.listedAt());
            params.put("cursorId", cursor.id());
        });
        hql.append(" order by a.listedAt desc, a.id desc");
        return find(hql.toString(), params).page(0, filter.limit() + 1).list();
    }

    /** Slugs in this language that are {@code base} or {@code base-N}: what a new slug must avoid. */
    public List<String> slugsLike(String language, String base) {
        return getEntityManager()
                .createQuery("select a.slug from Article a where a.language = ?1 and (a.slug = ?2 or a.slug like ?3)",
                        String.class)
                .setParameter(1, language).setParameter(2, base).setParameter(3, base + "-%")
                .getResultList();
    }

    /**
     * Serialises, until the transaction ends, the writers that assign slugs from one base in one language: the second
     * of two articles with the same title waits for the first to commit and then sees its slug as taken.
     */
    public void lockSlug(String language, String base) {
        getEntityManager().createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) l")
                .setParameter(1, language + ' ' + base).getSingleResult();
    }

    public boolean slugTaken(String language, String slug, UUID except) {
        return count("language = ?1 and slug = ?2 and id <> ?3", language, slug, except) > 0;
    }
}
