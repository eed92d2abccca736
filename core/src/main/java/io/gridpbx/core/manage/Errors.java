package io.gridpbx.core.manage;

import java.util.ArrayList;
import java.util.List;

/** Collects the field errors of a form, then throws them all at once, or lets the save go ahead. */
public final class Errors {

    private final List<FieldError> errors = new ArrayList<>();

    public Errors check(boolean ok, String field, String code, String message) {
        if (!ok && errors.stream().noneMatch(e -> e.field().equals(field))) {
            errors.add(FieldError.of(field, code, message));
        }
        return this;
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    public static boolean blank(@org.jspecify.annotations.Nullable String text) {
        return text == null || text.isBlank();
    }
}
