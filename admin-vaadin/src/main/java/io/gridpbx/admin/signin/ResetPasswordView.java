package io.gridpbx.admin.signin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.gridpbx.admin.security.PublicView;
import io.gridpbx.admin.shared.Fields;
import io.gridpbx.admin.shared.FormErrors;
import io.gridpbx.core.access.SignIn;

/** Sets a new password from the link of a reset mail ({@code reset-password?token=...}). */
@Route("reset-password")
@PublicView
class ResetPasswordView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final PasswordField password = Fields.password("password", "reset.new");
    final PasswordField confirm = Fields.password("confirm-password", "reset.confirm");
    final Button reset = new Button(getTranslation("reset.submit"));
    final Paragraph done = new Paragraph(getTranslation("reset.done"));
    final FormErrors errors = new FormErrors("reset-error").bind("password", password).bind("confirm", confirm);
    private final SignIn service;
    private String token = "";

    ResetPasswordView(SignIn service) {
        this.service = service;
        addClassName("sign-in-page");
        setAlignItems(Alignment.CENTER);
        reset.setId("reset");
        reset.addThemeVariants(ButtonVariant.PRIMARY);
        reset.addClickListener(click -> reset());
        done.setId("reset-done");
        done.setVisible(false);
        RouterLink back = new RouterLink(getTranslation("forgot.back"), SignInView.class);
        back.setId("back-to-sign-in");
        VerticalLayout card = new VerticalLayout(new H1(getTranslation("reset.title")), password, confirm,
                errors.general(), reset, done, back);
        card.addClassName("sign-in-card");
        card.setWidth("22rem");
        password.setWidthFull();
        confirm.setWidthFull();
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reset.title") + " · GridPBX";
    }

    private void reset() {
        errors.clear();
        if (Fields.confirmed(password, confirm)) {
            errors.attempt(() -> {
                service.resetPassword(token, password.getValue());
                reset.setEnabled(false);
                done.setVisible(true);
            });
        }
    }
}
