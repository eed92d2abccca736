package io.gridpbx.admin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Signs in with each demo login on a running node in headless Chromium and checks that its home
 * renders, styled. Needs a node started from the packaged jar (the browserless tests cover the views):
 * <pre>
 * ./mvnw -pl admin-vaadin test -Dtest=DemoLoginsIT -Dsurefire.failIfNoSpecifiedTests=false -DbaseUrl=http://127.0.0.1:8080
 * </pre>
 * Screenshots land in {@code admin-vaadin/target/screens}.
 */
class DemoLoginsIT {

    private static final String BASE = System.getProperty("baseUrl", "http://127.0.0.1:8080");

    @Test
    void everyDemoLogin_landsOnItsStyledHome() throws Exception {
        try (VaadinDriver v = new VaadinDriver()) {
            signIn(v, "admin@gridpbx.test", "resellers-grid", "1-platform");
            assertThat(v.gridRows(v.byId("resellers-grid"))).isNotEmpty();
            assertThat(v.computedStyle(".app-title", "font-weight")).isEqualTo("600");
            assertThat(v.computedStyle("vaadin-app-layout", "display")).isNotEqualTo("inline");
            signOut(v);
            signIn(v, "reseller@demo.gridpbx.test", "clients-grid", "2-reseller");
            signOut(v);
            signIn(v, "reseller@other.gridpbx.test", "clients-grid", "3-other-reseller");
            v.open(BASE + "/clients/office.demo.gridpbx.test");
            v.byId("not-found");
            v.screenshot(Path.of("target/screens/4-not-found.png"));
            signOut(v);
            signIn(v, "admin@office.demo.gridpbx.test", "users-grid", "5-client");
            signOut(v);
            signIn(v, "202@office.demo.gridpbx.test", "registration-status", "6-user");
            v.open(BASE + "/portal/softphone");
            v.click(v.byId("new-secret"));
            v.byId("softphone-qr");
            v.wait.until(d -> (Boolean) v.driver.executeScript(
                    "const i = document.getElementById('softphone-qr'); return i.complete && i.naturalWidth > 0;"));
            v.screenshot(Path.of("target/screens/7-softphone.png"));
            signOut(v);
        }
    }

    @Test
    void connectAsDownTheChain_afterSigningInOnTheFrenchPage() throws Exception {
        try (VaadinDriver v = new VaadinDriver()) {
            v.open(BASE + "/login");
            v.selectComboBox(v.byId("language"), "Français");
            assertThat(v.byId("sign-in").getText()).isEqualTo("Se connecter");
            v.screenshot(Path.of("target/screens/0-sign-in-fr.png"));
            v.type(v.byId("email"), "admin@gridpbx.test");
            v.type(v.byId("password"), "demo-pass");
            v.click(v.byId("sign-in"));
            v.byId("resellers-grid");
            v.click(v.byId("connect-as-demo.gridpbx.test"));
            v.click(v.byId("connect-as-office.demo.gridpbx.test"));
            v.byId("users-grid");
            assertThat(v.byId("crumb-current").getText()).contains("office.demo.gridpbx.test");
            // the account's language (English) wins over the language chosen on the sign-in page
            assertThat(v.byId("sign-out").getText()).isEqualTo("Sign out");
            v.screenshot(Path.of("target/screens/8-connected-as-client.png"));
            v.click(v.byId("crumb-0"));
            v.byId("resellers-grid");
            assertThat(v.driver.findElements(By.id("crumb-0"))).isEmpty();
            v.click(v.byId("sign-out"));
        }
    }

    private static void signIn(VaadinDriver v, String email, String homeElementId, String screen) throws Exception {
        v.open(BASE + "/login");
        v.type(v.byId("email"), email);
        v.type(v.byId("password"), "demo-pass");
        v.click(v.byId("sign-in"));
        v.byId(homeElementId);
        v.waitForVaadin();
        assertThat(v.byId("signed-in-email").getText()).isEqualTo(email);
        v.screenshot(Path.of("target/screens/" + screen + ".png"));
    }

    private static void signOut(VaadinDriver v) {
        v.click(v.byId("sign-out"));
        v.wait.until(ExpectedConditions.urlContains("/login"));
    }
}
