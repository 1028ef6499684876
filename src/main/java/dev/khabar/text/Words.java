package dev.khabar.text;

import java.util.stream.Stream;

/** Word counting that works the same for every script. */
public final class Words {

    private Words() {
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
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                if (inToken && tokenHasWordChar) {
                    words++;
                }
                inToken = false;
                tokenHasWordChar = false;
            } else {
                inToken = true;
                tokenHasWordChar |= Character.isLetterOrDigit(cp);
            }
        }
        return inToken && tokenHasWordChar ? words + 1 : words;
    }

    public static int count(Stream<String> texts) {
        return texts.mapToInt(Words::count).sum();
    }
}
