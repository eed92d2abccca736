package io.gridpbx.admin.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import io.gridpbx.admin.AdminUiTest;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.core.access.SignIn;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SignInViewTest extends AdminUiTest {

    @Test
    void signedOut_anyViewOpensTheSignInPage() {
        navigate("resellers", SignInView.class);
        navigate("users/200@office.demo.gridpbx.test", SignInView.class);
    }

    @Test
    void rightPassword_opensTheLevelsHome() {
        SignInView view = navigate(SignInView.class);
        test(view.email).setValue("reseller@demo.gridpbx.test");
        test(view.password).setValue("demo-pass");
        test(view.signIn).click();

        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("ClientsView");
        assertThat(AdminSession.require().email()).isEqualTo("reseller@demo.gridpbx.test");
    }

    @Test
    void userLogin_opensThePortal() {
        SignInView view = navigate(SignInView.class);
        test(view.email).setValue("202@office.demo.gridpbx.test");
        test(view.password).setValue("demo-pass");
        test(view.signIn).click();

        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("PortalHomeView");
    }

    @Test
    void wrongPassword_staysAndSaysSo() {
        SignInView view = navigate(SignInView.class);
        test(view.email).setValue("admin@gridpbx.test");
        test(view.password).setValue("not-it");
        test(view.signIn).click();

        assertThat(getCurrentView()).isSameAs(view);
        assertThat(view.error.isVisible()).isTrue();
        assertThat(view.error.getId()).hasValue("sign-in-error");
        assertThat(view.error.getText()).isEqualTo("Unknown email or wrong password.");
        assertThat(AdminSession.actor()).isEmpty();
    }

    @Test
    void repeatedFailures_lockTheAccountAndSaySoDifferently() {
        SignInView view = navigate(SignInView.class);
        for (int i = 0; i < SignIn.MAX_FAILURES; i++) {
            test(view.email).setValue("admin@gridpbx.test");
            test(view.password).setValue("wrong-" + i);
            test(view.signIn).click();
        }
        assertThat(view.error.getText()).startsWith("This account is locked");

        test(view.password).setValue("demo-pass");
        test(view.signIn).click();
        assertThat(getCurrentView()).isSameAs(view);
        assertThat(view.error.getText()).startsWith("This account is locked");
    }

    @Test
    void choosingFrench_relabelsThePageAtOnce() {
        SignInView view = navigate(SignInView.class);
        test(view.language).selectItem("Français");

        assertThat(view.signIn.getText()).isEqualTo("Se connecter");
        assertThat(view.email.getLabel()).isEqualTo("Courriel");
        assertThat(view.password.getLabel()).isEqualTo("Mot de passe");
        assertThat(view.forgotPassword.getText()).isEqualTo("Mot de passe oublié ?");

        test(view.email).setValue("admin@gridpbx.test");
        test(view.password).setValue("nope");
        test(view.signIn).click();
        assertThat(view.error.getText()).isEqualTo("Courriel inconnu ou mot de passe erroné.");
    }

    @Test
    void theRootAddress_opensTheSignedInLevelsHome() {
        signIn("reseller@demo.gridpbx.test");
        UI.getCurrent().navigate("");
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("ClientsView");

        signIn("202@office.demo.gridpbx.test");
        UI.getCurrent().navigate("");
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("PortalHomeView");
    }

    @Test
    void theAccountsLanguage_becomesTheScreensLanguage() {
        fixture.access.save(fixture.access.find("admin@gridpbx.test").orElseThrow().withLanguage("fr"));
        SignInView view = navigate(SignInView.class);
        test(view.email).setValue("admin@gridpbx.test");
        test(view.password).setValue("demo-pass");
        test(view.signIn).click();

        assertThat(com.vaadin.flow.component.UI.getCurrent().getLocale()).isEqualTo(Locale.FRENCH);
    }

    private ResetPasswordView openReset(String token) {
        UI.getCurrent().navigate("reset-password", QueryParameters.of("token", token));
        return (ResetPasswordView) getCurrentView();
    }

    @Test
    void forgottenPassword_alwaysAnswersTheSame_andTheMailedLinkSetsANewPassword() {
        ForgotPasswordView forgot = navigate(ForgotPasswordView.class);
        test(forgot.email).setValue("nobody@nowhere.test");
        test(forgot.send).click();
        String unknownAnswer = forgot.sent.getText();
        assertThat(forgot.sent.isVisible()).isTrue();
        assertThat(fixture.access.mailedTokens()).isEmpty();

        forgot = navigate(ForgotPasswordView.class);
        test(forgot.email).setValue("admin@gridpbx.test");
        test(forgot.send).click();
        assertThat(forgot.sent.getText()).isEqualTo(unknownAnswer);
        String token = fixture.access.mailedTokens().getFirst();

        ResetPasswordView reset = openReset(token);
        test(reset.password).setValue("a-new-password");
        test(reset.confirm).setValue("a-new-password");
        test(reset.reset).click();
        assertThat(reset.done.isVisible()).isTrue();
        assertThat(fixture.signIn.authenticate("admin@gridpbx.test", "a-new-password").email())
                .isEqualTo("admin@gridpbx.test");

        navigate(SignInView.class);
        reset = openReset(token);
        test(reset.password).setValue("another-password");
        test(reset.confirm).setValue("another-password");
        test(reset.reset).click();
        assertThat(reset.errors.general().getText()).isEqualTo("This reset link is unknown, used or expired");
    }

    @Test
    void aPasswordResetElsewhereEndsTheOpenSession_aDeletedAccountToo() {
        signIn("reseller@demo.gridpbx.test");
        navigate("clients", com.vaadin.flow.component.Component.class);
        assertThat(AdminSession.actor()).isPresent();

        var account = fixture.access.find("reseller@demo.gridpbx.test").orElseThrow();
        fixture.access.save(account.withPasswordHash(fixture.hasher.hash("changed-elsewhere")));
        navigate("clients", SignInView.class);
        assertThat(AdminSession.actor()).as("signed out").isEmpty();

        signIn("admin@office.demo.gridpbx.test");
        navigate("users", com.vaadin.flow.component.Component.class);
        fixture.access.delete("admin@office.demo.gridpbx.test");
        navigate("users", SignInView.class);
    }

    @Test
    void changingOnesOwnPasswordKeepsTheSession() {
        signIn("reseller@demo.gridpbx.test");
        navigate("clients", com.vaadin.flow.component.Component.class);
        fixture.signIn.changePassword(AdminSession.require(), "demo-pass", "a-new-password");
        AdminSession.forgetStamp();
        navigate("clients", com.vaadin.flow.component.Component.class);
        assertThat(AdminSession.actor()).isPresent();
    }
}
