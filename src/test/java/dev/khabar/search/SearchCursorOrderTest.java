package dev.khabar.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Pages after a cursor are cut from the ranked candidates in Java, in PostgreSQL's order: rank, publication time and
 * id, all descending, where a uuid compares as unsigned bytes (Java's UUID.compareTo compares signed longs).
 */
class SearchCursorOrderTest {

    private static final Instant AT = Instant.parse("2026-12-05T08:00:00.123456Z");
    private static final UUID LOW = UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff");
    private static final UUID HIGH = UUID.fromString("80000000-0000-0000-0000-000000000000");

    @Test
    void lowerRankOrEarlierOrLowerIdComesAfter() {
        SearchCursor cursor = new SearchCursor(0.5f, AT, LOW);
        assertTrue(new SearchCursor(0.4f, AT.plusSeconds(60), HIGH).comesAfter(cursor));
        assertFalse(new SearchCursor(0.6f, AT.minusSeconds(60), HIGH).comesAfter(cursor));
        assertTrue(new SearchCursor(0.5f, AT.minusNanos(1_000), HIGH).comesAfter(cursor));
        assertFalse(new SearchCursor(0.5f, AT.plusNanos(1_000), HIGH).comesAfter(cursor));
        assertFalse(new SearchCursor(0.5f, AT, LOW).comesAfter(cursor));
    }

    @Test
    void idsCompareAsUnsignedBytes() {
        // 80000000-... sorts after 7fffffff-... in PostgreSQL, so it comes before it in descending order.
        assertFalse(new SearchCursor(0.5f, AT, HIGH).comesAfter(new SearchCursor(0.5f, AT, LOW)));
        assertTrue(new SearchCursor(0.5f, AT, LOW).comesAfter(new SearchCursor(0.5f, AT, HIGH)));
        assertTrue(new SearchCursor(0.5f, AT, new UUID(0, 1)).comesAfter(new SearchCursor(0.5f, AT, HIGH)));
    }
}
