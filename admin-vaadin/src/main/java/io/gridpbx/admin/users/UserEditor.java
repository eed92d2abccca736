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
import io.gridpbx.core.manage.ProfileChoice;
import io.gridpbx.core.manage.UserAdmin;
import io.gridpbx.core.manage.UserForm;
import io.gridpbx.core.tenancy.User;
import java.util.List;

/**
 * The user form of the add dialog and the edit page; on an edit, blank secrets keep the current ones.
 * The profiles offered are the reseller's ({@link #offer}); a blank display name takes the person's name.
 */
final class UserEditor extends FormLayout implements Editor<UserAdmin.Row> {

    final TextField extension = Fields.text("extension", "user.extension");
    final TextField firstName = Fields.text("first-name", "user.first-name");
    final TextField lastName = Fields.text("last-name", "user.last-name");
    final TextField displayName = Fields.text("display-name", "user.display-name");
    final PasswordField sipPassword = Fields.password("sip-password", "user.sip-password");
    final EmailField loginEmail = Fields.email("login-email", "user.login-email");
    final PasswordField portalPassword = Fields.password("portal-password", "user.portal-password");
    final ComboBox<String> language = LanguageFields.languageCode("language");
    final ComboBox<ProfileChoice> profile = new ComboBox<>(getTranslation("user.profile"));
    final TextField department = Fields.text("department", "user.department");
    final TextField mac = Fields.text("mac", "user.mac");
    final FormErrors errors = new FormErrors("form-error").bind("extension", extension)
            .bind("firstName", firstName).bind("lastName", lastName).bind("displayName", displayName)
            .bind("sipPassword", sipPassword).bind("email", loginEmail).bind("portalPassword", portalPassword)
            .bind("language", language).bind("profile", profile).bind("department", department).bind("mac", mac);
    private List<ProfileChoice> profiles = List.of();

    UserEditor() {
        language.setLabel(getTranslation("field.language"));
        language.setHelperText(getTranslation("user.language.help"));
        loginEmail.setHelperText(getTranslation("user.login-email.help"));
        displayName.setHelperText(getTranslation("user.display-name.help"));
        profile.setId("profile");
        profile.setItemLabelGenerator(ProfileChoice::name);
        profile.setClearButtonVisible(true);
        profile.setHelperText(getTranslation("user.profile.help"));
        mac.setPlaceholder("00:11:22:aa:bb:cc");
        add(extension, firstName, lastName, displayName, sipPassword, loginEmail, portalPassword, language, profile,
                department, mac, errors.general());
        setColspan(errors.general(), 2);
    }

    /** The user profiles the user may have: its reseller's. */
    void offer(List<ProfileChoice> choices) {
        profiles = List.copyOf(choices);
        profile.setItems(profiles);
    }

    /** Fills the form to edit a user: its extension is its identity and stays as it is. */
    @Override
    public void edit(UserAdmin.Row row) {
        User user = row.user();
        String login = row.login();
        extension.setValue(user.extension());
        extension.setReadOnly(true);
        firstName.setValue(nz(user.firstName()));
        lastName.setValue(nz(user.lastName()));
        // A display name that is the person's name shows blank, so that it follows a change of name.
        displayName.setValue(user.displayName().equals(user.fullName()) ? "" : user.displayName());
        loginEmail.setValue(login == null ? "" : login);
        language.setValue(user.language());
        // A profile the reseller deleted since is no longer offered: the next save drops it.
        profile.setValue(profiles.stream().filter(p -> p.id().equals(user.profile())).findFirst().orElse(null));
        department.setValue(nz(user.department()));
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
        ProfileChoice chosen = profile.getValue();
        return new UserForm(extension.getValue(), displayName.getValue(), sipPassword.getValue(),
                loginEmail.getValue(), portalPassword.getValue(), language.getValue(), department.getValue(),
                mac.getValue(), firstName.getValue(), lastName.getValue(), chosen == null ? null : chosen.id());
    }

    private static String nz(@org.jspecify.annotations.Nullable String text) {
        return text == null ? "" : text;
    }
}
