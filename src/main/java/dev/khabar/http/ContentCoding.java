package dev.khabar.http;

import io.netty.util.AsciiString;

/**
 * The content codings a body is sent in (RFC 9110, section 8.4.1), their entity tags, and which one a request's
 * {@code Accept-Encoding} prefers. Each coding of a representation has a strong tag of its own, the identity tag with a
 * suffix, and any of them revalidates the others ({@link Conditional#notModified}).
 */
public enum ContentCoding {
    IDENTITY(null, ""),
    GZIP("gzip", "-gz"),
    BROTLI("br", "-br");

    private final AsciiString token;
    private final String tagSuffix;

    ContentCoding(String token, String tagSuffix) {
        this.token = token == null ? null : AsciiString.of(token);
        this.tagSuffix = tagSuffix;
    }

    /** The {@code Content-Encoding} value; null for identity, which is sent without one. */
    public AsciiString token() {
        return token;
    }

    /** The tag of this coding's body of the representation tagged {@code etag} (a quoted strong tag). */
    public String tag(String etag) {
        return this == IDENTITY ? etag : etag.substring(0, etag.length() - 1) + tagSuffix + "\"";
    }

    /** The opaque part of the identity tag, given that of any coding's tag. */
    static String identityOpaque(String opaque) {
        for (ContentCoding coding : values()) {
            if (coding != IDENTITY && opaque.endsWith(coding.tagSuffix)) {
                return opaque.substring(0, opaque.length() - coding.tagSuffix.length());
            }
        }
        return opaque;
    }

    /**
     * The coding to send: of gzip and, when {@code brotli} is offered, Brotli, the one {@code Accept-Encoding} weighs
     * higher, Brotli on a tie; identity when it takes neither or is absent. A coding counts as taken when it is named
     * (or {@code *} stands for it, not being named) with a weight above 0; a weight that is not a valid qvalue counts
     * as 1. {@code x-gzip} is gzip (RFC 9110, section 8.4.1.3).
     */
    public static ContentCoding preferred(String acceptEncoding, boolean brotli) {
        if (acceptEncoding == null || acceptEncoding.isEmpty()) {
            return IDENTITY;
        }
        double gzip = -1;
        double br = -1;
        double any = -1;
        for (String element : acceptEncoding.split(",")) {
            int semicolon = element.indexOf(';');
            String name = (semicolon < 0 ? element : element.substring(0, semicolon)).strip();
            double weight = semicolon < 0 ? 1 : weight(element.substring(semicolon + 1));
            if (name.equalsIgnoreCase("gzip") || name.equalsIgnoreCase("x-gzip")) {
                gzip = Math.max(gzip, weight);
            } else if (name.equalsIgnoreCase("br")) {
                br = Math.max(br, weight);
            } else if (name.equals("*")) {
                any = Math.max(any, weight);
            }
        }
        gzip = gzip < 0 ? any : gzip;
        br = br < 0 ? any : br;
        if (brotli && br > 0 && br >= gzip) {
            return BROTLI;
        }
        return gzip > 0 ? GZIP : IDENTITY;
    }

    /** The {@code q} of an element's parameters ({@code ;q=0.5}); 1 without one or when it is not a qvalue. */
    private static double weight(String parameters) {
        for (String parameter : parameters.split(";")) {
            String p = parameter.strip();
            if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                String value = p.substring(2).strip();
                return value.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?") ? Double.parseDouble(value) : 1;
            }
        }
        return 1;
    }
}
