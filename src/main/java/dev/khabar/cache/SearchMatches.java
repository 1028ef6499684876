package dev.khabar.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.khabar.article.Audience;
import dev.khabar.search.SearchScope;

/**
 * Which cached search queries match articles as they are now, by PostgreSQL's own {@code @@} and {@code ts_rank_cd},
 * so that the answer is exactly what a search would find and rank: each match comes with the article's rank,
 * publication and listing time and language, for {@link SearchScope#keeps} to place it among a page's candidates.
 */
final class SearchMatches {

    /** Each query against each article anonymous readers can see, ranked as SearchRepository#page ranks it. */
    private static final String MATCHING = """
            select q.text, a.id, ts_rank_cd(a.search_document, to_tsquery('simple', q.text)), a.published_at, a.listed_at,
                   a.language
            from article a, unnest(?::text[]) q(text)
            where a.id = any(?) and %s and a.search_document @@ to_tsquery('simple', q.text)"""
            .formatted(Audience.PUBLIC.sqlFilter("a"));

    /** Longer than this, and every search page is dropped instead (ReadCache#changed). */
    static final int TIMEOUT_SECONDS = 2;

    private SearchMatches() {
    }

    static List<SearchScope.Match> matching(Connection connection, Set<UUID> articles, Set<String> tsqueries)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(MATCHING)) {
            // A write waits for this after its commit: a table locked by a migration must not hold it for long.
            select.setQueryTimeout(TIMEOUT_SECONDS);
            select.setArray(1, connection.createArrayOf("text", tsqueries.toArray()));
            select.setArray(2, connection.createArrayOf("uuid", articles.toArray()));
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
