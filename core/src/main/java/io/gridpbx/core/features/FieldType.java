package io.gridpbx.core.features;

/** What a configuration field holds, and so how it is checked and shown. */
public enum FieldType {
    /** Free text up to {@code max} characters. */
    TEXT,
    /** A whole number from {@code min} to {@code max}. */
    INTEGER,
    /** true or false. */
    BOOLEAN,
    /** One of {@code choices}. */
    CHOICE,
    /** An extension of the owning client. */
    EXTENSION,
    /** A comma-separated list of the owning client's extensions, in order. */
    EXTENSIONS,
    /** A dialable number or a sip: URI. */
    DESTINATION,
    /** Dialled digits, * and #. */
    DIGITS,
    /** An amount of money with up to 6 decimals. */
    MONEY,
    /** An http(s) URL. */
    URL
}
