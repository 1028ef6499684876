package dev.khabar.bulk;

import java.util.UUID;

/**
 * What became of one line of a bulk import: written ({@code status} 201 created, 200 updated or unchanged, with the
 * article's id and version), or refused with the exception a single-article request would have raised.
 */
public record Outcome(int line, int status, UUID id, int version, boolean unchanged, Exception error) {

    public static Outcome created(int line, UUID id, int version) {
        return new Outcome(line, 201, id, version, false, null);
    }

    public static Outcome updated(int line, UUID id, int version, boolean unchanged) {
        return new Outcome(line, 200, id, version, unchanged, null);
    }

    public static Outcome failed(int line, Exception error) {
        return new Outcome(line, 0, null, 0, false, error);
    }

    public boolean written() {
        return error == null;
    }
}
