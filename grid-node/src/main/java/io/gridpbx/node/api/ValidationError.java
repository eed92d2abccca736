package io.gridpbx.node.api;

import io.gridpbx.core.manage.FieldError;
import java.util.List;

/** The body of a 400 for a request with bad fields: each field, a stable code and English text; nothing was saved. */
record ValidationError(String error, List<Field> fields) {

    record Field(String field, String code, String message) {
    }

    static ValidationError of(List<FieldError> errors) {
        return new ValidationError("validation",
                errors.stream().map(e -> new Field(e.field(), e.code(), e.message())).toList());
    }

    static ValidationError of(String field, String code, String message) {
        return of(List.of(FieldError.of(field, code, message)));
    }
}
