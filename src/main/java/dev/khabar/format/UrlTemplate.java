package dev.khabar.format;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The address of an article's public web page, from a template such as {@code https://news.example/{lang}/{slug}}
 * ({@code content.article-url-template}). Placeholders: {@code {id}}, {@code {lang}}, {@code {slug}},
 * {@code {category}} (the category's slug), and {@code {yyyy}}, {@code {mm}}, {@code {dd}} of the publication date in
 * UTC. Values are percent-encoded as path segments (UTF-8, RFC 3986), so an Arabic slug gives an address every feed
 * reader and crawler accepts.
 */
public final class UrlTemplate {

    /** What a template can say about one article. */
    public record Values(UUID id, String language, String slug, String category, Instant publishedAt) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Map<String, Function<Values, String>> VALUES = Map.of(
            "id", v -> v.id().toString(),
            "lang", Values::language,
            "slug", Values::slug,
            "category", Values::category,
            "yyyy", v -> String.format("%04d", date(v).getYear()),
            "mm", v -> String.format("%02d", date(v).getMonthValue()),
            "dd", v -> String.format("%02d", date(v).getDayOfMonth()));
    private static final Set<String> NEEDS_ONE_OF = Set.of("id", "slug");

    private final List<String> literals;
    private final List<Function<Values, String>> placeholders;

    private UrlTemplate(List<String> literals, List<Function<Values, String>> placeholders) {
        this.literals = literals;
        this.placeholders = placeholders;
    }

    /**
     * Reads a template; refuses one that is not an absolute http(s) address, names an unknown placeholder, or names
     * neither {@code {id}} nor {@code {slug}} (every article would get the same address).
     */
    public static UrlTemplate parse(String template) {
        List<String> literals = new ArrayList<>();
        List<Function<Values, String>> placeholders = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        boolean identifies = false;
        while (m.find()) {
            Function<Values, String> value = VALUES.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("content.article-url-template: unknown placeholder {" + m.group(1)
                        + "}; known are " + VALUES.keySet().stream().sorted().map(k -> "{" + k + "}").toList() + ".");
            }
            identifies |= NEEDS_ONE_OF.contains(m.group(1));
            literals.add(template.substring(at, m.start()));
            placeholders.add(value);
            at = m.end();
        }
        literals.add(template.substring(at));
        if (!identifies) {
            throw new IllegalArgumentException("content.article-url-template must contain {slug} or {id}: '" + template
                    + "' would give every article the same address.");
        }
        String sample = new UrlTemplate(literals, placeholders)
                .expand(new Values(new UUID(0, 0), "en", "x", "x", Instant.EPOCH));
        try {
            URI uri = new URI(sample);
            if (!uri.isAbsolute() || !List.of("http", "https").contains(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("content.article-url-template must be an absolute http(s) address, "
                        + "was '" + template + "'.");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("content.article-url-template is not a valid address: " + e.getMessage());
        }
        return new UrlTemplate(List.copyOf(literals), List.copyOf(placeholders));
    }

    public String expand(Values values) {
        StringBuilder url = new StringBuilder(literals.get(0));
        for (int i = 0; i < placeholders.size(); i++) {
            url.append(encodeSegment(placeholders.get(i).apply(values))).append(literals.get(i + 1));
        }
        return url.toString();
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters, UTF-8 byte by byte. */
    public static String encodeSegment(String value) {
        StringBuilder out = new StringBuilder(value.length() * 2);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static ZonedDateTime date(Values v) {
        return (v.publishedAt() == null ? Instant.EPOCH : v.publishedAt()).atZone(ZoneOffset.UTC);
    }
}
