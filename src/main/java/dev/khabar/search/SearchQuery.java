package dev.khabar.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.khabar.text.Analysis;

/**
 * A reader's query: words (all must match), {@code "exact phrase"}, {@code OR} between two items, {@code -excluded}
 * and {@code prefix*}. Parsing never fails: what is not valid syntax (an unclosed quote, a dangling OR, a lone
 * {@code -}) is read as plain words. Every word goes through {@link Analysis}, exactly as stored text does.
 */
public record SearchQuery(List<List<Item>> required, List<Item> excluded) {

    public static final int MAX_LENGTH = 500;
    public static final int MAX_ITEMS = 32;

    /** Something one document must (or must not) contain. */
    public sealed interface Item permits Word, Phrase {
        String tsquery();
    }

    /**
     * One word. A prefix matches every key that starts with it, and also the key of the word as typed, since a reader
     * who types a whole word and a star ({@code العلاقات*}) means that word too; {@code fullKey} is that key.
     */
    public record Word(String key, boolean prefix, String fullKey) implements Item {
        @Override
        public String tsquery() {
            return prefix ? "(" + quote(key) + ":* | " + quote(fullKey) + ")" : quote(key);
        }
    }

    /** Consecutive words; the last may be a prefix ({@code "new yo*"}). */
    public record Phrase(List<String> keys, boolean lastIsPrefix) implements Item {
        @Override
        public String tsquery() {
            return keys.stream().map(SearchQuery::quote).collect(Collectors.joining(" <-> ", "(", lastIsPrefix ? ":*)" : ")"));
        }
    }

    /** The query, or empty when it holds nothing to search for (blank, only punctuation, only exclusions). */
    public static Optional<SearchQuery> parse(String text) {
        List<List<Item>> required = new ArrayList<>();
        List<Item> excluded = new ArrayList<>();
        boolean pendingOr = false;
        int i = 0;
        int items = 0;
        while (i < text.length() && items < MAX_ITEMS) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negated = false;
            if (c == '-' && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))) {
                negated = true;
                i++;
                c = text.charAt(i);
            }
            Item item;
            if (c == '"' && text.indexOf('"', i + 1) > 0) {
                int close = text.indexOf('"', i + 1);
                item = item(text.substring(i + 1, close), false);
                i = close + 1;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                String word = text.substring(i, end);
                i = end;
                if (word.equals("OR") && !negated) {
                    pendingOr = !required.isEmpty();
                    continue;
                }
                boolean prefix = word.endsWith("*");
                item = item(word.replace("\"", " "), prefix);
            }
            if (item == null) {
                continue;
            }
            items++;
            if (negated) {
                excluded.add(item);
            } else if (pendingOr) {
                required.get(required.size() - 1).add(item);
            } else {
                required.add(new ArrayList<>(List.of(item)));
            }
            pendingOr = false;
        }
        if (required.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SearchQuery(required.stream().map(List::copyOf).toList(), List.copyOf(excluded)));
    }

    /** The query in PostgreSQL {@code tsquery} syntax over the stored keys. */
    public String tsquery() {
        String must = required.stream()
                .map(any -> any.stream().map(Item::tsquery).collect(Collectors.joining(" | ", "(", ")")))
                .collect(Collectors.joining(" & "));
        String mustNot = excluded.stream().map(item -> " & !" + item.tsquery()).collect(Collectors.joining());
        return must + mustNot;
    }

    /** The keys a snippet marks: every word the document is asked to contain. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        for (List<Item> any : required) {
            for (Item item : any) {
                if (item instanceof Word word) {
                    keys.add(word.prefix() ? word.fullKey() : word.key());
                } else if (item instanceof Phrase phrase) {
                    keys.addAll(phrase.lastIsPrefix() ? phrase.keys().subList(0, phrase.keys().size() - 1) : phrase.keys());
                }
            }
        }
        return keys;
    }

    /** The prefixes a snippet marks. */
    public Set<String> prefixes() {
        Set<String> prefixes = new LinkedHashSet<>();
        for (List<Item> any : required) {
            for (Item item : any) {
                if (item instanceof Word word && word.prefix()) {
                    prefixes.add(word.key());
                } else if (item instanceof Phrase phrase && phrase.lastIsPrefix()) {
                    prefixes.add(phrase.keys().get(phrase.keys().size() - 1));
                }
            }
        }
        return prefixes;
    }

    /** A word or phrase of the query text; a "word" that analysis splits ({@code U.S.}) becomes a phrase. */
    private static Item item(String text, boolean prefix) {
        String clean = prefix ? text.replaceAll("\\*+$", "") : text;
        List<Analysis.Token> tokens = Analysis.tokens(clean);
        if (tokens.isEmpty()) {
            return null;
        }
        List<String> keys = new ArrayList<>(tokens.size());
        for (int t = 0; t < tokens.size(); t++) {
            Analysis.Token token = tokens.get(t);
            boolean last = t == tokens.size() - 1;
            keys.add(prefix && last ? Analysis.prefixKey(clean.substring(token.start(), token.end())) : token.key());
        }
        return keys.size() == 1 ? new Word(keys.get(0), prefix, tokens.get(0).key())
                : new Phrase(List.copyOf(keys), prefix);
    }

    private static String quote(String key) {
        return "'" + key.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
