package dev.khabar.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void directionFollowsLanguageAndScript() {
        for (String rtl : new String[] { "ar", "fa", "he", "ur", "ps", "sd", "ckb", "dv", "yi", "ug", "ar-EG", "az-Arab" }) {
            assertEquals("rtl", Languages.direction(rtl), rtl);
        }
        for (String ltr : new String[] { "en", "fr", "en-GB", "tr", "ku-Latn", "zh-Hant" }) {
            assertEquals("ltr", Languages.direction(ltr), ltr);
        }
    }

    @Test
    void tagsAreNormalisedOrRefused() {
        assertEquals(Optional.of("en-GB"), Languages.normalise("EN-gb"));
        assertEquals(Optional.of("ar"), Languages.normalise("ar"));
        assertTrue(Languages.normalise("english").isEmpty());
        assertTrue(Languages.normalise("12").isEmpty());
        assertTrue(Languages.normalise("").isEmpty());
    }

    @Test
    void readingTimeUsesThePerLanguageSpeed() {
        assertEquals(1, Languages.readingTimeMinutes(0, "ar"));
        assertEquals(1, Languages.readingTimeMinutes(138, "ar"));
        assertEquals(2, Languages.readingTimeMinutes(139, "ar"));
        assertEquals(1, Languages.readingTimeMinutes(228, "en"));
        assertEquals(2, Languages.readingTimeMinutes(229, "en-US"));
        assertEquals(2, Languages.readingTimeMinutes(185, "xx"));
    }

    @Test
    void wordsAreTokensWithALetterOrDigit() {
        assertEquals(4, Words.count("Hello — world, 2026 !!! مرحبا"));
        assertEquals(0, Words.count(" - – "));
        assertEquals(2, Words.count("مُحَمَّد\u00a0علي"));
    }
}
