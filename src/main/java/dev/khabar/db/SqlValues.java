package dev.khabar.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.persistence.Query;

/** Helpers for native queries: binding named parameters and reading the values Hibernate returns. */
public final class SqlValues {

    private SqlValues() {
    }

    public static Query bind(Query query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }

    /** A {@code timestamptz} column of a native query, whichever Java type the driver and Hibernate chose for it. */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
