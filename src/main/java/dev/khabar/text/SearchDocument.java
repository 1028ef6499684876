package dev.khabar.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search document of an article as PostgreSQL's {@code tsvector} text, built from the search keys of its weight
 * classes exactly as {@code setweight(to_tsvector('simple', a), 'A') || setweight(to_tsvector('simple', b), 'B') ||
 * ... 'D'} would build it: the keys (see {@link Analysis#indexText}) are already final words separated by single
 * spaces, so the {@code simple} configuration would only number them. Writing the document ready-made spares the
 * database that parse, the largest cost of storing an article (V5__external_id.sql).
 *
 * <p>The rules followed, from PostgreSQL's tsvector code: within a class, words are numbered from 1, positions stop
 * at 16,383, a word of 2,047 bytes or more is skipped and takes no number, and a word keeps at most 255 positions
 * (to_tsvector); each class is then appended with its positions shifted by the highest position stored so far, a
 * word keeping at most 256 positions in all and none after one at 16,383 (the || operator).
 */
public final class SearchDocument {

    static final int MAX_POSITION = 16_383;
    /** Positions a word keeps within one to_tsvector. */
    static final int MAX_POSITIONS = 255;
    /** Positions a word keeps after ||. */
    static final int MAX_MERGED_POSITIONS = 256;
    static final int MAX_WORD_BYTES = 2_047;
    private static final char[] WEIGHTS = { 'A', 'B', 'C', 'D' };

    private SearchDocument() {
    }

    /** A word's positions and their weights, in order. */
    private static final class Entry {
        final List<Integer> positions = new ArrayList<>();
        final List<Character> weights = new ArrayList<>();

        int last() {
            return positions.isEmpty() ? -1 : positions.get(positions.size() - 1);
        }
    }

    /** The tsvector text of keys by weight class, A first. */
    public static String of(String a, String b, String c, String d) {
        String[] classes = { a, b, c, d };
        Map<String, Entry> document = new LinkedHashMap<>();
        int shift = 0;
        for (int w = 0; w < classes.length; w++) {
            // to_tsvector of the class alone.
            Map<String, List<Integer>> local = new LinkedHashMap<>();
            int position = 0;
            for (String word : classes[w].split(" ")) {
                if (word.isEmpty() || word.getBytes(StandardCharsets.UTF_8).length >= MAX_WORD_BYTES) {
                    continue;
                }
                position++;
                int at = Math.min(position, MAX_POSITION);
                List<Integer> found = local.computeIfAbsent(word, k -> new ArrayList<>());
                int last = found.isEmpty() ? -1 : found.get(found.size() - 1);
                if (found.size() < MAX_POSITIONS && last != MAX_POSITION && last != at) {
                    found.add(at);
                }
            }
            // ... appended with ||.
            for (Map.Entry<String, List<Integer>> word : local.entrySet()) {
                Entry entry = document.computeIfAbsent(word.getKey(), k -> new Entry());
                for (int at : word.getValue()) {
                    if (entry.positions.size() >= MAX_MERGED_POSITIONS || entry.last() == MAX_POSITION) {
                        break;
                    }
                    entry.positions.add(Math.min(at + shift, MAX_POSITION));
                    entry.weights.add(WEIGHTS[w]);
                }
            }
            for (Entry entry : document.values()) {
                shift = Math.max(shift, entry.last());
            }
        }
        StringBuilder out = new StringBuilder(classes[0].length() + classes[1].length() + classes[2].length()
                + classes[3].length() + document.size() * 8);
        document.forEach((word, entry) -> {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append('\'').append(word.replace("\\", "\\\\").replace("'", "''")).append("':");
            for (int i = 0; i < entry.positions.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(entry.positions.get(i));
                if (entry.weights.get(i) != 'D') {
                    out.append(entry.weights.get(i));
                }
            }
        });
        return out.toString();
    }
}
