package dev.khabar.article.validation;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import dev.khabar.article.FieldError;

/** Turns Bean Validation results into field errors addressed by JSON Pointer ({@code /sections/2/bullets/0}). */
public final class Violations {

    private Violations() {
    }

    public static List<FieldError> toFieldErrors(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new FieldError(pointer(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::pointer).thenComparing(FieldError::detail))
                .toList();
    }

    /** The JSON Pointer of a property path, skipping the method and parameter nodes of a method validation. */
    public static String pointer(Path path) {
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.PARAMETER || kind == ElementKind.RETURN_VALUE
                    || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.BEAN) {
                continue;
            }
            if (node.isInIterable()) {
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (at != null) {
                    pointer.append('/').append(escape(at.toString()));
                }
            }
            if (kind == ElementKind.PROPERTY && node.getName() != null) {
                pointer.append('/').append(escape(node.getName()));
            }
        }
        return pointer.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
