package io.gridpbx.core.manage;

import java.util.List;

/** A form with at least one bad field; nothing was saved. */
public final class ValidationException extends RuntimeException {

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(describe(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure names at least one field");
        }
        this.errors = List.copyOf(errors);
    }

    public ValidationException(FieldError error) {
        this(List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        StringBuilder text = new StringBuilder("invalid:");
        errors.forEach(e -> text.append(' ').append(e.field()).append(" (").append(e.message()).append(')'));
        return text.toString();
    }
}
