package dev.khabar.access;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a key may do; each role may do everything the ones before it may. */
public enum Role {
    /** Reads drafts and scheduled articles (for preview); writes nothing. */
    PREVIEWER,
    /** Also writes articles. */
    EDITOR,
    /** Also manages keys and reads the audit log. */
    ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase();
    }

    public static Optional<Role> fromWire(String value) {
        return Arrays.stream(values()).filter(r -> r.wire().equals(value)).findFirst();
    }
}
