package io.gridpbx.admin.shared;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import io.gridpbx.admin.i18n.ErrorTexts;
import io.gridpbx.core.manage.FieldError;
import io.gridpbx.core.manage.ValidationException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Puts each {@link FieldError} of a refused form next to its field (by the service's field name),
 * translated; an error for a field the screen does not show goes into one general line.
 */
public final class FormErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Div general = new Div();

    public FormErrors(String generalId) {
        general.setId(generalId);
        general.addClassName("form-error");
        general.setVisible(false);
    }

    /** Binds a service field name to the component that shows it; the screen validates nothing itself. */
    public FormErrors bind(String field, HasValidation component) {
        component.setManualValidation(true);
        fields.put(field, component);
        return this;
    }

    public Div general() {
        return general;
    }

    public void clear() {
        fields.values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
        general.setText("");
        general.setVisible(false);
    }

    public void show(ValidationException refused, Locale locale) {
        clear();
        StringBuilder unplaced = new StringBuilder();
        for (FieldError error : refused.errors()) {
            HasValidation field = fields.get(error.field());
            if (field == null) {
                unplaced.append(unplaced.isEmpty() ? "" : " ").append(ErrorTexts.of(error, locale));
            } else {
                field.setErrorMessage(ErrorTexts.of(error, locale));
                field.setInvalid(true);
            }
        }
        showGeneral(unplaced.toString());
    }

    /**
     * Runs a save. Accepted, the errors clear and the answer is true; refused by the service, its errors
     * show next to their fields and the answer is false.
     */
    public boolean attempt(Runnable save) {
        try {
            save.run();
            clear();
            return true;
        } catch (ValidationException refused) {
            show(refused, locale());
            return false;
        }
    }

    private static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? Locale.ENGLISH : ui.getLocale();
    }

    public void showGeneral(String text) {
        general.setText(text);
        general.setVisible(!text.isEmpty());
    }

    /** The fields now shown as invalid, by service field name, with their messages (for tests and logs). */
    public Map<String, String> shown() {
        return fields.entrySet().stream().filter(e -> e.getValue().isInvalid())
                .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue().getErrorMessage())));
    }
}
