package dev.khabar.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class AnalysisTest {

    private static void sameKey(String a, String b) {
        assertEquals(Analysis.key(a), Analysis.key(b), a + " ~ " + b);
    }

    @Test
    void diacriticsAndTatweelAreIgnored() {
        sameKey("مُحَمَّد", "محمد");
        sameKey("مـحـمـد", "محمد");
        sameKey("حثّت", "حثت");
    }

    @Test
    void alefHamzaYaaAndTaaMarbutaFold() {
        sameKey("الإقتصاد", "الاقتصاد");
        sameKey("أذربيجان", "اذربيجان");
        sameKey("مستشفى", "مستشفي");
        sameKey("مدرسة", "مدرسه");
        sameKey("مسؤول", "مسوول");
        sameKey("رئيس", "رييس");
    }

    @Test
    void cliticsAndSoundPluralsReduceToOneKey() {
        sameKey("والعلاقات", "العلاقات");
        sameKey("بالمدينة", "مدينة");
        sameKey("للتعاون", "التعاون");
        sameKey("فالكتاب", "كتاب");
        sameKey("العلاقات", "علاقة");
        sameKey("المعلمون", "معلم");
    }

    @Test
    void digitsFoldToAscii() {
        assertEquals("2020", Analysis.key("٢٠٢٠"));
        assertEquals("2020", Analysis.key("۲۰۲۰"));
    }

    @Test
    void presentationFormsAreComposed() {
        sameKey("ﻻ", "لا");
    }

    @Test
    void englishIsStemmedAndAccentsFolded() {
        sameKey("diplomats", "Diplomat");
        sameKey("relations", "relation");
        sameKey("talks", "talking");
        sameKey("Café", "cafe");
        assertNotEquals(Analysis.key("news"), Analysis.key("new"));
    }

    @Test
    void tokensKeepTheirPlaceInTheOriginal() {
        String text = "حثّت وزارة، الخارجية!";
        List<Analysis.Token> tokens = Analysis.tokens(text);
        assertEquals(3, tokens.size());
        assertEquals("حثّت", text.substring(tokens.get(0).start(), tokens.get(0).end()));
        assertEquals("الخارجية", text.substring(tokens.get(2).start(), tokens.get(2).end()));
    }

    @Test
    void prefixKeyStripsCliticsButNotEndings() {
        assertEquals("روس", Analysis.prefixKey("الروس"));
        assertEquals("روسيا", Analysis.prefixKey("روسيا"));
    }
}
