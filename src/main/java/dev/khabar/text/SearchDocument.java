package dev.khabar.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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

    /** A word: its positions with their weights (position << 2 | weight, 3 for A to 0 for D), in order. */
    private static final class Entry {
        final String word;
        int[] positions = new int[4];
        int size;
        /** The class being read, and the word's count and last position within it (to_tsvector of that class). */
        int inClass = -1;
        int classCount;
        int classLast;

        Entry(String word) {
            this.word = word;
        }

        int last() {
            return size == 0 ? -1 : positions[size - 1] >>> 2;
        }

        void add(int position, int weight) {
            if (size == positions.length) {
                positions = Arrays.copyOf(positions, size * 2);
            }
            positions[size++] = position << 2 | weight;
        }
    }

    /**
     * The tsvector text of keys by weight class, A first; empty when a key is one whose reading by PostgreSQL's parser
     * is not certain to be one word as it stands (see {@link #predictable}): the database then computes the document
     * itself (V5__external_id.sql).
     */
    public static Optional<String> of(String a, String b, String c, String d) {
        String[] classes = { a, b, c, d };
        for (String keys : classes) {
            if (!predictable(keys)) {
                return Optional.empty();
            }
        }
        WordTable document = new WordTable(a.length() + b.length() + c.length() + d.length());
        int shift = 0;
        int highest = 0;
        for (int w = 0; w < classes.length; w++) {
            String keys = classes[w];
            int position = 0;
            for (int start = 0; start < keys.length(); ) {
                int end = keys.indexOf(' ', start);
                if (end < 0) {
                    end = keys.length();
                }
                if (end > start && !tooLong(keys, start, end)) {
                    position++;
                    int local = Math.min(position, MAX_POSITION);
                    Entry entry = document.entry(keys, start, end);
                    if (entry.inClass != w) {
                        entry.inClass = w;
                        entry.classCount = 0;
                        entry.classLast = -1;
                    }
                    // to_tsvector keeps the position, then || appends it shifted.
                    if (entry.classCount < MAX_POSITIONS && entry.classLast != MAX_POSITION && entry.classLast != local) {
                        entry.classCount++;
                        entry.classLast = local;
                        if (entry.size < MAX_MERGED_POSITIONS && entry.last() != MAX_POSITION) {
                            int at = Math.min(local + shift, MAX_POSITION);
                            entry.add(at, 3 - w);
                            highest = Math.max(highest, at);
                        }
                    }
                }
                start = end + 1;
            }
            shift = highest;
        }
        StringBuilder out = new StringBuilder(a.length() + b.length() + c.length() + d.length() + document.size() * 8);
        for (Entry entry : document.inOrder()) {
            String word = entry.word;
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append('\'');
            if (word.indexOf('\'') >= 0 || word.indexOf('\\') >= 0) {
                out.append(word.replace("\\", "\\\\").replace("'", "''"));
            } else {
                out.append(word);
            }
            out.append("':");
            for (int i = 0; i < entry.size; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(entry.positions[i] >>> 2);
                int weight = entry.positions[i] & 3;
                if (weight > 0) {
                    out.append(WEIGHTS[3 - weight]);
                }
            }
        }
        return Optional.of(out.toString());
    }

    /**
     * The words of a document in the order first seen, found by an open-addressing table on a mixed hash: String's own
     * hash varies little in its low bits across Arabic words (31 is -1 modulo 32), which piled them into a few buckets
     * of a HashMap.
     */
    private static final class WordTable {
        private final List<Entry> order = new ArrayList<>();
        private Entry[] table;

        WordTable(int chars) {
            table = new Entry[Integer.highestOneBit(Math.max(16, chars / 4)) * 2];
        }

        /** The entry of the word {@code keys[start, end)}, added if new. */
        Entry entry(String keys, int start, int end) {
            int mask = table.length - 1;
            for (int i = Analysis.mix(Analysis.hash(keys, start, end)) & mask; ; i = (i + 1) & mask) {
                Entry entry = table[i];
                if (entry == null) {
                    entry = new Entry(keys.substring(start, end));
                    table[i] = entry;
                    order.add(entry);
                    if (order.size() * 2 > table.length) {
                        grow();
                    }
                    return entry;
                }
                if (entry.word.length() == end - start && keys.startsWith(entry.word, start)) {
                    return entry;
                }
            }
        }

        private void grow() {
            Entry[] bigger = new Entry[table.length * 2];
            int mask = bigger.length - 1;
            for (Entry entry : order) {
                int i = Analysis.mix(entry.word.hashCode()) & mask;
                while (bigger[i] != null) {
                    i = (i + 1) & mask;
                }
                bigger[i] = entry;
            }
            table = bigger;
        }

        int size() {
            return order.size();
        }

        List<Entry> inOrder() {
            return order;
        }
    }

    /**
     * Whether PostgreSQL's default parser reads each of these keys as one word, unchanged: ASCII letters (then digits,
     * as in {@code covid19}), ASCII digits alone, or Arabic letters alone. A key that starts with digits and goes on with
     * letters is not ({@code 251e1b3c} reads as the number {@code 251e1} and the word {@code b3c}), nor are other
     * scripts and mixtures, whose classes depend on the server's locale.
     */
    static boolean predictable(String keys) {
        boolean wordStart = true;
        boolean digits = false;
        boolean arabic = false;
        for (int i = 0; i < keys.length(); i++) {
            char ch = keys.charAt(i);
            if (ch == ' ') {
                wordStart = true;
                continue;
            }
            boolean letter = ch >= 'a' && ch <= 'z';
            boolean digit = ch >= '0' && ch <= '9';
            boolean arabicLetter = ch >= '\u0621' && ch <= '\u064A' && ch != '\u0640';
            if (wordStart) {
                digits = digit;
                arabic = arabicLetter;
                wordStart = false;
                if (!letter && !digit && !arabicLetter) {
                    return false;
                }
                continue;
            }
            if (arabic ? !arabicLetter : digits ? !digit : !(letter || digit)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the word is of 2,047 UTF-8 bytes or more (PostgreSQL skips it); counted only when it may be. */
    private static boolean tooLong(String keys, int start, int end) {
        if ((end - start) * 3 < MAX_WORD_BYTES) {
            return false;
        }
        return keys.substring(start, end).getBytes(StandardCharsets.UTF_8).length >= MAX_WORD_BYTES;
    }
}
