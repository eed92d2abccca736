package io.gridpbx.admin.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.server.VaadinSession;
import io.gridpbx.admin.AdminSettings;
import io.gridpbx.admin.i18n.AdminTranslations;
import io.gridpbx.admin.i18n.LanguageFields;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.security.Homes;
import io.gridpbx.core.access.Actor;
import io.gridpbx.core.access.Impersonation;
import io.gridpbx.core.access.SignIn;
import io.gridpbx.core.features.FeatureConfig;
import io.gridpbx.core.manage.SelfCare;
import io.gridpbx.core.manage.Logos;
import io.gridpbx.core.manage.BalanceAdmin;
import java.util.Locale;

/**
 * The frame of every signed-in view. It is kept across navigations between its views, so it redraws
 * what depends on the actor (brand, breadcrumb, balance, navigation, email, a user's avatar) after each
 * one: "log in as" changes them. The language switch ({@code ui-language}) also becomes the account's
 * language.
 */
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final Breadcrumb breadcrumb;
    private final Brand brand;
    private final Balance balance;
    private final SignIn signIn;
    private final LevelNavigation navigation = new LevelNavigation();
    private final Span email = new Span();
    private final UserAvatar avatar;
    private final ComboBox<Locale> language = LanguageFields.localePicker("ui-language");

    public MainLayout(Impersonation impersonation, SignIn signIn, FeatureConfig config, BalanceAdmin balances,
            SelfCare selfCare, Logos logos, AdminSettings settings) {
        this.signIn = signIn;
        avatar = new UserAvatar(selfCare);
        breadcrumb = new Breadcrumb(impersonation);
        brand = new Brand(config, logos);
        balance = new Balance(balances, settings);
        addClassName("main-layout");
        email.setId("signed-in-email");
        email.addClassName("signed-in-email");
        language.setAriaLabel(getTranslation("layout.language"));
        language.setValue(AdminTranslations.supported(UI.getCurrent().getLocale()));
        language.addValueChangeListener(change -> switchTo(change.getValue()));
        language.addClassName("ui-language");
        Button signOut = new Button(getTranslation("layout.sign-out"), click -> signOut());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.TERTIARY);
        HorizontalLayout bar = new HorizontalLayout(brand, breadcrumb, balance, avatar, email, language, signOut);
        bar.addClassName("navbar");
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setFlexGrow(1, breadcrumb);
        addToNavbar(new DrawerToggle(), bar);
        addToDrawer(navigation);
        setPrimarySection(Section.DRAWER);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        AdminSession.actor().ifPresent(this::show);
    }

    private void show(Actor actor) {
        brand.show(actor.scope());
        balance.show(actor.scope());
        breadcrumb.show(actor);
        navigation.show(actor.scope().level());
        avatar.show(actor.scope());
        email.setText(actor.email());
    }

    /** Draws the signed-in user's avatar again: its picture changed. */
    /** The brand shows the reseller's logo, which its settings page may just have changed. */
    public void refreshBrand() {
        AdminSession.actor().ifPresent(actor -> brand.show(actor.scope()));
    }

    public void refreshAvatar() {
        AdminSession.actor().ifPresent(actor -> avatar.show(actor.scope()));
    }

    private void switchTo(Locale locale) {
        if (locale == null || locale.equals(getLocale())) {
            return;
        }
        // The account keeps the choice: the next sign-in opens in this language.
        AdminSession.actor().ifPresent(actor -> signIn.changeLanguage(actor, locale.getLanguage()));
        VaadinSession.getCurrent().setLocale(locale);
        // Rebuild the view and this layout so that every label is drawn again in the new language.
        UI.getCurrent().refreshCurrentRoute(true);
    }

    private void signOut() {
        AdminSession.signOut();
        UI.getCurrent().navigate(Homes.SIGN_IN);
    }
}
