package dev.khabar.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.khabar.article.Audience;
import dev.khabar.search.SearchRepository;
import dev.khabar.search.SearchScope;
import io.agroal.api.AgroalDataSource;

/**
 * What a write means for cached searches and suggestions, asked of PostgreSQL about the written articles as anonymous
 * readers see them now. Which cached queries they match, by PostgreSQL's own {@code @@} and {@code ts_rank_cd}, so
 * that the answer is exactly what a search would find and rank: each match comes with the article's rank, publication
 * and listing time and language, for {@link SearchScope#keeps} to place it among a page's candidates. And for which
 * cached type-ahead texts their titles would be suggested.
 */
final class SearchMatches implements ReadCache.SearchMatcher {

    /** Each query against each article anonymous readers can see, ranked as SearchRepository#page ranks it. */
    private static final String MATCHING = """
            select q.text, a.id, ts_rank_cd(a.search_document, to_tsquery('simple', q.text)), a.published_at, a.listed_at,
                   a.language
            from article a, unnest(?::text[]) q(text)
            where a.id = any(?) and %s and a.search_document @@ to_tsquery('simple', q.text)"""
            .formatted(Audience.PUBLIC.sqlFilter("a"));

    /**
     * The texts for which an article's title would be suggested (SearchRepository#suggest): a word of it starts with
     * the text, or is like it. Likeness is tested for every text with a threshold a little below the one suggestions
     * use, so that the test finds at least what they would.
     */
    private static final String SUGGESTING = """
            select q.text from unnest(?::text[]) q(text)
            where exists (select 1 from article a where a.id = any(?) and %s
              and (strpos(' ' || a.search_title, ' ' || q.text) > 0 or word_similarity(q.text, a.search_title) >= %s))"""
            .formatted(Audience.PUBLIC.sqlFilter("a"), SearchRepository.WORD_SIMILARITY - 0.01);

    /** Longer than this, and every search and suggestion page is dropped instead (ReadCache#changed). */
    static final int TIMEOUT_SECONDS = 2;

    /** Work on a connection it does not close. */
    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /** The listener's own connection, or null: a pooled one for each question. */
    private final Connection connection;
    private final AgroalDataSource pool;

    private SearchMatches(Connection connection, AgroalDataSource pool) {
        this.connection = connection;
        this.pool = pool;
    }

    /** Asks on the listener's connection, which stays open. */
    static SearchMatches on(Connection connection) {
        return new SearchMatches(connection, null);
    }

    /** Asks on a connection from the pool for each question. */
    static SearchMatches pooled(AgroalDataSource pool) {
        return new SearchMatches(null, pool);
    }

    @Override
    public List<SearchScope.Match> matching(Set<UUID> articles, Set<String> tsqueries) throws SQLException {
        return with(c -> matching(c, articles, tsqueries));
    }

    @Override
    public Set<String> suggesting(Set<UUID> articles, Set<String> texts) throws SQLException {
        return with(c -> suggesting(c, articles, texts));
    }

    private <T> T with(Work<T> work) throws SQLException {
        if (connection != null) {
            return work.on(connection);
        }
        try (Connection pooled = pool.getConnection()) {
            return work.on(pooled);
        }
    }

    private static Set<String> suggesting(Connection connection, Set<UUID> articles, Set<String> texts)
            throws SQLException {
        try (PreparedStatement select = prepare(connection, SUGGESTING, texts, articles)) {
            Set<String> suggested = new HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    suggested.add(rows.getString(1));
                }
            }
            return suggested;
        }
    }

    /** A statement of texts and article ids, with a timeout: a write waits for it after its commit. */
    private static PreparedStatement prepare(Connection connection, String sql, Set<String> texts, Set<UUID> articles)
            throws SQLException {
        PreparedStatement select = connection.prepareStatement(sql);
        try {
            select.setQueryTimeout(TIMEOUT_SECONDS); // a table locked by a migration must not hold a write for long
            select.setArray(1, connection.createArrayOf("text", texts.toArray()));
            select.setArray(2, connection.createArrayOf("uuid", articles.toArray()));
            return select;
        } catch (SQLException | RuntimeException e) {
            select.close();
            throw e;
        }
    }

    private static List<SearchScope.Match> matching(Connection connection, Set<UUID> articles, Set<String> tsqueries)
            throws SQLException {
        try (PreparedStatement select = prepare(connection, MATCHING, tsqueries, articles)) {
            List<SearchScope.Match> matches = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    matches.add(new SearchScope.Match(rows.getString(1), rows.getObject(2, UUID.class), rows.getFloat(3),
                            rows.getObject(4, OffsetDateTime.class).toInstant(),
                            rows.getObject(5, OffsetDateTime.class).toInstant(), rows.getString(6)));
                }
            }
            return matches;
        }
    }
}
