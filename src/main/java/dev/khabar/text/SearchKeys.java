package dev.khabar.text;

import java.util.Optional;

/**
 * The search keys of an article by weight class (see V2__search.sql): A the title; B the subtitle, headings, tags and
 * category; C the lead and bullets; D the closing. Each is the keys of its texts joined by spaces
 * ({@link Analysis#indexText}).
 */
public record SearchKeys(String a, String b, String c, String d) {

    /** What is stored for an article whose search document is written ready-made (V8__storage.sql). */
    public static final SearchKeys NONE = new SearchKeys("", "", "", "");

    /** The tsvector text PostgreSQL would compute from these keys, if it is certain (see {@link SearchDocument#of}). */
    public Optional<String> document() {
        return SearchDocument.of(a, b, c, d);
    }
}
