package dev.khabar.article;

import java.util.UUID;

/** A write gives an article the external id that another article already has. */
public class ExternalIdTakenException extends RuntimeException {
    private final String externalId;
    private final UUID holder;

    public ExternalIdTakenException(String externalId, UUID holder) {
        super("The external id '" + externalId + "' already belongs to the article " + holder + ".", null, false, false);
        this.externalId = externalId;
        this.holder = holder;
    }

    public String externalId() {
        return externalId;
    }

    /** The article that has it. */
    public UUID holder() {
        return holder;
    }
}
