package dev.khabar.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.khabar.article.ArticleState;
import dev.khabar.article.Dates;
import dev.khabar.text.Languages;

/** Parsing of query and path parameters: every bad value is a 400 naming the parameter, never a 404 or a 500. */
public final class Params {

    public static final int MAX_VALUES = 50;
    public static final int MAX_VALUE_LENGTH = 200;

    private Params() {
    }

    public static int limit(String value, int defaultLimit, int max) {
        if (value == null || value.isBlank()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit < 1 || limit > max) {
                throw ProblemException.badParameter("limit", "must be between 1 and " + max + ", was " + limit + ".");
            }
            return limit;
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter("limit", "must be an integer between 1 and " + max + ".");
        }
    }

    /** RFC 3339 date-time (any offset), or a full date meaning midnight UTC. */
    public static Optional<Instant> instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        Instant at;
        try {
            at = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                at = LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notDate) {
                throw ProblemException.badParameter(name, "must be an RFC 3339 date-time such as 2026-11-29T08:30:00Z "
                        + "or a date such as 2026-11-29.");
            }
        }
        if (!Dates.inRange(at)) {
            throw ProblemException.badParameter(name, "must be between the years 1 and 9999.");
        }
        return Optional.of(at);
    }

    /** Repeated values of one parameter, each also allowed to hold a comma-separated list. */
    public static List<String> values(String name, List<String> raw) {
        List<String> values = raw == null ? List.of() : raw.stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
        if (values.size() > MAX_VALUES) {
            throw ProblemException.badParameter(name, "may hold at most " + MAX_VALUES + " values.");
        }
        values.stream().filter(v -> v.length() > MAX_VALUE_LENGTH).findAny().ifPresent(v -> {
            throw ProblemException.badParameter(name, "values may be at most " + MAX_VALUE_LENGTH + " characters.");
        });
        return values;
    }

    /** A BCP 47 language tag, normalised ({@code EN-gb} to {@code en-GB}). */
    public static Optional<String> language(String lang) {
        if (lang == null || lang.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Languages.normalise(lang).orElseThrow(() -> ProblemException.badParameter("lang",
                "must be a BCP 47 language tag such as ar, en or en-GB.")));
    }

    /**
     * The language ranges of an {@code Accept-Language} header, most preferred first; a header that cannot be parsed
     * is ignored, as RFC 9110 allows.
     */
    public static List<Locale.LanguageRange> languageRanges(String header) {
        if (header == null || header.isBlank() || header.length() > MAX_VALUE_LENGTH) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /** An article id; anything that is not a UUID cannot name an article, so it is a 404 like any unknown id. */
    /** A workflow status as the API writes it ({@code draft}, {@code scheduled}...); blank means none. */
    public static Optional<ArticleState> state(String name, String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank()).map(v -> ArticleState.fromWire(v.strip())
                .orElseThrow(() -> ProblemException.badParameter(name, "must be " + ArticleState.WIRE_VALUES + ".")));
    }

    public static Optional<UUID> uuid(String value) {
        if (value == null || value.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
