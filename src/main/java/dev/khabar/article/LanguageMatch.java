package dev.khabar.article;

import java.util.Map;

/**
 * The rule for a {@code lang} filter, the same in every query: the tag itself or any of its regional variants, so
 * {@code lang=en} finds {@code en-GB} and {@code en-US}. The text reads the same in HQL and SQL; {@link #matches} is
 * the rule in Java, for the read cache.
 */
public final class LanguageMatch {

    private LanguageMatch() {
    }

    /** The condition on the articles aliased {@code alias}; its parameters come from {@link #bind}. */
    public static String condition(String alias) {
        return "(%1$s.language = :lang or %1$s.language like :langPrefix)".formatted(alias);
    }

    /** The same rule in Java: whether an article in {@code language} passes the filter {@code lang}. */
    public static boolean matches(String language, String lang) {
        return language.equals(lang) || language.startsWith(lang + "-");
    }

    public static void bind(Map<String, Object> params, String language) {
        params.put("lang", language);
        params.put("langPrefix", language + "-%");
    }
}
