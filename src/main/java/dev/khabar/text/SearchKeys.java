package dev.khabar.text;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The search keys of an article by weight class (see V2__search.sql): A the title; B the subtitle, headings, tags and
 * category; C the lead and bullets; D the closing. Each is the keys of its texts ({@link Analysis#indexText}) joined
 * by spaces, cut after the last word that ends within {@link #MAX_CHARS} characters.
 */
public record SearchKeys(String a, String b, String c, String d) {

    /**
     * PostgreSQL refuses a tsvector over 1 MB; a legitimate article is a few kilobytes of keys, so each class is cut (at
     * a word) well below that, and a pathological article is indexed by its beginning instead of failing.
     */
    public static final int MAX_CHARS = 100_000;

    /** What is stored for an article whose search document is written ready-made (V8__storage.sql). */
    public static final SearchKeys NONE = new SearchKeys("", "", "", "");

    /** The keys of four classes of texts, A first. */
    public static SearchKeys of(List<List<String>> classes) {
        List<String> keys = classes.stream()
                .map(texts -> capped(texts.stream().map(Analysis::indexText).collect(Collectors.joining(" ")))).toList();
        return new SearchKeys(keys.get(0), keys.get(1), keys.get(2), keys.get(3));
    }

    private static String capped(String keys) {
        if (keys.length() <= MAX_CHARS) {
            return keys;
        }
        int cut = keys.lastIndexOf(' ', MAX_CHARS);
        return keys.substring(0, cut > 0 ? cut : MAX_CHARS);
    }
}
