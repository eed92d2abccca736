package io.gridpbx.core.features;

import java.util.List;

/**
 * One field of a configuration kind: its name (also the key of its label, {@code field.<name>}),
 * its type, whether it is required, and for the types that need them, limits or choices.
 */
public record FieldSpec(String name, FieldType type, boolean required, long min, long max, List<String> choices) {

    public FieldSpec {
        choices = List.copyOf(choices);
    }

    static FieldSpec text(String name, boolean required, int maxLength) {
        return new FieldSpec(name, FieldType.TEXT, required, 0, maxLength, List.of());
    }

    static FieldSpec number(String name, boolean required, long min, long max) {
        return new FieldSpec(name, FieldType.INTEGER, required, min, max, List.of());
    }

    static FieldSpec flag(String name) {
        return new FieldSpec(name, FieldType.BOOLEAN, false, 0, 0, List.of());
    }

    static FieldSpec choice(String name, String... choices) {
        return new FieldSpec(name, FieldType.CHOICE, true, 0, 0, List.of(choices));
    }

    static FieldSpec of(String name, FieldType type, boolean required) {
        return new FieldSpec(name, type, required, 0, 0, List.of());
    }
}
