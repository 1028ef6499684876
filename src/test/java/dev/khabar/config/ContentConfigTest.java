package dev.khabar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The bounds that refuse a bad setting at start-up, checked by converters rather than Bean Validation. */
class ContentConfigTest {

    @Test
    void aSitemapPageSizeIsOneToFiftyThousand() {
        ContentConfig.SitemapPageSize size = new ContentConfig.SitemapPageSize();
        assertEquals(1, size.convert("1"));
        assertEquals(50_000, size.convert(" 50000 "));
        assertEquals("must be from 1 to 50000, was 50001",
                assertThrows(IllegalArgumentException.class, () -> size.convert("50001")).getMessage());
        assertEquals("must be from 1 to 50000, was 0",
                assertThrows(IllegalArgumentException.class, () -> size.convert("0")).getMessage());
        assertThrows(NumberFormatException.class, () -> size.convert("many"));
    }

    @Test
    void aBulkBatchSizeIsAtLeastOne() {
        ContentConfig.PositiveInt positive = new ContentConfig.PositiveInt();
        assertEquals(500, positive.convert("500"));
        assertEquals("must be at least 1, was -3",
                assertThrows(IllegalArgumentException.class, () -> positive.convert("-3")).getMessage());
    }

    @Test
    void theArticlesToWarmTheCacheWithMayBeNone() {
        ContentConfig.NaturalInt natural = new ContentConfig.NaturalInt();
        assertEquals(0, natural.convert("0"));
        assertEquals(1000, natural.convert("1000"));
        assertEquals("must be at least 0, was -1",
                assertThrows(IllegalArgumentException.class, () -> natural.convert("-1")).getMessage());
    }
}
