package dev.khabar.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.lucene.analysis.ar.ArabicStemmer;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Turns text into search keys, the same way for stored articles and for queries, so that a reader who types
 * {@code الإقتصاد} finds {@code الاقتصاد}, {@code محمد} finds {@code مُحَمَّد} and {@code والعلاقات} finds
 * {@code علاقة}.
 *
 * <p>A word is first normalised: NFKC (presentation forms, ligatures), then every combining mark is dropped (Arabic
 * tashkeel U+064B–U+065F and U+0670, the hamza carried by أ إ ؤ ئ, Latin accents), tatweel is dropped, alef forms
 * fold to ا, ى to ي, ة to ه, Persian ی ک to ي ك, Arabic-Indic and Persian digits to ASCII, and letters are
 * lower-cased. Then it is stemmed by its script, whatever the language of the article, so that the key of a word never
 * depends on where it stands: Arabic script by Larkey's Light10 (Lucene's {@link ArabicStemmer}, which strips the
 * clitics ال وال بال كال فال لل و and the common suffixes), Latin script by the Snowball English stemmer,
 * Cyrillic by the Snowball Russian stemmer; other scripts are kept as normalised.
 */
public final class Analysis {

    /** A word of a text: where it stands in the original (UTF-16 offsets) and its search key. */
    public record Token(int start, int end, String key) {
    }

    private static final ThreadLocal<SnowballStemmer> ENGLISH = ThreadLocal.withInitial(EnglishStemmer::new);
    private static final ThreadLocal<SnowballStemmer> RUSSIAN = ThreadLocal.withInitial(RussianStemmer::new);
    private static final ArabicStemmer ARABIC = new ArabicStemmer();

    /**
     * The keys of words seen lately, in a table of fixed size indexed by the word's hash, a newer word taking the slot
     * of an older one: news text repeats its words, and a hit costs a hash and a comparison where normalising and
     * stemming cost a microsecond. Slots hold immutable pairs, so threads may race on them and only lose a hit.
     */
    private static final int KEY_SLOTS = 1 << 15;
    private static final Key[] KEYS = new Key[KEY_SLOTS];

    private record Key(String word, String key) {
    }

    /** {@link #isWordCharSlow} for the code points below the end of the Arabic block, looked up instead. */
    private static final boolean[] WORD_CHARS = new boolean[0x0700];

    static {
        for (int cp = 0; cp < WORD_CHARS.length; cp++) {
            WORD_CHARS[cp] = isWordCharSlow(cp);
        }
    }

    private Analysis() {
    }

    /** The words of a text with their keys; words that leave no key (a lone mark) are skipped. */
    public static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        scan(text, (start, end, key) -> tokens.add(new Token(start, end, key)));
        return tokens;
    }

    /** The keys of a text joined by spaces: what the search index stores for it. */
    public static String indexText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        scan(text, (start, end, key) -> {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(key);
        });
        return out.toString();
    }

    /** Hands over the keys of a text's words in order: {@link #indexText} without the joined string. */
    static void keys(String text, Consumer<String> sink) {
        scan(text, (start, end, key) -> sink.accept(key));
    }

    /** What {@link #scan} hands over for each word that has a key. */
    @FunctionalInterface
    private interface WordSink {
        void accept(int start, int end, String key);
    }

    private static void scan(String text, WordSink sink) {
        int i = 0;
        int length = text.length();
        while (i < length) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            do {
                i += Character.charCount(cp);
            } while (i < length && isWordChar(cp = text.codePointAt(i)));
            String key = key(text, start, i);
            if (!key.isEmpty()) {
                sink.accept(start, i, key);
            }
        }
    }

    /** The normalised words of a text joined by spaces, unstemmed: what type-ahead compares titles with. */
    public static String normalisedText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (Token token : tokens(text)) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(normalise(text.substring(token.start(), token.end())));
        }
        return out.toString();
    }

    /** Normalised and stemmed. */
    public static String key(String word) {
        return key(word, 0, word.length());
    }

    /** The key of the word {@code text[start, end)}; a word seen lately costs no copy of it. */
    private static String key(String text, int start, int end) {
        int slot = mix(hash(text, start, end)) & (KEY_SLOTS - 1);
        Key known = KEYS[slot];
        if (known != null && known.word.length() == end - start && text.startsWith(known.word, start)) {
            return known.key;
        }
        String word = text.substring(start, end);
        String key = stem(normalise(word));
        KEYS[slot] = new Key(word, key);
        return key;
    }

    /** {@code text.substring(start, end).hashCode()}, without the substring. */
    static int hash(String text, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + text.charAt(i);
        }
        return h;
    }

    /**
     * A string's hash with its bits spread (Fibonacci hashing, high bits moved down): words of one script differ
     * little in the low bits of {@link String#hashCode}, which a table of 2^n slots indexes by.
     */
    static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static String stem(String normal) {
        if (normal.isEmpty()) {
            return normal;
        }
        return switch (script(normal)) {
            case ARABIC -> arabic(normal, true);
            case LATIN -> snowball(ENGLISH, normal);
            case CYRILLIC -> snowball(RUSSIAN, normal);
            default -> normal;
        };
    }

    /**
     * The key of a word a reader is still typing: normalised, Arabic clitic prefixes stripped, but no suffix rule, since
     * the end of the word is not there yet.
     */
    public static String prefixKey(String word) {
        String normal = normalise(word);
        return !normal.isEmpty() && script(normal) == Character.UnicodeScript.ARABIC ? arabic(normal, false) : normal;
    }

    /** The folding described above, without stemming. */
    public static String normalise(String word) {
        if (isPlain(word)) {
            // Most words: ASCII or bare Arabic letters, which NFKC and NFD leave as they are.
            StringBuilder out = new StringBuilder(word.length());
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                out.append(c < 0x80 ? Character.toLowerCase(c) : (char) fold(c));
            }
            return out.toString();
        }
        String decomposed = Normalizer.normalize(Normalizer.normalize(word, Normalizer.Form.NFKC), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || cp == 0x0640) {
                continue;
            }
            out.appendCodePoint(fold(cp));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** ASCII letters and digits, and Arabic letters that have no decomposition (not أ إ آ ؤ ئ, no marks or tatweel). */
    private static boolean isPlain(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean ascii = c < 0x80;
            boolean bareArabic = c >= 0x0621 && c <= 0x064A && c != 0x0622 && c != 0x0623 && c != 0x0624
                    && c != 0x0625 && c != 0x0626 && c != 0x0640;
            if (!ascii && !bareArabic) {
                return false;
            }
        }
        return true;
    }

    private static int fold(int cp) {
        return switch (cp) {
            case 0x0623, 0x0625, 0x0622, 0x0671, 0x0672, 0x0673 -> 0x0627; // أ إ آ ٱ and wavy hamzas → ا
            case 0x0649, 0x06CC -> 0x064A; // ى and Persian ی → ي
            case 0x0629 -> 0x0647; // ة → ه
            case 0x0624 -> 0x0648; // ؤ → و
            case 0x0626 -> 0x064A; // ئ → ي
            case 0x06A9 -> 0x0643; // Persian ک → ك
            default -> {
                if (cp >= 0x0660 && cp <= 0x0669) {
                    yield '0' + (cp - 0x0660);
                }
                if (cp >= 0x06F0 && cp <= 0x06F9) {
                    yield '0' + (cp - 0x06F0);
                }
                yield cp;
            }
        };
    }

    private static boolean isWordChar(int cp) {
        return cp < WORD_CHARS.length ? WORD_CHARS[cp] : isWordCharSlow(cp);
    }

    private static boolean isWordCharSlow(int cp) {
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static Character.UnicodeScript script(String word) {
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                return Character.UnicodeScript.of(cp);
            }
        }
        return Character.UnicodeScript.COMMON;
    }

    private static String arabic(String word, boolean suffixes) {
        char[] chars = word.toCharArray();
        int length = ARABIC.stemPrefix(chars, chars.length);
        if (suffixes) {
            length = ARABIC.stemSuffix(chars, length);
        }
        return new String(chars, 0, length);
    }

    private static String snowball(ThreadLocal<SnowballStemmer> stemmer, String word) {
        SnowballStemmer s = stemmer.get();
        s.setCurrent(word);
        s.stem();
        return s.getCurrent();
    }

}
