package dev.khabar.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;

/** Conditional requests (RFC 9110, section 13): entity-tag lists, HTTP dates, and the 304 decision for reads. */
public final class Conditional {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Conditional() {
    }

    /** Whether the request carries a validator a 304 could answer. */
    public static boolean isConditional(HttpHeaders request) {
        return request.getHeaderString(HttpHeaders.IF_NONE_MATCH) != null
                || request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE) != null;
    }

    /**
     * Whether a GET may be answered 304: {@code If-None-Match} decides when present (weak comparison), else
     * {@code If-Modified-Since}, at the one-second precision of HTTP dates.
     */
    public static boolean notModified(HttpHeaders request, String etag, Instant lastModified) {
        return notModified(request.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE), etag, lastModified);
    }

    /**
     * {@link #notModified(HttpHeaders, String, Instant)} from the header values. Each content coding of a representation
     * has its own tag ({@link ContentCoding#tag}), and any of them revalidates the others: a client's copy is current in
     * whichever coding it was stored, and a 304 carries no body to encode.
     */
    public static boolean notModified(String noneMatch, String since, String etag, Instant lastModified) {
        if (noneMatch != null) {
            String opaque = ContentCoding.identityOpaque(opaque(etag));
            return tags(noneMatch).stream()
                    .anyMatch(t -> t.equals("*") || ContentCoding.identityOpaque(opaque(t)).equals(opaque));
        }
        if (since == null || lastModified == null) {
            return false;
        }
        try {
            Instant at = ZonedDateTime.parse(since.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(at);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * A strong entity tag for a body that has no version of its own (a list page, a feed): {@code prefix} and a hash of
     * the bytes, so the tag changes exactly when the bytes do.
     */
    public static String bodyTag(String prefix, byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + prefix + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22)
                    + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The entity tags of an {@code If-Match} or {@code If-None-Match} value, quotes and {@code W/} kept. */
    public static List<String> tags(String header) {
        List<String> tags = new ArrayList<>();
        int i = 0;
        while (i < header.length()) {
            char c = header.charAt(i);
            if (c == '*') {
                tags.add("*");
                i++;
            } else if (c == '"' || header.startsWith("W/\"", i)) {
                int open = header.indexOf('"', i);
                int close = header.indexOf('"', open + 1);
                if (close < 0) {
                    break;
                }
                tags.add(header.substring(i, close + 1));
                i = close + 1;
            } else {
                i++;
            }
        }
        return tags;
    }

    /** The tag without its weakness marker and quotes. */
    public static String opaque(String tag) {
        String strong = tag.startsWith("W/") ? tag.substring(2) : tag;
        return strong.length() >= 2 && strong.startsWith("\"") ? strong.substring(1, strong.length() - 1) : strong;
    }

    /** An IMF-fixdate, as {@code Last-Modified} carries it. */
    public static String httpDate(Instant at) {
        return IMF_FIXDATE.format(at);
    }
}
