package io.gridpbx.admin.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.upload.Upload;
import io.gridpbx.admin.AdminUiTest;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import io.gridpbx.core.manage.TestImages;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The frame around the screens: the reseller's brand, its balance, the language switch and the side navigation. */
class HeaderTest extends AdminUiTest {

    private static final Scope DEMO = Scope.reseller("demo.gridpbx.test");

    private void brandDemo(Map<String, String> settings) {
        fixture.config.update(DEMO, ConfigKind.RESELLER_SETTINGS, ConfigObject.SINGLE_ID, settings);
    }

    @Test
    void aClientOfABrandedReseller_seesTheBrandAndItsLogo() {
        brandDemo(Map.of("brandName", "Demo Telecom", "logoUrl", "https://demo.example/logo.png", "defaultLanguage", "en"));
        signIn("admin@office.demo.gridpbx.test");
        navigate("users", Component.class);

        assertThat($(Span.class).id("app-title").getText()).isEqualTo("Demo Telecom");
        Image logo = $(Image.class).id("brand-logo");
        assertThat(logo.isVisible()).isTrue();
        assertThat(logo.getSrc()).isEqualTo("https://demo.example/logo.png");
    }

    @Test
    void theResellerUploadsALogoOnItsSettingsPage_itsHeaderAndItsClientsShowIt_ratherThanTheAddress() {
        brandDemo(Map.of("brandName", "Demo Telecom", "logoUrl", "https://demo.example/logo.png", "defaultLanguage", "en"));
        signIn("reseller@demo.gridpbx.test");
        navigate("config/reseller-settings", Component.class);
        Upload upload = $(Upload.class).id("brand-logo-image-upload");

        test(upload).upload("brand.png", "image/png", TestImages.image("png", 32, false));

        assertThat($(Image.class).id("brand-logo").getSrc()).as("the header shows it at once")
                .isNotBlank().isNotEqualTo("https://demo.example/logo.png");
        assertThat(fixture.logos.shownTo(Scope.client("office.demo.gridpbx.test"))).isPresent();
        signIn("admin@office.demo.gridpbx.test");
        navigate("users", Component.class);
        assertThat($(Image.class).id("brand-logo").getSrc()).isNotEqualTo("https://demo.example/logo.png");
    }

    @Test
    void aFileThatIsNotAnImage_isRefusedOnTheSettingsPage() {
        signIn("reseller@demo.gridpbx.test");
        navigate("config/reseller-settings", Component.class);

        test($(Upload.class).id("brand-logo-image-upload")).upload("logo.png", "image/png", "<svg/>".getBytes());

        assertThat($(com.vaadin.flow.component.html.Div.class).id("brand-logo-image-error").getText())
                .isEqualTo("This file is not a PNG or JPEG image");
        assertThat(fixture.logos.shownTo(DEMO)).isEmpty();
    }

    @Test
    void anotherResellersClient_andThePlatform_seeGridPbx() {
        brandDemo(Map.of("brandName", "Demo Telecom", "defaultLanguage", "en"));
        signIn("admin@gridpbx.test");
        navigate("resellers", Component.class);
        assertThat($(Span.class).id("app-title").getText()).isEqualTo("GridPBX");

        test(rowButton($(com.vaadin.flow.component.grid.Grid.class).id("resellers-grid"), "connect-as-other.gridpbx.test"))
                .click();
        assertThat($(Span.class).id("app-title").getText()).isEqualTo("GridPBX");
        assertThat($(Image.class).withId("brand-logo").exists()).as("the logo is hidden").isFalse();
    }

    @Test
    void theBrandedResellerItself_seesItsBrandWithoutALogo_andItsBalance() {
        brandDemo(Map.of("brandName", "Demo Telecom", "defaultLanguage", "en"));
        fixture.balanceStore.set("demo.gridpbx.test", 1_234_500_000L);
        signIn("reseller@demo.gridpbx.test");
        navigate("clients", Component.class);

        assertThat($(Span.class).id("app-title").getText()).isEqualTo("Demo Telecom");
        assertThat($(Image.class).withId("brand-logo").exists()).as("the logo is hidden").isFalse();
        assertThat($(Span.class).id("balance").getText()).isEqualTo("Balance: $1,234.50".replace("$", "€"));
    }

    @Test
    void aBalanceTheGridDoesNotGiveInTime_readsAsADash_andTheScreenOpens() {
        fixture.balanceStore.unreachable("demo.gridpbx.test");
        signIn("reseller@demo.gridpbx.test");
        navigate("clients", Component.class);

        assertThat($(Span.class).id("balance").getText()).isEqualTo("Balance: –");
    }

    @Test
    void noBalanceOutsideTheResellerLevel() {
        signIn("admin@office.demo.gridpbx.test");
        navigate("users", Component.class);
        assertThat($(Span.class).withId("balance").exists()).as("the balance is hidden").isFalse();
    }

    @Test
    void theLanguageSwitch_becomesTheAccountsLanguage() {
        signIn("admin@office.demo.gridpbx.test");
        navigate("users", Component.class);
        test($(ComboBox.class).id("ui-language")).selectItem("Français");

        assertThat(fixture.signIn.account("admin@office.demo.gridpbx.test").orElseThrow().language()).isEqualTo("fr");
        assertThat($(SideNavItem.class).id("nav-group-features").getLabel()).isEqualTo("Fonctions du PBX");
    }

    @Test
    void eachLevelsSideNavigation_listsItsScreensAndItsConfigurationKinds() {
        signIn("admin@gridpbx.test");
        navigate("resellers", Component.class);
        assertThat(paths()).contains("resellers", "clients", "gateways", "routes", "dids", "calls", "reports",
                "config/platform-settings", "tokens", "audit", "portal/password").doesNotContain("config/ring-groups");

        signIn("reseller@demo.gridpbx.test");
        navigate("clients", Component.class);
        assertThat(paths()).contains("routes", "dids", "config/billing-profiles", "config/rates",
                "config/provisioning-templates", "config/reseller-settings").doesNotContain("gateways");

        signIn("admin@office.demo.gridpbx.test");
        navigate("users", Component.class);
        assertThat(paths()).contains("dids", "config/ring-groups", "config/ivr-menus", "config/feature-codes")
                .doesNotContain("routes", "config/billing-profiles");
        assertThat($(SideNavItem.class).id("nav-config-ring-groups").getLabel()).isEqualTo("Ring groups");

        signIn("202@office.demo.gridpbx.test");
        navigate("portal", Component.class);
        assertThat(paths()).contains("portal", "calls", "reports", "config/follow-me", "config/my-phone",
                "config/personal-conferences").doesNotContain("dids", "tokens");
    }

    @Test
    void aDialPlanIsAClientsSetting_andPortedNumbersAreProvisionedByThePlatform() {
        signIn("admin@gridpbx.test");
        navigate("resellers", Component.class);
        assertThat(childPaths("nav-group-provisioning")).containsExactly("config/ported-numbers");
        assertThat($(SideNavItem.class).id("nav-config-ported-numbers").getLabel()).isEqualTo("Ported numbers");

        signIn("admin@office.demo.gridpbx.test");
        navigate("users", Component.class);
        assertThat(childPaths("nav-group-settings")).containsExactly("config/dial-plan");
        assertThat($(SideNavItem.class).id("nav-config-dial-plan").getLabel()).isEqualTo("Dial plan");
    }

    @Test
    void callLimitsAreInTheOffer_ofThePlatformForResellers_andOfAResellerForItsClients() {
        signIn("admin@gridpbx.test");
        navigate("resellers", Component.class);
        assertThat(childPaths("nav-group-offer")).containsExactly("config/reseller-call-limits",
                "config/gateway-call-limits");
        assertThat($(SideNavItem.class).id("nav-config-reseller-call-limits").getLabel())
                .isEqualTo("Reseller call limits");

        signIn("reseller@demo.gridpbx.test");
        navigate("clients", Component.class);
        assertThat(childPaths("nav-group-offer")).contains("config/user-profiles", "config/client-call-limits");
        assertThat(paths()).doesNotContain("config/reseller-call-limits");

        signIn("admin@office.demo.gridpbx.test");
        navigate("users", Component.class);
        assertThat(paths()).doesNotContain("config/client-call-limits");
    }

    private java.util.List<String> childPaths(String group) {
        return $(SideNavItem.class).id(group).getItems().stream().map(SideNavItem::getPath).toList();
    }

    private java.util.List<String> paths() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getPath).filter(java.util.Objects::nonNull).toList();
    }
}
