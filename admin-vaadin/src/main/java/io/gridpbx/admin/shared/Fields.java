package io.gridpbx.admin.shared;

import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.I18NProvider;

/** Form fields with their element id and translated label. */
public final class Fields {

    private Fields() {
    }

    public static TextField text(String id, String labelKey) {
        TextField field = new TextField(I18NProvider.translate(labelKey));
        field.setId(id);
        return field;
    }

    public static EmailField email(String id, String labelKey) {
        EmailField field = new EmailField(I18NProvider.translate(labelKey));
        field.setId(id);
        return field;
    }

    /** Whether a new password was typed the same twice; if not, the second field says so. */
    public static boolean confirmed(PasswordField password, PasswordField confirm) {
        if (password.getValue().equals(confirm.getValue())) {
            return true;
        }
        confirm.setErrorMessage(I18NProvider.translate("reset.mismatch"));
        confirm.setInvalid(true);
        return false;
    }

    public static PasswordField password(String id, String labelKey) {
        PasswordField field = new PasswordField(I18NProvider.translate(labelKey));
        field.setId(id);
        return field;
    }
}
