package dev.khabar.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * URL slugs that keep every script readable: {@code تصاعد-الأزمة-الدبلوماسية} stays Arabic, {@code Hello, World!}
 * becomes {@code hello-world}.
 */
public final class Slugs {

    public static final int MAX_CODE_POINTS = 80;

    /** What a slug looks like once normalised: letters, marks and digits in runs joined by single hyphens. */
    private static final Pattern WELL_FORMED = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:-[\\p{L}\\p{M}\\p{N}]+)*");

    private Slugs() {
    }

    /**
     * Derives a slug: NFC, letters lower-cased (Arabic has no case and is kept as it is, marks included), every run of
     * other characters to one hyphen, at most {@value #MAX_CODE_POINTS} code points cut at a word boundary.
     * Returns an empty string when the text has no letter or digit at all.
     */
    public static String slugify(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder(nfc.length());
        boolean pendingHyphen = false;
        for (int i = 0; i < nfc.length(); ) {
            int cp = nfc.codePointAt(i);
            i += Character.charCount(cp);
            if (isSlugChar(cp)) {
                if (pendingHyphen && !slug.isEmpty()) {
                    slug.append('-');
                }
                pendingHyphen = false;
                slug.appendCodePoint(cp);
            } else {
                pendingHyphen = true;
            }
        }
        return cut(slug.toString(), MAX_CODE_POINTS);
    }

    /** NFC form of a slug given in a request or a URL, so that decomposed input finds the stored (NFC) slug. */
    public static String normaliseLookup(String slug) {
        return Normalizer.normalize(slug, Normalizer.Form.NFC);
    }

    /** True when the value is already a slug: what {@link #slugify} would return for it. */
    public static boolean isWellFormed(String value) {
        return value != null && WELL_FORMED.matcher(value).matches()
                && value.codePointCount(0, value.length()) <= MAX_CODE_POINTS
                && Normalizer.isNormalized(value, Normalizer.Form.NFC)
                && value.equals(value.toLowerCase(Locale.ROOT));
    }

    /** The slug with a numeric suffix, kept within the length limit by cutting the base at a word boundary. */
    public static String withSuffix(String base, int n) {
        String suffix = "-" + n;
        int room = MAX_CODE_POINTS - suffix.length();
        return cut(base, room) + suffix;
    }

    private static boolean isSlugChar(int cp) {
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp)
                || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** At most {@code max} code points; prefers to end at the last hyphen that fits, never leaves a trailing one. */
    private static String cut(String slug, int max) {
        if (slug.codePointCount(0, slug.length()) <= max) {
            return slug;
        }
        int end = slug.offsetByCodePoints(0, max);
        if (slug.charAt(end) == '-') {
            return slug.substring(0, end);
        }
        int lastHyphen = slug.lastIndexOf('-', end);
        if (lastHyphen > 0) {
            return slug.substring(0, lastHyphen);
        }
        // A single word longer than the limit: cut it, but not between a letter and its combining marks.
        while (end > 0 && Character.getType(slug.codePointAt(end)) == Character.NON_SPACING_MARK) {
            end = slug.offsetByCodePoints(end, -1);
        }
        return slug.substring(0, end);
    }
}
