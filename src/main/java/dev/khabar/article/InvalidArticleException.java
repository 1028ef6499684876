package dev.khabar.article;

import java.util.List;

/** A submitted article breaks a rule; carries every field at fault. */
public class InvalidArticleException extends RuntimeException {
    private final List<FieldError> errors;

    public InvalidArticleException(List<FieldError> errors) {
        super(errors.size() + " invalid field(s), first: " + errors.get(0).pointer() + " " + errors.get(0).detail());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
