package dev.khabar.article;

import java.util.Set;

/**
 * What a conditional write expects of the article (from {@code If-Match}): any version, or one of these. A write whose
 * expectation fails is not applied.
 */
public record VersionCheck(boolean any, Set<Integer> versions) {

    public static final VersionCheck ANY = new VersionCheck(true, Set.of());

    public static VersionCheck oneOf(Set<Integer> versions) {
        return new VersionCheck(false, Set.copyOf(versions));
    }

    public boolean accepts(int version) {
        return any || versions.contains(version);
    }
}
