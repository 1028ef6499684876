package dev.khabar.article;

import java.util.List;

/** A write that the article's current state does not allow: an illegal transition, a second translation, ... */
public class ArticleConflictException extends RuntimeException {

    public enum Reason {
        /** The workflow forbids it: an illegal transition, or a status change outside the transitions. */
        WORKFLOW,
        /** The story already has an article in that language. */
        TRANSLATION_EXISTS
    }

    private final Reason reason;
    private final List<FieldError> errors;

    public ArticleConflictException(Reason reason, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.reason = reason;
        this.errors = List.copyOf(errors);
    }

    public Reason reason() {
        return reason;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
