package dev.khabar.search;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import dev.khabar.article.Audience;

/**
 * The search SQL: ranked keyset pages over the GIN index of published articles, a bounded count, and trigram
 * type-ahead on titles. Query text is built from constant fragments; every value is a bound parameter.
 */
@ApplicationScoped
public class SearchRepository {

    /** Up to this many matches are counted exactly; beyond it the planner's estimate is given. */
    static final int EXACT_COUNT_UP_TO = 10_000;
    private static final Pattern PLAN_ROWS = Pattern.compile("rows=(\\d+)");

    @Inject
    EntityManager em;

    /** One row of ranked results. */
    public record Ranked(UUID id, float rank, Instant publishedAt) {
    }

    /** A type-ahead suggestion. */
    public record Suggestion(UUID id, String slug, String title, String language) {
    }

    /** A page of hits, best first, {@code limit + 1} rows so the caller knows whether another page follows. */
    public List<Ranked> page(SearchFilter filter) {
        Where where = where(filter);
        StringBuilder sql = new StringBuilder("select id, rank, published_at from (select a.id, ")
                .append("ts_rank_cd(a.search_document, to_tsquery('simple', :tsquery)) as rank, a.published_at ")
                .append(where.sql).append(") hits");
        Map<String, Object> params = new HashMap<>(where.params);
        filter.after().ifPresent(cursor -> {
            sql.append(" where rank < :rank or (rank = :rank and (published_at, id) < (:publishedAt, :id))");
            params.put("rank", cursor.rank());
            params.put("publishedAt", cursor.publishedAt());
            params.put("id", cursor.id());
        });
        sql.append(" order by rank desc, published_at desc, id desc limit :limit");
        params.put("limit", filter.limit() + 1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery(sql.toString()), params).getResultList();
        return rows.stream().map(r -> new Ranked((UUID) r[0], ((Number) r[1]).floatValue(), toInstant(r[2]))).toList();
    }

    /** How many articles match: exact up to {@link #EXACT_COUNT_UP_TO}, else the planner's estimate (flagged). */
    public Total total(SearchFilter filter) {
        Where where = where(filter);
        Map<String, Object> params = new HashMap<>(where.params);
        params.put("cap", EXACT_COUNT_UP_TO + 1);
        long counted = ((Number) bind(em.createNativeQuery("select count(*) from (select 1 " + where.sql
                + " limit :cap) matches"), params).getSingleResult()).longValue();
        if (counted <= EXACT_COUNT_UP_TO) {
            return new Total(counted, false);
        }
        @SuppressWarnings("unchecked")
        List<String> plan = bind(em.createNativeQuery("explain select 1 " + where.sql), where.params).getResultList();
        Matcher rows = PLAN_ROWS.matcher(plan.isEmpty() ? "" : plan.get(0));
        long estimate = rows.find() ? Long.parseLong(rows.group(1)) : counted;
        return new Total(Math.max(estimate, counted), true);
    }

    /** The total of a search and whether it is the planner's estimate rather than a count. */
    public record Total(long value, boolean estimate) {
    }

    /**
     * Up to {@code limit} published titles like the normalised text a reader is typing: containing it, or a word
     * similar to it (one typo away, by trigrams), most similar first.
     */
    public List<Suggestion> suggest(String normalised, java.util.Optional<String> language, int limit) {
        em.createNativeQuery("select set_config('pg_trgm.word_similarity_threshold', '0.4', true)").getSingleResult();
        StringBuilder sql = new StringBuilder("""
                select a.id, a.slug, a.title, a.language from article a
                where %s and (a.search_title like :contains or :q <%% a.search_title)""".formatted(
                Audience.PUBLIC.sqlFilter("a")));
        Map<String, Object> params = new HashMap<>();
        params.put("q", normalised);
        params.put("contains", "%" + normalised.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        language.ifPresent(lang -> {
            sql.append(" and (a.language = :lang or a.language like :langPrefix)");
            params.put("lang", lang);
            params.put("langPrefix", lang + "-%");
        });
        sql.append(" order by word_similarity(:q, a.search_title) desc, a.published_at desc, a.id limit :limit");
        params.put("limit", limit);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery(sql.toString()), params).getResultList();
        return rows.stream().map(r -> new Suggestion((UUID) r[0], (String) r[1], (String) r[2], (String) r[3])).toList();
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    /** The FROM and WHERE shared by a page, its count and its estimate: published articles matching the query. */
    private static Where where(SearchFilter filter) {
        StringBuilder sql = new StringBuilder("from article a where ").append(Audience.PUBLIC.sqlFilter("a"))
                .append(" and a.search_document @@ to_tsquery('simple', :tsquery)");
        Map<String, Object> params = new HashMap<>();
        params.put("tsquery", filter.query().tsquery());
        if (!filter.categories().isEmpty()) {
            sql.append(" and a.category_id in (select c.id from category c where c.slug in (:categories))");
            params.put("categories", filter.categories());
        }
        if (!filter.tags().isEmpty()) {
            sql.append(" and exists (select 1 from article_tag at join tag t on t.id = at.tag_id"
                    + " where at.article_id = a.id and t.slug in (:tags))");
            params.put("tags", filter.tags());
        }
        filter.language().ifPresent(lang -> {
            sql.append(" and (a.language = :lang or a.language like :langPrefix)");
            params.put("lang", lang);
            params.put("langPrefix", lang + "-%");
        });
        filter.publishedAfter().ifPresent(after -> {
            sql.append(" and a.published_at >= :publishedAfter");
            params.put("publishedAfter", after);
        });
        filter.publishedBefore().ifPresent(before -> {
            sql.append(" and a.published_at < :publishedBefore");
            params.put("publishedBefore", before);
        });
        return new Where(sql.toString(), params);
    }

    private static Query bind(Query query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
