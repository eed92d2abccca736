package io.gridpbx.admin.features;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.I18NProvider;
import io.gridpbx.admin.i18n.AdminTranslations;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.FieldSpec;
import io.gridpbx.core.features.FieldType;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One field of a generated form ({@code cfg-<name>}): the component its type calls for, and how its
 * value travels as the service's text (booleans {@code true}/{@code false}, numbers in decimal, blank
 * for none). Its label is {@code field.<kind>.<name>} where a kind words a shared field its own way
 * (a client billing's {@code mode} is not music on hold's), else {@code field.<name>}; its help, likewise
 * {@code field.<kind>.<name>.help} or {@code field.<name>.help}, else what its type expects.
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

    static ConfigField of(ConfigKind kind, FieldSpec spec, Locale locale) {
        String label = label(kind, spec, locale);
        ConfigField field = switch (spec.type()) {
            case BOOLEAN -> checkbox(spec, label);
            case INTEGER -> integer(spec, label);
            case CHOICE -> choice(spec, label, locale);
            case TEXT -> wide(spec) ? area(spec, label) : text(spec, label);
            case DIGITS, DESTINATION, EXTENSION, EXTENSIONS, MONEY, URL -> text(spec, label);
        };
        help(kind, spec, locale).ifPresent(help -> ((HasHelper) field.component()).setHelperText(help));
        field.component().setId("cfg-" + spec.name());
        field.component().setRequiredIndicatorVisible(spec.required());
        return field;
    }

    /** The field's label in forms and its column's header in lists. */
    static String label(ConfigKind kind, FieldSpec spec, Locale locale) {
        return AdminTranslations.find("field." + kind.path() + "." + spec.name(), locale)
                .orElseGet(() -> I18NProvider.translate(locale, "field." + spec.name()));
    }

    /** What the field is for, when the bundle says more than its type does; an integer's range stays. */
    private static Optional<String> help(ConfigKind kind, FieldSpec spec, Locale locale) {
        if (spec.type() == FieldType.INTEGER || spec.type() == FieldType.BOOLEAN) {
            return Optional.empty();
        }
        return AdminTranslations.find("field." + kind.path() + "." + spec.name() + ".help", locale)
                .or(() -> AdminTranslations.find("field." + spec.name() + ".help", locale));
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
