package dev.khabar.text;

import java.util.stream.Stream;

/** Word counting that works the same for every script. */
public final class Words {

    private static final byte SPACE = 1;
    private static final byte WORD = 2;
    /** {@link #kind} of the code points up to the end of the Arabic block, looked up instead. */
    private static final byte[] KINDS = new byte[0x0700];

    static {
        for (int cp = 0; cp < KINDS.length; cp++) {
            KINDS[cp] = kind(cp);
        }
    }

    private Words() {
    }

    private static byte kind(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return SPACE;
        }
        return Character.isLetterOrDigit(cp) ? WORD : 0;
    }

    /** Counts the whitespace-separated tokens that contain at least one letter or digit. */
    public static int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int words = 0;
        boolean inToken = false;
        boolean tokenHasWordChar = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int kind = cp < KINDS.length ? KINDS[cp] : kind(cp);
            if (kind == SPACE) {
                if (inToken && tokenHasWordChar) {
                    words++;
                }
                inToken = false;
                tokenHasWordChar = false;
            } else {
                inToken = true;
                tokenHasWordChar |= kind == WORD;
            }
        }
        return inToken && tokenHasWordChar ? words + 1 : words;
    }

    public static int count(Stream<String> texts) {
        return texts.mapToInt(Words::count).sum();
    }
}
