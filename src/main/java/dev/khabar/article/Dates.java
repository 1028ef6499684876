package dev.khabar.article;

import java.time.Instant;

/** The instants the service stores and compares: years 1 to 9999, well inside what PostgreSQL can hold. */
public final class Dates {

    public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Dates() {
    }

    public static boolean inRange(Instant at) {
        return !at.isBefore(MIN) && !at.isAfter(MAX);
    }
}
