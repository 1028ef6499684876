package dev.khabar.article;

import java.util.UUID;

/** The article exists, but has no revision with that number. */
public class RevisionNotFoundException extends RuntimeException {

    public RevisionNotFoundException(UUID article, int version) {
        super("The article '" + article + "' has no revision " + version + ".", null, false, false);
    }
}
