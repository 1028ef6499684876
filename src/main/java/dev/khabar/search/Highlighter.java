package dev.khabar.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.khabar.format.HtmlFormat;
import dev.khabar.text.Analysis;

/**
 * Snippets of the original text with the words that matched in {@code <mark>}: the text as stored (diacritics and
 * spelling kept), everything HTML-escaped, so a frontend can insert a snippet as is. A word matches when its key (or,
 * for a prefix, its prefix key) is one the query asked for, so matches found through normalisation are marked too.
 */
public final class Highlighter {

    /** Texts longer than this are cut to a window around their first match. */
    static final int WHOLE_UP_TO = 240;
    private static final int BEFORE = 80;
    private static final int AFTER = 160;

    private final Set<String> keys;
    private final Set<String> prefixes;

    public Highlighter(SearchQuery query) {
        this.keys = query.keys();
        this.prefixes = query.prefixes();
    }

    /** One marked field of an article. */
    public record Snippet(String field, String html) {
    }

    /** The snippet of a field, or null when no word of it matches. */
    public Snippet snippet(String field, String text) {
        List<Analysis.Token> marked = new ArrayList<>();
        for (Analysis.Token token : Analysis.tokens(text)) {
            if (matches(token, text)) {
                marked.add(token);
            }
        }
        if (marked.isEmpty()) {
            return null;
        }
        int from = 0;
        int to = text.length();
        if (text.length() > WHOLE_UP_TO) {
            from = wordStart(text, Math.max(0, marked.get(0).start() - BEFORE));
            to = wordEnd(text, Math.min(text.length(), marked.get(0).end() + AFTER));
        }
        StringBuilder html = new StringBuilder(to - from + 32);
        if (from > 0) {
            html.append('…');
        }
        int at = from;
        for (Analysis.Token token : marked) {
            if (token.start() < from || token.end() > to) {
                continue;
            }
            HtmlFormat.escape(text, at, token.start(), html);
            html.append("<mark>");
            HtmlFormat.escape(text, token.start(), token.end(), html);
            html.append("</mark>");
            at = token.end();
        }
        HtmlFormat.escape(text, at, to, html);
        if (to < text.length()) {
            html.append('…');
        }
        return new Snippet(field, html.toString());
    }

    private boolean matches(Analysis.Token token, String text) {
        if (keys.contains(token.key())) {
            return true;
        }
        if (prefixes.isEmpty()) {
            return false;
        }
        String prefixKey = Analysis.prefixKey(text.substring(token.start(), token.end()));
        return prefixes.stream().anyMatch(p -> prefixKey.startsWith(p) || token.key().startsWith(p));
    }

    private static int wordStart(String text, int at) {
        int i = at;
        while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static int wordEnd(String text, int at) {
        int i = at;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
