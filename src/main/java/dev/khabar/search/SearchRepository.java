package dev.khabar.search;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.hibernate.Session;

import dev.khabar.article.Audience;
import dev.khabar.article.LanguageMatch;
import dev.khabar.db.NamedSql;
import dev.khabar.db.SqlValues;

/**
 * The search SQL: ranked keyset pages over the GIN index of published articles, a bounded count, and trigram
 * type-ahead on titles. Query text is built from constant fragments; every value is a bound parameter.
 */
@ApplicationScoped
public class SearchRepository {

    /**
     * Typo tolerance starts at this many characters: shorter text shares most of its trigrams with every title that has
     * the article ال, so "similar" would mean nearly everything.
     */
    static final int FUZZY_FROM = 5;
    /** How like a word of a title the text must be for the title to be suggested (pg_trgm word similarity). */
    public static final double WORD_SIMILARITY = 0.4;
    /** How many of the most recent matches are ranked; up to this many, totals are exact. */
    public static final int CANDIDATES = 500;
    private static final Pattern PLAN_ROWS = Pattern.compile("rows=(\\d+)");
    /**
     * Plans made for each query's own values, for the rest of the transaction. How to run a search depends on its words:
     * a common word is found by walking the newest articles, a rare one through the GIN index. The driver prepares a
     * statement on the server once it has run five times, and a few runs later PostgreSQL adopted a generic plan, which
     * guesses that any word matches 0.5 % of the rows: for a word in 41,650 of 100,000 articles it read every match
     * (175 to 240 ms) instead of the newest 1,231 rows (6 ms).
     */
    private static final String CUSTOM_PLANS = "set_config('plan_cache_mode', 'force_custom_plan', true)";

    @Inject
    EntityManager em;

    /** One row of ranked results. */
    public record Ranked(UUID id, float rank, Instant publishedAt) {

        /** Where the row stands in result order: what a cursor after it holds. */
        public SearchCursor position() {
            return new SearchCursor(rank, publishedAt, id);
        }
    }

    /** A candidate's place in the listing order, newest first: the candidates are the first of the matches in it. */
    public record Listed(Instant listedAt, UUID id) implements Comparable<Listed> {

        /** Oldest first (the listing's order reversed). */
        @Override
        public int compareTo(Listed other) {
            int order = listedAt.compareTo(other.listedAt);
            return order != 0 ? order : SearchCursor.compareIds(id, other.id);
        }
    }

    /** A type-ahead suggestion. */
    public record Suggestion(UUID id, String slug, String title, String language) {
    }

    /**
     * A page of hits, best first, {@code limit + 1} rows so the caller knows whether another page follows. Hits are
     * ranked among the {@value #CANDIDATES} most recent matches: ranking reads each candidate's whole document, so
     * ranking every match of a common word in a large archive would cost seconds, while the newest matches come
     * straight off the publication-time index. For news, recency is part of relevance; older matches are reached by
     * narrowing with {@code publishedBefore}.
     */
    public Page page(SearchFilter filter, Duration timeout) {
        Where where = where(filter);
        Map<String, Object> params = new HashMap<>(where.params);
        params.put("candidates", CANDIDATES);
        NamedSql query = NamedSql.of("""
                select c.id, ts_rank_cd(c.search_document, to_tsquery('simple', :tsquery)) as rank, c.published_at,
                       c.listed_at
                from (select a.id, a.search_document, a.published_at, a.listed_at %s
                      order by a.listed_at desc, a.id desc limit :candidates) c
                order by rank desc, c.published_at desc, c.id desc""".formatted(where.sql), params);
        List<Ranked> pool = new ArrayList<>(CANDIDATES);
        List<Listed> byAge = new ArrayList<>(CANDIDATES);
        // Plain JDBC on the transaction's connection: 500 rows through a native query cost the service more than the
        // query costs PostgreSQL (see NamedSql).
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement settings = connection.prepareStatement(
                    "select set_config('statement_timeout', ?, true), " + CUSTOM_PLANS)) {
                settings.setString(1, Long.toString(Math.max(1, timeout.toMillis())));
                settings.executeQuery().close();
            }
            try (PreparedStatement statement = query.prepare(connection); ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    pool.add(new Ranked(id, rows.getFloat(2), rows.getObject(3, OffsetDateTime.class).toInstant()));
                    byAge.add(new Listed(rows.getObject(4, OffsetDateTime.class).toInstant(), id));
                }
            }
        });
        byAge.sort(null);
        List<Ranked> after = filter.after()
                .map(cursor -> pool.stream().filter(r -> r.position().comesAfter(cursor)).toList()).orElse(pool);
        return new Page(after.subList(0, Math.min(after.size(), filter.limit() + 1)), pool.size(), byAge);
    }

    /**
     * A page's rows ({@code limit + 1} at most), how many candidates they were ranked among, and those candidates
     * oldest first (the order in which they give way to newer matches).
     */
    public record Page(List<Ranked> rows, long candidates, List<Listed> byAge) {

        /** Whether the candidates are the newest {@value #CANDIDATES} of more matches, not all of them. */
        public boolean full() {
            return candidates >= CANDIDATES;
        }
    }

    /**
     * How many articles match. When fewer than {@value #CANDIDATES} did, the candidates were all of them and the count
     * is exact, for free; otherwise it is the planner's estimate (flagged), which costs a plan but no scan.
     */
    public Total total(SearchFilter filter, Page page) {
        if (!page.full()) {
            return new Total(page.candidates(), false);
        }
        Where where = where(filter);
        NamedSql explain = NamedSql.of("explain select 1 " + where.sql, where.params);
        long estimate = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = explain.prepare(connection); ResultSet plan = statement.executeQuery()) {
                Matcher rows = PLAN_ROWS.matcher(plan.next() ? plan.getString(1) : "");
                return rows.find() ? Long.parseLong(rows.group(1)) : 0L;
            }
        });
        return new Total(Math.max(estimate, CANDIDATES), true);
    }

    /** The total of a search and whether it is the planner's estimate rather than a count. */
    public record Total(long value, boolean estimate) {
    }

    /**
     * Up to {@code limit} published titles for the normalised text a reader is typing: first titles with a word that
     * starts with it, newest first (straight off the publication-time index when the text is common, off the trigram
     * index when it is rare); then, if that leaves room, titles with a word one typo away, most similar first.
     */
    public List<Suggestion> suggest(String normalised, Optional<String> language, int limit) {
        em.createNativeQuery("select " + CUSTOM_PLANS).getSingleResult();
        Map<String, Object> params = new HashMap<>();
        String escaped = normalised.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        params.put("starts", escaped + "%");
        params.put("wordStarts", "% " + escaped + "%");
        params.put("limit", limit);
        String filter = Audience.PUBLIC.sqlFilter("a") + language.map(lang -> {
            LanguageMatch.bind(params, lang);
            return " and " + LanguageMatch.condition("a");
        }).orElse("");
        List<Suggestion> found = new ArrayList<>(suggestions(SqlValues.bind(em.createNativeQuery("""
                select a.id, a.slug, a.title, a.language from article a
                where %s and (a.search_title like :starts or a.search_title like :wordStarts)
                order by a.listed_at desc, a.id desc limit :limit""".formatted(filter)), params)));
        if (found.size() < limit && normalised.length() >= FUZZY_FROM) {
            em.createNativeQuery("select set_config('pg_trgm.word_similarity_threshold', :similarity, true)")
                    .setParameter("similarity", Double.toString(WORD_SIMILARITY)).getSingleResult();
            params.remove("starts");
            params.remove("wordStarts");
            params.put("q", normalised);
            params.put("limit", limit * 2);
            Set<UUID> seen = found.stream().map(Suggestion::id).collect(Collectors.toSet());
            suggestions(SqlValues.bind(em.createNativeQuery("""
                    select a.id, a.slug, a.title, a.language from article a
                    where %s and :q <%% a.search_title
                    order by word_similarity(:q, a.search_title) desc, a.listed_at desc, a.id limit :limit""".formatted(
                    filter)), params)).stream()
                    .filter(s -> !seen.contains(s.id())).limit(limit - found.size()).forEach(found::add);
        }
        return found;
    }

    private static List<Suggestion> suggestions(Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
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
            sql.append(" and ").append(LanguageMatch.condition("a"));
            LanguageMatch.bind(params, lang);
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
}
