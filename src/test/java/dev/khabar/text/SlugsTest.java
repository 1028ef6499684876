package dev.khabar.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void latinIsLowerCasedAndPunctuationBecomesSingleHyphens() {
        assertEquals("hello-world-2026", Slugs.slugify("  Hello, World!!  2026 "));
    }

    @Test
    void arabicLettersAndMarksAreKept() {
        assertEquals("مُحَمَّد-في-القاهرة", Slugs.slugify("مُحَمَّد، في «القاهرة»؟"));
    }

    @Test
    void decomposedInputIsComposed() {
        assertEquals("café", Slugs.slugify("Cafe\u0301"));
        assertEquals("إعادة", Slugs.slugify("\u0627\u0655\u0639\u0627\u062f\u0629"));
    }

    @Test
    void cutAtWordBoundaryWithin80CodePoints() {
        String slug = Slugs.slugify("word ".repeat(30));
        assertEquals(79, slug.length());
        assertTrue(slug.endsWith("-word"));
        assertEquals(80, Slugs.slugify("x".repeat(100)).length());
    }

    @Test
    void suffixKeepsTheLimit() {
        String base = Slugs.slugify("abcd ".repeat(16));
        String suffixed = Slugs.withSuffix(base, 12);
        assertTrue(suffixed.length() <= 80, suffixed);
        assertTrue(suffixed.endsWith("-abcd-12"), suffixed);
    }

    @Test
    void noLetterGivesEmpty() {
        assertEquals("", Slugs.slugify("!!! 🙂 ---"));
    }

    @Test
    void wellFormedSlugs() {
        assertTrue(Slugs.isWellFormed("تصاعد-الأزمة"));
        assertFalse(Slugs.isWellFormed("Upper"));
        assertFalse(Slugs.isWellFormed("double--hyphen"));
        assertFalse(Slugs.isWellFormed("-leading"));
        assertFalse(Slugs.isWellFormed("x".repeat(81)));
    }
}
