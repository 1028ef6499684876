package dev.khabar.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class SearchQueryTest {

    private static String tsquery(String q) {
        return SearchQuery.parse(q).orElseThrow().tsquery();
    }

    @Test
    void wordsAreAllRequired() {
        assertEquals("('relat') & ('talk')", tsquery("Relations talks"));
    }

    @Test
    void phrasesOrExclusionsAndPrefixes() {
        assertEquals("(('new' <-> 'york'))", tsquery("\"New York\""));
        assertEquals("('egypt' | 'azerbaijan') & !'marathon'", tsquery("egypt OR azerbaijan -marathon"));
        assertEquals("(('روس':* | 'روس'))", tsquery("روس*"));
        assertEquals("(('روس':* | 'روس'))", tsquery("الروس*"));
        assertEquals("(('relations':* | 'relat'))", tsquery("relations*"));
        assertEquals("('new') & (('yo':* | 'yo'))", tsquery("new yo*"));
        assertEquals("(('u' <-> 's':*))", tsquery("U.S*"));
    }

    @Test
    void arabicWordsAreNormalisedLikeText() {
        assertEquals("('اقتصاد')", tsquery("الإقتصاد"));
        assertEquals(Set.of("اقتصاد"), SearchQuery.parse("الإقتصاد").orElseThrow().keys());
    }

    @Test
    void nothingToSearchIsEmpty() {
        assertTrue(SearchQuery.parse("").isEmpty());
        assertTrue(SearchQuery.parse("!!! ...").isEmpty());
        assertTrue(SearchQuery.parse("-only -exclusions").isEmpty());
    }

    @Test
    void quotesInWordsCannotBreakTheTsquery() {
        assertEquals("(('it' <-> 's'))", tsquery("it's"));
    }
}
