package dev.khabar.text;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The search document of an article as PostgreSQL's {@code tsvector}, built from the search keys of its weight classes
 * exactly as {@code setweight(to_tsvector('simple', a), 'A') || setweight(to_tsvector('simple', b), 'B') || ... 'D'}
 * would build it from the classes' keys joined by spaces ({@link SearchKeys}): the keys are already final words, so the
 * {@code simple} configuration would only number them. Writing the document ready-made spares the database that parse,
 * the largest cost of storing an article (V5__external_id.sql); building it from the texts, as they are analysed,
 * spares the service the joined keys; and writing it in the binary form that PostgreSQL's {@code tsvectorrecv} reads,
 * its lexemes already in the server's order, spares the database the parse of the tsvector's text too (13 % of its
 * time in a bulk import, profiled with perf; a quarter less of its CPU per imported article, README).
 *
 * <p>The rules followed, from PostgreSQL's tsvector code: within a class, words are numbered from 1, positions stop
 * at 16,383, a word of 2,047 bytes or more is skipped and takes no number, and a word keeps at most 255 positions
 * (to_tsvector); each class is then appended with its positions shifted by the highest position stored so far, a
 * word keeping at most 256 positions in all and none after one at 16,383 (the || operator). A class's keys are cut
 * after the last word that ends within {@link SearchKeys#MAX_CHARS} characters of its joined keys.
 */
public final class SearchDocument {

    static final int MAX_POSITION = 16_383;
    /** Positions a word keeps within one to_tsvector. */
    static final int MAX_POSITIONS = 255;
    /** Positions a word keeps after ||. */
    static final int MAX_MERGED_POSITIONS = 256;
    static final int MAX_WORD_BYTES = 2_047;
    private static final char[] WEIGHTS = { 'A', 'B', 'C', 'D' };

    private final WordTable words = new WordTable();
    /** The class being built, 0 for A to 3 for D. */
    private int weightClass = -1;
    /** Words numbered so far in the class. */
    private int position;
    /** Length of the class's joined keys so far, and whether its current text has a word yet. */
    private int length;
    private boolean textHasWord;
    private boolean full;
    /** The highest position stored before the class, and so far. */
    private int shift;
    private int highest;
    private boolean certain = true;

    private SearchDocument() {
    }

    /**
     * The document of texts by weight class, A first (see {@link SearchKeys#of}), in the binary form described at
     * {@link #build}; empty as it says.
     */
    public static Optional<byte[]> of(List<List<String>> classes) {
        SearchDocument document = new SearchDocument();
        for (List<String> texts : classes) {
            document.nextClass();
            texts.forEach(document::text);
        }
        return document.build();
    }

    private void nextClass() {
        if (weightClass == WEIGHTS.length - 1) {
            throw new IllegalArgumentException("A search document has four weight classes");
        }
        weightClass++;
        position = 0;
        length = -1; // the first text of a class is joined without a space
        shift = highest;
        full = false;
    }

    /** Adds the keys of a text to the class, joined to the class's earlier texts by a space. */
    private void text(String text) {
        length++;
        textHasWord = false;
        Analysis.keys(text, this::word);
    }

    private void word(String key) {
        int end = length + (textHasWord ? 1 : 0) + key.length();
        if (full || end > SearchKeys.MAX_CHARS) {
            full = true;
            return;
        }
        length = end;
        textHasWord = true;
        if (!certain || !(certain = predictable(key)) || tooLong(key)) {
            return;
        }
        position++;
        int local = Math.min(position, MAX_POSITION);
        Entry entry = words.entry(key);
        if (entry.inClass != weightClass) {
            entry.inClass = weightClass;
            entry.classCount = 0;
            entry.classLast = -1;
        }
        // to_tsvector keeps the position, then || appends it shifted.
        if (entry.classCount < MAX_POSITIONS && entry.classLast != MAX_POSITION && entry.classLast != local) {
            entry.classCount++;
            entry.classLast = local;
            if (entry.size < MAX_MERGED_POSITIONS && entry.last() != MAX_POSITION) {
                int at = Math.min(local + shift, MAX_POSITION);
                entry.add(at, 3 - weightClass);
                highest = Math.max(highest, at);
            }
        }
    }

    /**
     * The tsvector as {@code tsvectorrecv} reads it: the number of lexemes (int32), then for each, in the order of their
     * UTF-8 bytes (shorter first where one begins the other), its bytes, a NUL, the number of its positions (uint16)
     * and each position (uint16: weight in the two high bits, 3 for A to 0 for D), increasing; all big-endian. Empty
     * when a key is one whose reading by PostgreSQL's parser is not certain to be one word as it stands (see
     * {@link #predictable}): the database then computes the document itself from the stored keys (V5__external_id.sql).
     */
    private Optional<byte[]> build() {
        if (!certain) {
            return Optional.empty();
        }
        int size = 4;
        for (Entry entry : words.inOrder()) {
            entry.bytes = entry.word.getBytes(StandardCharsets.UTF_8);
            size += entry.bytes.length + 3 + 2 * entry.size;
        }
        List<Entry> sorted = new ArrayList<>(words.inOrder());
        sorted.sort((x, y) -> Arrays.compareUnsigned(x.bytes, y.bytes));
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putInt(sorted.size());
        for (Entry entry : sorted) {
            out.put(entry.bytes).put((byte) 0).putShort((short) entry.size);
            for (int i = 0; i < entry.size; i++) {
                out.putShort((short) ((entry.positions[i] & 3) << 14 | entry.positions[i] >>> 2));
            }
        }
        return Optional.of(out.array());
    }

    /**
     * The text of a tsvector in the binary form of {@link #build}, as PostgreSQL prints it ({@code 'word':1A,5}): what
     * a driver sends when it cannot send the binary form.
     */
    public static String text(byte[] document) {
        ByteBuffer in = ByteBuffer.wrap(document);
        int count = in.getInt();
        StringBuilder out = new StringBuilder(document.length + count * 4);
        for (int n = 0; n < count; n++) {
            int start = in.position();
            while (in.get() != 0) {
                // to the NUL that ends the lexeme
            }
            String word = new String(document, start, in.position() - 1 - start, StandardCharsets.UTF_8);
            if (n > 0) {
                out.append(' ');
            }
            out.append('\'').append(word.replace("\\", "\\\\").replace("'", "''")).append('\'');
            int positions = in.getShort() & 0xFFFF;
            for (int i = 0; i < positions; i++) {
                int position = in.getShort() & 0xFFFF;
                out.append(i == 0 ? ':' : ',').append(position & MAX_POSITION);
                int weight = position >>> 14;
                if (weight > 0) {
                    out.append(WEIGHTS[3 - weight]);
                }
            }
        }
        return out.toString();
    }

    /** A word: its positions with their weights (position << 2 | weight, 3 for A to 0 for D), in order. */
    private static final class Entry {
        final String word;
        /** The word in UTF-8, once the document is built. */
        byte[] bytes;
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
     * The words of a document in the order first seen, found by an open-addressing table on a mixed hash: String's own
     * hash varies little in its low bits across Arabic words (31 is -1 modulo 32), which piled them into a few buckets
     * of a HashMap.
     */
    private static final class WordTable {
        private final List<Entry> order = new ArrayList<>();
        private Entry[] table = new Entry[512];

        Entry entry(String word) {
            int mask = table.length - 1;
            for (int i = Analysis.mix(word.hashCode()) & mask; ; i = (i + 1) & mask) {
                Entry entry = table[i];
                if (entry == null) {
                    entry = new Entry(word);
                    table[i] = entry;
                    order.add(entry);
                    if (order.size() * 2 > table.length) {
                        grow();
                    }
                    return entry;
                }
                // Keys of words seen lately are one String each (Analysis): mostly the same object.
                if (entry.word == word || entry.word.equals(word)) {
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
     * Whether PostgreSQL's default parser reads this key as one word, unchanged: ASCII letters (then digits, as in
     * {@code covid19}), ASCII digits alone, or Arabic letters alone. A key that starts with digits and goes on with
     * letters is not ({@code 251e1b3c} reads as the number {@code 251e1} and the word {@code b3c}), nor are other
     * scripts and mixtures, whose classes depend on the server's locale.
     */
    static boolean predictable(String key) {
        char first = key.charAt(0);
        boolean digits = first >= '0' && first <= '9';
        boolean arabic = isArabicLetter(first);
        if (!digits && !arabic && !(first >= 'a' && first <= 'z')) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            char ch = key.charAt(i);
            boolean digit = ch >= '0' && ch <= '9';
            if (arabic ? !isArabicLetter(ch) : digits ? !digit : !(ch >= 'a' && ch <= 'z' || digit)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isArabicLetter(char ch) {
        return ch >= '\u0621' && ch <= '\u064A' && ch != '\u0640';
    }

    /** Whether the word is of 2,047 UTF-8 bytes or more (PostgreSQL skips it); counted only when it may be. */
    private static boolean tooLong(String word) {
        return word.length() * 3 >= MAX_WORD_BYTES && word.getBytes(StandardCharsets.UTF_8).length >= MAX_WORD_BYTES;
    }
}
