package dev.khabar.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import dev.khabar.article.Audience;

/**
 * Which cached search queries match articles as they are now: PostgreSQL's own {@code @@}, so that the answer is
 * exactly what a search would find. Filters (language, category, tags, dates) are not applied: a page that matches
 * the words but not the filters is dropped when it could have stayed, never kept when it should go.
 */
final class SearchMatches {

    /**
     * Each document is read once (and copied out of TOAST once, by the concatenation), then tested against every
     * query; an article anonymous readers cannot see matches nothing.
     */
    private static final String MATCHING = """
            with d as materialized (
              select a.search_document || ''::tsvector as document from article a
              where a.id = any(?) and %s)
            select q.text from unnest(?::text[]) q(text)
            where exists (select 1 from d where d.document @@ to_tsquery('simple', q.text))"""
            .formatted(Audience.PUBLIC.sqlFilter("a"));

    private SearchMatches() {
    }

    static Set<String> matching(Connection connection, Set<UUID> articles, Set<String> tsqueries) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(MATCHING)) {
            select.setArray(1, connection.createArrayOf("uuid", articles.toArray()));
            select.setArray(2, connection.createArrayOf("text", tsqueries.toArray()));
            Set<String> matched = new HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    matched.add(rows.getString(1));
                }
            }
            return matched;
        }
    }
}
