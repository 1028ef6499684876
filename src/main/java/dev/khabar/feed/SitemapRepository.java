package dev.khabar.feed;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.khabar.article.Audience;
import dev.khabar.article.Cursor;
import dev.khabar.db.SqlValues;
import dev.khabar.format.UrlTemplate;

/**
 * The sitemap queries: the few columns a link needs, never whole articles (a page holds up to 50,000). Pages are
 * keyset ranges in (listed_at, id) order, oldest first, so that new articles fill the last page and older pages keep
 * their contents; each page query starts its index scan at its first row, whatever its number. The visibility rule is
 * {@link Audience}'s; every value is a bound parameter.
 */
@ApplicationScoped
public class SitemapRepository {

    @Inject
    EntityManager em;

    /** The columns every link is made of, and when the article's page last changed. */
    public record Row(UrlTemplate.Values link, Instant lastModified, UUID translationGroup) {
    }

    /** Where a page starts, when its newest article changed, and how many it holds. */
    public record PageStart(Cursor first, Instant lastModified, long urls) {
    }

    /** A row of the news sitemap. */
    public record NewsRow(UrlTemplate.Values link, String title) {
    }

    private static final String LINK_COLUMNS = "a.id, a.language, a.slug, c.slug, coalesce(a.published_at, a.created_at)";

    /**
     * The first row of every page of {@code size} rows: one pass over the visible rows in index order (an index-only
     * scan of article_sitemap, V7), counting; its cost grows with the number of articles, not with pages read.
     */
    public List<PageStart> pages(Audience audience, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select min(listed_at) filter (where first), min(id::text) filter (where first), max(modified), count(*)
                from (select listed_at, id, modified, n / ?1 as page, n %% ?1 = 0 as first
                      from (select a.listed_at, a.id, greatest(a.updated_at, a.published_at) as modified,
                                   row_number() over (order by a.listed_at, a.id) - 1 as n
                            from article a where %s) numbered) paged
                group by page
                order by page""".formatted(audience.sqlFilter("a")))
                .setParameter(1, size).getResultList();
        return rows.stream().map(r -> new PageStart(new Cursor(SqlValues.instant(r[0]), UUID.fromString((String) r[1])),
                SqlValues.instant(r[2]), ((Number) r[3]).longValue())).toList();
    }

    /** Up to {@code size} rows from {@code from} on (inclusive), oldest first. */
    public List<Row> page(Audience audience, Optional<Cursor> from, int size) {
        var query = em.createNativeQuery("""
                select %s, greatest(a.updated_at, a.published_at), a.translation_group
                from article a join category c on c.id = a.category_id
                where %s %s
                order by a.listed_at, a.id
                limit :size""".formatted(LINK_COLUMNS, audience.sqlFilter("a"),
                from.isPresent() ? "and (a.listed_at, a.id) >= (:fromAt, :fromId)" : ""))
                .setParameter("size", size);
        from.ifPresent(cursor -> query.setParameter("fromAt", cursor.listedAt()).setParameter("fromId", cursor.id()));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Row(values(r), SqlValues.instant(r[5]), (UUID) r[6])).toList();
    }

    /**
     * The visible translations of the articles of that page, for hreflang: the rows of every translation group of the
     * page that has two visible members or more, ordered by group and language.
     */
    public List<Row> translations(Audience audience, Optional<Cursor> from, int size) {
        var query = em.createNativeQuery("""
                select %1$s, greatest(a.updated_at, a.published_at), a.translation_group
                from article a join category c on c.id = a.category_id
                where %2$s and a.translation_group in (
                  select g.translation_group from article g
                  where %3$s and g.translation_group in (
                    select p.translation_group from article p
                    where %4$s %5$s
                    order by p.listed_at, p.id
                    limit :size)
                  group by g.translation_group having count(*) > 1)
                order by a.translation_group, a.language, a.id""".formatted(LINK_COLUMNS, audience.sqlFilter("a"),
                audience.sqlFilter("g"), audience.sqlFilter("p"),
                from.isPresent() ? "and (p.listed_at, p.id) >= (:fromAt, :fromId)" : ""))
                .setParameter("size", size);
        from.ifPresent(cursor -> query.setParameter("fromAt", cursor.listedAt()).setParameter("fromId", cursor.id()));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Row(values(r), SqlValues.instant(r[5]), (UUID) r[6])).toList();
    }

    /** Articles published at or after {@code since}, newest first. */
    public List<NewsRow> publishedSince(Audience audience, Instant since, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select %s, a.title
                from article a join category c on c.id = a.category_id
                where %s and a.published_at >= ?1
                order by a.published_at desc, a.id desc
                limit ?2""".formatted(LINK_COLUMNS, audience.sqlFilter("a")))
                .setParameter(1, since).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new NewsRow(values(r), (String) r[5])).toList();
    }

    private static UrlTemplate.Values values(Object[] r) {
        return new UrlTemplate.Values((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], SqlValues.instant(r[4]));
    }
}
