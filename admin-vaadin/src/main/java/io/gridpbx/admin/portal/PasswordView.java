package io.gridpbx.admin.portal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.shared.Fields;
import io.gridpbx.admin.shared.FormErrors;
import io.gridpbx.admin.shared.Notices;
import io.gridpbx.core.access.SignIn;

/**
 * Changes the sign-in password of the person signed in (every level). Connected as someone else, it is
 * still one's own password that changes, so the page names the account.
 */
@Route(value = "portal/password", layout = MainLayout.class)
class PasswordView extends VerticalLayout implements HasDynamicTitle {

    final PasswordField current = Fields.password("current-password", "password.current");
    final PasswordField password = Fields.password("new-password", "password.new");
    final PasswordField confirm = Fields.password("confirm-password", "password.confirm");
    final Button change = new Button(getTranslation("password.change"));
    final FormErrors errors = new FormErrors("form-error").bind("current", current).bind("password", password)
            .bind("confirm", confirm);
    private final SignIn signIn;

    PasswordView(SignIn signIn) {
        this.signIn = signIn;
        change.setId("change-password");
        change.addThemeVariants(ButtonVariant.PRIMARY);
        change.addClickListener(click -> change());
        add(new H2(getTranslation("nav.password")),
                new Paragraph(getTranslation("password.for", AdminSession.require().email())),
                new FormLayout(current, password, confirm, errors.general()), change);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.password") + " · GridPBX";
    }

    private void change() {
        errors.clear();
        if (Fields.confirmed(password, confirm)) {
            errors.attempt(() -> {
                signIn.changePassword(AdminSession.require(), current.getValue(), password.getValue());
                AdminSession.forgetStamp();
                current.clear();
                password.clear();
                confirm.clear();
                Notices.success(getTranslation("password.changed"));
            });
        }
    }
}
