package io.gridpbx.core.manage;

/**
 * What is wrong with one field of a form.
 *
 * @param code    a stable key that a screen translates ({@code error.<code>} in its bundles)
 * @param message the English text, for the REST API and as the fallback
 */
public record FieldError(String field, String code, String message) {

    public static FieldError of(String field, String code, String message) {
        return new FieldError(field, code, message);
    }
}
