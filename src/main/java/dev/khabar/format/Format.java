package dev.khabar.format;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The representations of one article, each with its media type, its {@code ?format=} name and the variant that ends
 * its entity tag. Also the choice among them by {@code Accept} (RFC 9110, section 12.5.1), kept here as a pure
 * function of the header so that it can be tested without HTTP.
 */
public enum Format {
    JSON("json", "application/json", "json"),
    TEXT("text", "text/plain;charset=utf-8", "text"),
    MARKDOWN("markdown", "text/markdown;charset=utf-8", "md"),
    HTML("html", "text/html;charset=utf-8", "html"),
    JSONLD("jsonld", "application/ld+json", "jsonld"),
    NINJS("ninjs", "application/ninjs+json", "ninjs");

    /** The {@code ?format=} values, for messages. */
    public static final String NAMES = Arrays.stream(values()).map(Format::wireName).collect(Collectors.joining(", "));
    /** The media types, for messages. */
    public static final String MEDIA_TYPES = Arrays.stream(values()).map(Format::baseType)
            .collect(Collectors.joining(", "));

    private final String wireName;
    private final String mediaType;
    private final String etagVariant;

    Format(String wireName, String mediaType, String etagVariant) {
        this.wireName = wireName;
        this.mediaType = mediaType;
        this.etagVariant = etagVariant;
    }

    /** The value of {@code ?format=} that chooses this representation. */
    public String wireName() {
        return wireName;
    }

    /** The {@code Content-Type} of the representation. */
    public String mediaType() {
        return mediaType;
    }

    /** The media type without parameters, as {@code Accept} names it. */
    public String baseType() {
        int semicolon = mediaType.indexOf(';');
        return semicolon < 0 ? mediaType : mediaType.substring(0, semicolon);
    }

    /** Whether the representation names the article's web page (JSON-LD {@code url}, ninjs {@code uri}). */
    public boolean linksToWebPage() {
        return this == JSONLD || this == NINJS;
    }

    /** What ends the entity tag of this representation: {@code "<id>-v<version>-<variant>"}. */
    public String etagVariant() {
        return etagVariant;
    }

    public static Optional<Format> fromWire(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
    }

    private record Range(String type, String subtype, double quality, int position) {
        /** 3 for type/subtype, 2 for type/*, 1 for *&#47;*, 0 when it does not match. */
        int specificity(String mediaType) {
            int slash = mediaType.indexOf('/');
            String t = mediaType.substring(0, slash);
            String s = mediaType.substring(slash + 1);
            if (type.equals("*")) {
                return subtype.equals("*") ? 1 : 0;
            }
            if (!type.equals(t)) {
                return 0;
            }
            return subtype.equals("*") ? 2 : subtype.equals(s) ? 3 : 0;
        }
    }

    /**
     * The representation a client prefers, given its {@code Accept} header: for each format, the quality of the most
     * specific range that matches it; the highest quality wins, then the range the client listed first, then the
     * order of this enum (so {@code *}{@code /*} and no header at all give JSON). Empty when every format has quality
     * 0: nothing acceptable can be made (406).
     */
    public static Optional<Format> preferred(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(JSON);
        }
        List<Range> ranges = parse(accept);
        if (ranges.isEmpty()) {
            return Optional.of(JSON);
        }
        Format best = null;
        double bestQuality = 0;
        int bestPosition = Integer.MAX_VALUE;
        for (Format format : values()) {
            Range match = null;
            int specificity = 0;
            for (Range range : ranges) {
                int s = range.specificity(format.baseType());
                if (s > specificity) {
                    specificity = s;
                    match = range;
                }
            }
            if (match == null || match.quality() <= 0) {
                continue;
            }
            if (match.quality() > bestQuality || match.quality() == bestQuality && match.position() < bestPosition) {
                best = format;
                bestQuality = match.quality();
                bestPosition = match.position();
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<Range> parse(String accept) {
        List<Range> ranges = new java.util.ArrayList<>();
        String[] parts = accept.split(",");
        for (int i = 0; i < parts.length; i++) {
            String[] pieces = parts[i].split(";");
            String type = pieces[0].strip().toLowerCase(Locale.ROOT);
            int slash = type.indexOf('/');
            if (slash <= 0 || slash == type.length() - 1) {
                continue;
            }
            double quality = 1;
            for (int p = 1; p < pieces.length; p++) {
                String parameter = pieces[p].strip();
                if (parameter.length() > 2 && (parameter.startsWith("q=") || parameter.startsWith("Q="))) {
                    quality = quality(parameter.substring(2).strip());
                }
            }
            ranges.add(new Range(type.substring(0, slash).strip(), type.substring(slash + 1).strip(), quality, i));
        }
        return ranges;
    }

    /** A qvalue (RFC 9110, section 12.4.2): 0 to 1 with up to three decimals; anything else counts as 0. */
    private static double quality(String value) {
        if (!value.matches("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?")) {
            return 0;
        }
        return Double.parseDouble(value);
    }
}
