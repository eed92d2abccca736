package io.gridpbx.admin.signin;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import io.gridpbx.admin.i18n.AdminTranslations;
import io.gridpbx.admin.i18n.LanguageFields;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.security.Homes;
import io.gridpbx.admin.security.PublicView;
import io.gridpbx.core.access.Account;
import io.gridpbx.core.access.Actor;
import io.gridpbx.core.access.SignIn;
import io.gridpbx.core.access.SignInRefused;
import java.util.Locale;

/** The sign-in page; after it, the account's language is the screens' language and its level's home opens. */
@Route(Homes.SIGN_IN)
@PublicView
class SignInView extends VerticalLayout implements LocaleChangeObserver, BeforeEnterObserver, HasDynamicTitle {

    final ComboBox<Locale> language = LanguageFields.localePicker("language");
    final EmailField email = new EmailField();
    final PasswordField password = new PasswordField();
    final Button signIn = new Button();
    final Button forgotPassword = new Button();
    final Div error = new Div();
    private final H1 heading = new H1();
    private final SignIn service;

    SignInView(SignIn service) {
        this.service = service;
        addClassName("sign-in-page");
        setAlignItems(Alignment.CENTER);
        language.setValue(AdminTranslations.supported(UI.getCurrent().getLocale()));
        language.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                VaadinSession.getCurrent().setLocale(change.getValue());
            }
        });
        email.setId("email");
        email.setAutofocus(true);
        password.setId("password");
        signIn.setId("sign-in");
        signIn.addThemeVariants(ButtonVariant.PRIMARY);
        signIn.addClickShortcut(Key.ENTER);
        signIn.addClickListener(click -> signIn());
        forgotPassword.setId("forgot-password");
        forgotPassword.addThemeVariants(ButtonVariant.TERTIARY);
        forgotPassword.addClickListener(click -> UI.getCurrent().navigate(ForgotPasswordView.class));
        error.setId("sign-in-error");
        error.addClassName("form-error");
        error.setVisible(false);
        VerticalLayout card = new VerticalLayout(heading, language, email, password, error, signIn, forgotPassword);
        card.addClassName("sign-in-card");
        card.setWidth("22rem");
        card.getChildren().forEach(child -> child.getElement().getStyle().set("width", "100%"));
        add(card);
        applyTexts();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        AdminSession.actor().ifPresent(actor -> event.forwardTo(Homes.of(actor.scope().level())));
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        applyTexts();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("signin.title") + " · GridPBX";
    }

    private void applyTexts() {
        heading.setText(getTranslation("signin.title"));
        language.setLabel(getTranslation("signin.language"));
        email.setLabel(getTranslation("field.email"));
        password.setLabel(getTranslation("field.password"));
        signIn.setText(getTranslation("signin.submit"));
        forgotPassword.setText(getTranslation("signin.forgot"));
        if (error.isVisible()) {
            error.setText(getTranslation(String.valueOf(error.getElement().getAttribute("data-key"))));
        }
    }

    private void signIn() {
        try {
            Actor actor = service.authenticate(email.getValue(), password.getValue());
            String accountLanguage = service.account(actor.email()).map(Account::language).orElse(null);
            AdminSession.signIn(actor, AdminTranslations.of(accountLanguage));
            UI.getCurrent().navigate(Homes.of(actor.scope().level()));
        } catch (SignInRefused refused) {
            password.clear();
            String key = refused.reason() == SignInRefused.Reason.LOCKED ? "signin.locked" : "signin.refused";
            error.getElement().setAttribute("data-key", key);
            error.setText(getTranslation(key));
            error.setVisible(true);
        }
    }
}
