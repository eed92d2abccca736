package io.gridpbx.admin.i18n;

import com.vaadin.flow.component.combobox.ComboBox;
import io.gridpbx.core.tenancy.Languages;
import java.util.Locale;

/** Language pickers. Each language is named in itself ("English", "Français"), whatever the screen's language. */
public final class LanguageFields {

    private LanguageFields() {
    }

    /** Picks the language of the screens. */
    public static ComboBox<Locale> localePicker(String id) {
        ComboBox<Locale> picker = new ComboBox<>();
        picker.setId(id);
        picker.setItems(AdminTranslations.LOCALES);
        picker.setItemLabelGenerator(LanguageFields::endonym);
        picker.setAllowCustomValue(false);
        return picker;
    }

    /** Picks the language code of an account or a tenant, as the services store it. */
    public static ComboBox<String> languageCode(String id) {
        ComboBox<String> field = new ComboBox<>();
        field.setId(id);
        field.setItems(Languages.SUPPORTED);
        field.setItemLabelGenerator(code -> endonym(AdminTranslations.of(code)));
        field.setAllowCustomValue(false);
        return field;
    }

    public static String endonym(Locale locale) {
        String name = locale.getDisplayLanguage(locale);
        return name.isEmpty() ? locale.getLanguage() : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
