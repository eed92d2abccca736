package io.gridpbx.admin.features;

import com.vaadin.flow.component.formlayout.FormLayout;
import io.gridpbx.admin.shared.Editor;
import io.gridpbx.admin.shared.FormErrors;
import io.gridpbx.core.features.ConfigKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The form of one configuration kind, one field per declared {@link io.gridpbx.core.features.FieldSpec}, in order. */
final class ConfigForm extends FormLayout implements Editor<Map<String, String>> {

    final FormErrors errors = new FormErrors("form-error");
    private final List<ConfigField> fields;

    ConfigForm(ConfigKind kind, Locale locale) {
        fields = kind.fields().stream().map(spec -> ConfigField.of(kind, spec, locale)).toList();
        for (ConfigField field : fields) {
            add(field.component());
            errors.bind(field.spec().name(), field.validation());
            if (ConfigField.wide(field.spec())) {
                setColspan(field.component(), 2);
            }
        }
        add(errors.general());
        setColspan(errors.general(), 2);
    }

    @Override
    public FormErrors errors() {
        return errors;
    }

    /** Every field's value as the service takes it. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach(field -> values.put(field.spec().name(), field.read().get()));
        return values;
    }

    @Override
    public void edit(Map<String, String> values) {
        fields.forEach(field -> field.write().accept(values.getOrDefault(field.spec().name(), "")));
    }
}
