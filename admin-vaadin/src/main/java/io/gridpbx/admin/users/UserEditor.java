package io.gridpbx.admin.users;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.gridpbx.admin.i18n.LanguageFields;
import io.gridpbx.admin.shared.Editor;
import io.gridpbx.admin.shared.Fields;
import io.gridpbx.admin.shared.FormErrors;
import io.gridpbx.core.manage.UserAdmin;
import io.gridpbx.core.manage.UserForm;
import io.gridpbx.core.tenancy.User;

/** The user form of the add dialog and the edit page; on an edit, blank secrets keep the current ones. */
final class UserEditor extends FormLayout implements Editor<UserAdmin.Row> {

    final TextField extension = Fields.text("extension", "user.extension");
    final TextField displayName = Fields.text("display-name", "user.display-name");
    final PasswordField sipPassword = Fields.password("sip-password", "user.sip-password");
    final EmailField loginEmail = Fields.email("login-email", "user.login-email");
    final PasswordField portalPassword = Fields.password("portal-password", "user.portal-password");
    final ComboBox<String> language = LanguageFields.languageCode("language");
    final TextField department = Fields.text("department", "user.department");
    final TextField mac = Fields.text("mac", "user.mac");
    final FormErrors errors = new FormErrors("form-error").bind("extension", extension)
            .bind("displayName", displayName).bind("sipPassword", sipPassword).bind("email", loginEmail)
            .bind("portalPassword", portalPassword).bind("language", language).bind("department", department)
            .bind("mac", mac);

    UserEditor() {
        language.setLabel(getTranslation("field.language"));
        language.setHelperText(getTranslation("user.language.help"));
        loginEmail.setHelperText(getTranslation("user.login-email.help"));
        mac.setPlaceholder("00:11:22:aa:bb:cc");
        add(extension, displayName, sipPassword, loginEmail, portalPassword, language, department, mac,
                errors.general());
        setColspan(errors.general(), 2);
    }

    /** Fills the form to edit a user: its extension is its identity and stays as it is. */
    @Override
    public void edit(UserAdmin.Row row) {
        User user = row.user();
        String login = row.login();
        extension.setValue(user.extension());
        extension.setReadOnly(true);
        displayName.setValue(user.displayName());
        loginEmail.setValue(login == null ? "" : login);
        language.setValue(user.language());
        department.setValue(user.department() == null ? "" : user.department());
        mac.setValue(Macs.display(user.mac()));
        sipPassword.clear();
        portalPassword.clear();
        sipPassword.setHelperText(getTranslation("field.password.keep"));
        portalPassword.setHelperText(getTranslation("field.password.keep"));
    }

    @Override
    public FormErrors errors() {
        return errors;
    }

    UserForm form() {
        return new UserForm(extension.getValue(), displayName.getValue(), sipPassword.getValue(),
                loginEmail.getValue(), portalPassword.getValue(), language.getValue(), department.getValue(),
                mac.getValue());
    }
}
