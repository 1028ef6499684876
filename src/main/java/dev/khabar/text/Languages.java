package dev.khabar.text;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Facts about languages that the API needs: tag normalisation, writing direction and reading speed. */
public final class Languages {

    /** Languages written right to left, by primary subtag. */
    private static final Set<String> RTL_LANGUAGES =
            Set.of("ar", "fa", "he", "ur", "ps", "sd", "ckb", "dv", "yi", "ug");

    /** Scripts written right to left: a script subtag overrides the language (e.g. {@code az-Arab}, {@code ku-Latn}). */
    private static final Set<String> RTL_SCRIPTS =
            Set.of("Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg", "Mand", "Samr");

    /**
     * Silent reading speed in words per minute. Source: Trauzettel-Klosinski S., Dietz K., "Standardized
     * Assessment of Reading Performance: The New International Reading Speed Texts IReST", Investigative
     * Ophthalmology &amp; Visual Science 53(9), 2012, table 2 (mean words per minute of normally sighted adults).
     */
    private static final Map<String, Integer> WORDS_PER_MINUTE = Map.ofEntries(
            Map.entry("ar", 138), Map.entry("zh", 158), Map.entry("nl", 202), Map.entry("en", 228),
            Map.entry("fi", 161), Map.entry("fr", 195), Map.entry("de", 179), Map.entry("he", 187),
            Map.entry("it", 188), Map.entry("ja", 193), Map.entry("pl", 166), Map.entry("pt", 181),
            Map.entry("ru", 184), Map.entry("sl", 180), Map.entry("es", 218), Map.entry("sv", 199),
            Map.entry("tr", 166));

    /** The IReST mean over its 17 languages, for languages the study did not measure. */
    static final int DEFAULT_WORDS_PER_MINUTE = 184;

    private Languages() {
    }

    /**
     * Parses a BCP 47 tag and returns it in canonical case ({@code EN-gb} becomes {@code en-GB}), or empty when it is
     * not a well-formed tag with a known-shaped primary language.
     */
    public static Optional<String> normalise(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return Optional.empty();
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
            // ISO 639 codes only: BCP 47 also reserves 4- to 8-letter primary subtags, which no real tag uses.
            if (locale.getLanguage().isEmpty() || locale.getLanguage().length() > 3) {
                return Optional.empty();
            }
            return Optional.of(locale.toLanguageTag());
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    /** {@code rtl} or {@code ltr} for a normalised tag. */
    public static String direction(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        String script = locale.getScript();
        if (!script.isEmpty()) {
            return RTL_SCRIPTS.contains(script) ? "rtl" : "ltr";
        }
        return RTL_LANGUAGES.contains(locale.getLanguage()) ? "rtl" : "ltr";
    }

    public static int wordsPerMinute(String tag) {
        return WORDS_PER_MINUTE.getOrDefault(Locale.forLanguageTag(tag).getLanguage(), DEFAULT_WORDS_PER_MINUTE);
    }

    /** max(1, ceil(words / words-per-minute of the language)). */
    public static int readingTimeMinutes(int wordCount, String tag) {
        int speed = wordsPerMinute(tag);
        return Math.max(1, (wordCount + speed - 1) / speed);
    }

    /** True when the text holds a letter of the Arabic script (used to guess the language of an import). */
    public static boolean hasArabicScript(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC
                && Character.isLetter(cp));
    }
}
