package io.gridpbx.core.manage;

import java.util.ArrayList;
import java.util.List;

/** Collects the field errors of a form, then throws them all at once, or lets the save go ahead. */
final class Errors {

    private final List<FieldError> errors = new ArrayList<>();

    Errors check(boolean ok, String field, String code, String message) {
        if (!ok && errors.stream().noneMatch(e -> e.field().equals(field))) {
            errors.add(FieldError.of(field, code, message));
        }
        return this;
    }

    boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    static boolean blank(@org.jspecify.annotations.Nullable String text) {
        return text == null || text.isBlank();
    }
}
