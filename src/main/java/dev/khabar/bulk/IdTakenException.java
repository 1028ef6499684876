package dev.khabar.bulk;

import java.util.UUID;

/** A bulk line would create an article with an id that another article has (one with another external id). */
public class IdTakenException extends RuntimeException {
    public IdTakenException(UUID id) {
        super("The id " + id + " belongs to an article with another external id (or none): a line with an external id "
                + "updates the article that has that external id, or creates one.", null, false, false);
    }
}
