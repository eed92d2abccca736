package io.gridpbx.admin.features;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.I18NProvider;
import io.gridpbx.admin.i18n.AdminTranslations;
import io.gridpbx.core.features.FieldSpec;
import io.gridpbx.core.features.FieldType;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One field of a generated form ({@code cfg-<name>}, label {@code field.<name>}): the component its
 * type calls for, and how its value travels as the service's text (booleans {@code true}/{@code false},
 * numbers in decimal, blank for none).
 */
record ConfigField(FieldSpec spec, AbstractField<?, ?> component, Supplier<String> read, Consumer<String> write) {

    private static final int LONG_TEXT = 255;

    HasValidation validation() {
        return (HasValidation) component;
    }

    /** Long text: a text area across the form, and no column in a list. */
    static boolean wide(FieldSpec spec) {
        return spec.type() == FieldType.TEXT && spec.max() > LONG_TEXT;
    }

    static ConfigField of(FieldSpec spec, Locale locale) {
        String label = I18NProvider.translate("field." + spec.name());
        ConfigField field = switch (spec.type()) {
            case BOOLEAN -> checkbox(spec, label);
            case INTEGER -> integer(spec, label);
            case CHOICE -> choice(spec, label, locale);
            case TEXT -> wide(spec) ? area(spec, label) : text(spec, label);
            case DIGITS, DESTINATION, EXTENSION, EXTENSIONS, MONEY, URL -> text(spec, label);
        };
        field.component().setId("cfg-" + spec.name());
        field.component().setRequiredIndicatorVisible(spec.required());
        return field;
    }

    /** A stored value as a list shows it: yes/no, a choice's label, the text itself. */
    static String display(FieldSpec spec, String value, Locale locale) {
        return switch (spec.type()) {
            case BOOLEAN -> AdminTranslations.find(Boolean.parseBoolean(value) ? "value.yes" : "value.no", locale)
                    .orElse(value);
            case CHOICE -> choiceLabel(value, locale);
            default -> value;
        };
    }

    private static String choiceLabel(String value, Locale locale) {
        return AdminTranslations.find("choice." + value, locale).orElse(value);
    }

    private static ConfigField checkbox(FieldSpec spec, String label) {
        Checkbox box = new Checkbox(label);
        return new ConfigField(spec, box, () -> Boolean.toString(box.getValue()),
                value -> box.setValue(Boolean.parseBoolean(value)));
    }

    private static ConfigField integer(FieldSpec spec, String label) {
        // No min or max on the component: the service checks the range and says so next to the field.
        IntegerField number = new IntegerField(label);
        number.setHelperText(I18NProvider.translate("config.range", spec.min(), spec.max()));
        return new ConfigField(spec, number, () -> number.getValue() == null ? "" : number.getValue().toString(),
                value -> number.setValue(parse(value)));
    }

    private static ConfigField choice(FieldSpec spec, String label, Locale locale) {
        ComboBox<String> box = new ComboBox<>(label);
        box.setItems(spec.choices());
        box.setItemLabelGenerator(value -> choiceLabel(value, locale));
        box.setAllowCustomValue(false);
        return new ConfigField(spec, box, () -> box.getValue() == null ? "" : box.getValue(),
                value -> box.setValue(spec.choices().contains(value) ? value : null));
    }

    private static ConfigField text(FieldSpec spec, String label) {
        TextField text = new TextField(label);
        if (spec.type() == FieldType.TEXT) {
            text.setMaxLength((int) spec.max());
        } else {
            text.setHelperText(I18NProvider.translate("config.type." + spec.type().name().toLowerCase(Locale.ROOT)));
        }
        return new ConfigField(spec, text, text::getValue, text::setValue);
    }

    private static ConfigField area(FieldSpec spec, String label) {
        TextArea area = new TextArea(label);
        area.setMaxLength((int) spec.max());
        return new ConfigField(spec, area, area::getValue, area::setValue);
    }

    private static Integer parse(String value) {
        try {
            return value.isBlank() ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
