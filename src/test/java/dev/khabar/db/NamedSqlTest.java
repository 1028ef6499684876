package dev.khabar.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Named parameters to JDBC's positional ones, as Hibernate's native queries expand them. */
class NamedSqlTest {

    @Test
    void namesBecomeQuestionMarksAndListsOnePerElementInOrder() {
        Instant at = Instant.parse("2026-12-05T10:00:00Z");
        NamedSql sql = NamedSql.of("select 1 from article a where a.language = :lang and a.category_id in "
                + "(select c.id from category c where c.slug in (:categories)) and a.published_at >= :after "
                + "and a.language like :langPrefix limit :limit",
                Map.of("lang", "ar", "langPrefix", "ar-%", "categories", List.of("politics", "economy"), "after", at,
                        "limit", 500));
        assertEquals("select 1 from article a where a.language = ? and a.category_id in "
                + "(select c.id from category c where c.slug in (?, ?)) and a.published_at >= ? "
                + "and a.language like ? limit ?", sql.sql());
        assertEquals(List.of("ar", "politics", "economy", at, "ar-%", 500), sql.values());
    }

    @Test
    void castsQuotedTextAndAParameterUsedTwiceAreKept() {
        NamedSql sql = NamedSql.of("select ':not' || 'it''s :neither', :q::tsquery, ts_rank_cd(d, to_tsquery('simple', :q))",
                Map.of("q", "word"));
        assertEquals("select ':not' || 'it''s :neither', ?::tsquery, ts_rank_cd(d, to_tsquery('simple', ?))", sql.sql());
        assertEquals(List.of("word", "word"), sql.values());
    }

    @Test
    void aMissingValueOrAnEmptyListIsAMistakeInTheCaller() {
        assertEquals("no value for :lang",
                assertThrows(IllegalArgumentException.class, () -> NamedSql.of("where l = :lang", Map.of())).getMessage());
        assertEquals(":tags is an empty list", assertThrows(IllegalArgumentException.class,
                () -> NamedSql.of("where t in (:tags)", Map.of("tags", List.of()))).getMessage());
    }
}
