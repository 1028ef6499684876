package dev.khabar.article;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hibernate.jpa.AvailableHints;

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

    /** The article's validators only (version, workflow, dates): for conditional reads. */
    public Optional<ArticleStamp> stamp(UUID id) {
        return getEntityManager().createQuery("""
                select new dev.khabar.article.ArticleStamp(a.id, a.version, a.status, a.publishedAt, a.updatedAt,
                  a.language) from Article a where a.id = ?1""", ArticleStamp.class)
                .setParameter(1, id).getResultStream().findFirst();
    }

    /** The article, its row locked until the transaction ends (its category comes on first access). */
    public Optional<Article> findForUpdate(UUID id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** These articles with their categories, in no particular order. */
    public List<Article> findAllWithCategory(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("from Article a join fetch a.category where a.id in ?1", ids);
    }

    /** Of these slugs, those that more than one article has (in different languages): a read by slug alone chooses. */
    public Set<String> sharedSlugs(Collection<String> slugs) {
        return slugs.isEmpty() ? Set.of() : Set.copyOf(getEntityManager().createQuery(
                "select a.slug from Article a where a.slug in ?1 group by a.slug having count(*) > 1", String.class)
                .setParameter(1, slugs).getResultList());
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
        Map<String, Object> params = new HashMap<>();
        return find(listQuery(filter, audience, now, params), params).page(0, filter.limit() + 1).list();
    }

    /**
     * Every article of the list in list order, read as the caller iterates (a server-side cursor, {@code fetchSize}
     * rows at a time); {@code filter.limit()} is ignored. Close the stream.
     */
    public Stream<Article> streamList(ArticleFilter filter, Audience audience, Instant now, int fetchSize) {
        Map<String, Object> params = new HashMap<>();
        return find(listQuery(filter, audience, now, params), params)
                .withHint(AvailableHints.HINT_FETCH_SIZE, fetchSize).withHint(AvailableHints.HINT_READ_ONLY, true)
                .stream();
    }

    /** The list's HQL, built from constant fragments only; every value goes into {@code params}. */
    private static String listQuery(ArticleFilter filter, Audience audience, Instant now, Map<String, Object> params) {
        StringBuilder hql = new StringBuilder("from Article a join fetch a.category c where ").append(audience.hqlFilter("a"));
        params.putAll(audience.hqlParameters(now));
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
        filter.status().ifPresent(state -> {
            hql.append(" and a.status = :status");
            params.put("status", state.stored());
            if (state == ArticleState.PUBLISHED || state == ArticleState.SCHEDULED) {
                hql.append(state == ArticleState.PUBLISHED ? " and a.publishedAt <= :stateNow" : " and a.publishedAt > :stateNow");
                params.put("stateNow", now);
            }
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
        return hql.toString();
    }

    /**
     * Slugs in this language that are {@code base} or {@code base-N}, of articles and of old slugs that redirect: what a
     * new slug must avoid.
     */
    @SuppressWarnings("unchecked")
    public List<String> slugsLike(String language, String base) {
        return getEntityManager().createNativeQuery("""
                select slug from article where language = ?1 and (slug = ?2 or slug like ?3)
                union all
                select slug from slug_redirect where language = ?1 and (slug = ?2 or slug like ?3)""")
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

    /**
     * Serialises, until the transaction ends, the writers that give an article this external id (as {@link #lockSlug}
     * does for slugs): the second waits for the first to commit and then finds the id taken.
     */
    public void lockExternalId(String externalId) {
        lockSlug("external-id", externalId);
    }

    /** The article that has this external id. */
    public Optional<UUID> findIdByExternalId(String externalId) {
        return getEntityManager().createQuery("select a.id from Article a where a.externalId = ?1", UUID.class)
                .setParameter(1, externalId).getResultStream().findFirst();
    }

    /** Whether another article has this slug, now or as an old slug that redirects to it. */
    public boolean slugTaken(String language, String slug, UUID except) {
        return ((Number) getEntityManager().createNativeQuery("""
                select count(*) from (
                  select id from article where language = ?1 and slug = ?2 and id <> ?3
                  union all
                  select article_id from slug_redirect where language = ?1 and slug = ?2 and article_id <> ?3) taken""")
                .setParameter(1, language).setParameter(2, slug).setParameter(3, except)
                .getSingleResult()).longValue() > 0;
    }

    /** Makes an old slug of the article redirect to it. */
    public void redirect(String language, String slug, UUID article) {
        getEntityManager().createNativeQuery("""
                insert into slug_redirect (language, slug, article_id) values (?1, ?2, ?3)
                on conflict (language, slug) do update set article_id = excluded.article_id""")
                .setParameter(1, language).setParameter(2, slug).setParameter(3, article).executeUpdate();
    }

    /** The article takes back one of its old slugs: it no longer redirects. */
    public void dropRedirect(String language, String slug, UUID article) {
        getEntityManager().createNativeQuery("delete from slug_redirect where language = ?1 and slug = ?2 and article_id = ?3")
                .setParameter(1, language).setParameter(2, slug).setParameter(3, article).executeUpdate();
    }

    /** Articles that once had this slug. */
    @SuppressWarnings("unchecked")
    public List<UUID> redirectTargets(String slug, Optional<String> language) {
        var query = getEntityManager().createNativeQuery("select article_id from slug_redirect where slug = ?1"
                + (language.isPresent() ? " and language = ?2" : "")).setParameter(1, slug);
        language.ifPresent(lang -> query.setParameter(2, lang));
        return query.getResultList();
    }

    /** The other articles of a translation group, in language order. */
    public List<Article> translations(UUID group, UUID except) {
        return list("from Article a join fetch a.category where a.translationGroup = ?1 and a.id <> ?2 order by a.language",
                group, except);
    }

    public boolean translationExists(UUID group, String language) {
        return count("translationGroup = ?1 and language = ?2", group, language) > 0;
    }
}
