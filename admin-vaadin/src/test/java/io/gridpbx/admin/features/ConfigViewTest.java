package io.gridpbx.admin.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import io.gridpbx.admin.AdminUiTest;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import io.gridpbx.core.location.AddressOfRecord;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigViewTest extends AdminUiTest {

    private static final Scope OFFICE = Scope.client("office.demo.gridpbx.test");

    @Test
    void aRingGroupWithBadFields_showsEachError_andSavesNothing_thenAValidOneAppears() {
        signIn("admin@office.demo.gridpbx.test");
        navigate("config/ring-groups", ConfigView.class);
        assertThat($(H2.class).first().getText()).isEqualTo("Ring groups");
        test($(Button.class).id("add-config")).click();
        roundTrip();
        test(text("cfg-name")).setValue("Sales");
        test(text("cfg-number")).setValue("6x0");
        test(combo("cfg-strategy")).selectItem("Ring all");
        test(text("cfg-members")).setValue("200, 999");
        test($(IntegerField.class).id("cfg-ringSeconds")).setValue(1);
        test($(Button.class).id("save")).click();

        assertThat($(Dialog.class).id("config-dialog").isOpened()).isTrue();
        assertThat(text("cfg-number").getErrorMessage()).isEqualTo("1 to 20 digits, * or #");
        assertThat(text("cfg-members").getErrorMessage()).isEqualTo("No such extension in this client");
        assertThat($(IntegerField.class).id("cfg-ringSeconds").isInvalid()).isTrue();
        assertThat(text("cfg-name").isInvalid()).isFalse();
        assertThat(fixture.config.list(OFFICE, ConfigKind.RING_GROUP)).isEmpty();

        test(text("cfg-number")).setValue("600");
        test(text("cfg-members")).setValue("200, 201 202");
        test($(IntegerField.class).id("cfg-ringSeconds")).setValue(20);
        test($(Button.class).id("save")).click();

        assertThat($(Dialog.class).withId("config-dialog").exists()).as("the dialog closed").isFalse();
        ConfigObject saved = fixture.config.list(OFFICE, ConfigKind.RING_GROUP).getFirst();
        assertThat(saved.values()).containsEntry("members", "200,201,202").containsEntry("ringSeconds", "20");
        var grid = test(grid());
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellText(0, grid.getColumnPosition("name"))).isEqualTo("Sales");
        assertThat(grid.getCellText(0, grid.getColumnPosition("strategy"))).isEqualTo("Ring all");
    }

    @Test
    void editingAnObject_showsItsValues_andSavesTheChange() {
        ConfigObject conference = fixture.config.create(OFFICE, ConfigKind.CONFERENCE,
                Map.of("name", "Weekly", "number", "700", "maxMembers", "10", "record", "true"));
        signIn("admin@office.demo.gridpbx.test");
        navigate("config/conferences", ConfigView.class);
        assertThat(test(grid()).getCellText(0, test(grid()).getColumnPosition("maxMembers"))).isEqualTo("10");
        test(rowButton(grid(), "edit-" + conference.id())).click();
        roundTrip();
        assertThat(text("cfg-number").getValue()).isEqualTo("700");
        assertThat($(Checkbox.class).id("cfg-record").getValue()).isTrue();
        test($(IntegerField.class).id("cfg-maxMembers")).setValue(25);
        test($(Button.class).id("save")).click();

        assertThat(fixture.config.get(OFFICE, ConfigKind.CONFERENCE, conference.id()).values())
                .containsEntry("maxMembers", "25").containsEntry("record", "true");
    }

    @Test
    void aClientOpeningAResellersKind_isRefusedWithTheNotFoundPanel() {
        signIn("admin@office.demo.gridpbx.test");
        navigate("config/billing-profiles", ConfigView.class);
        assertThat($(Paragraph.class).id("not-found").getText()).contains("billing-profiles");
        assertThat($(Grid.class).all()).isEmpty();

        navigate("config/no-such-kind", ConfigView.class);
        assertThat($(Paragraph.class).id("not-found").getText()).contains("no-such-kind");
    }

    @Test
    void aSingleKind_isItsFormDirectly_andKeepsWhatWasSaved() {
        signIn("202@office.demo.gridpbx.test");
        navigate("config/follow-me", ConfigView.class);
        test($(Checkbox.class).id("cfg-enabled")).click();
        test(text("cfg-number")).setValue("+1 514 555 0199");
        test($(IntegerField.class).id("cfg-delaySeconds")).setValue(15);
        test($(Button.class).id("save")).click();

        Scope me = Scope.user(new AddressOfRecord("202", "office.demo.gridpbx.test"));
        assertThat(fixture.config.single(me, ConfigKind.FOLLOW_ME).values()).containsEntry("enabled", "true")
                .containsEntry("number", "+15145550199").containsEntry("delaySeconds", "15");
        navigate("config/my-phone", ConfigView.class);
        navigate("config/follow-me", ConfigView.class);
        assertThat(text("cfg-number").getValue()).isEqualTo("+15145550199");
    }

    @Test
    void theResellersKinds_inFrench_withAGeneratedTextArea() {
        signIn("reseller@demo.gridpbx.test");
        VaadinSession.getCurrent().setLocale(Locale.FRENCH);
        navigate("config/provisioning-templates", ConfigView.class);
        assertThat($(H2.class).first().getText()).isEqualTo("Modèles d’approvisionnement");
        test($(Button.class).id("add-config")).click();
        roundTrip();
        assertThat($(TextArea.class).id("cfg-template").getLabel()).isEqualTo("Modèle de configuration");
        assertThat(test(combo("cfg-vendor")).getSuggestions()).contains("Générique");
        assertThat(test(grid()).getHeaderCell(0)).isEqualTo("Nom");
    }

    @Test
    void aDialPlanWithBadValues_saysWhichOnTheirFields_inFrench_andSavesNothing() {
        signIn("admin@office.demo.gridpbx.test");
        VaadinSession.getCurrent().setLocale(Locale.FRENCH);
        navigate("config/dial-plan", ConfigView.class);
        assertThat($(H2.class).first().getText()).isEqualTo("Plan de numérotation");
        test(text("cfg-countryCode")).setValue("033");
        test(text("cfg-internationalPrefix")).setValue("00");
        test($(IntegerField.class).id("cfg-nationalLength")).setValue(9);
        test(text("cfg-emergencyNumbers")).setValue("15, 1x");
        test($(Button.class).id("save")).click();

        assertThat(text("cfg-countryCode").getErrorMessage()).isEqualTo("De 1 à 3 chiffres, sans 0 initial");
        assertThat(text("cfg-emergencyNumbers").getErrorMessage())
                .isEqualTo("Des numéros de 1 à 15 chiffres, séparés par des virgules");
        assertThat(text("cfg-internationalPrefix").isInvalid()).isFalse();
        assertThat(fixture.config.single(OFFICE, ConfigKind.DIAL_PLAN).values()).isEmpty();

        test(text("cfg-countryCode")).setValue("33");
        test(text("cfg-emergencyNumbers")).setValue("15, 112");
        test($(Button.class).id("save")).click();

        assertThat(fixture.config.single(OFFICE, ConfigKind.DIAL_PLAN).values()).containsEntry("countryCode", "33")
                .containsEntry("emergencyNumbers", "15,112");
    }

    @Test
    void aPortedNumberWithNowhereToGo_isRefusedOnItsRoutingNumber() {
        signIn("admin@gridpbx.test");
        navigate("config/ported-numbers", ConfigView.class);
        assertThat($(H2.class).first().getText()).isEqualTo("Ported numbers");
        test($(Button.class).id("add-config")).click();
        roundTrip();
        test(text("cfg-number")).setValue("15145550100");
        test($(Button.class).id("save")).click();

        assertThat(text("cfg-routingNumber").getErrorMessage()).isEqualTo("Give a routing number or a gateway");
        assertThat(fixture.config.list(Scope.platform("gridpbx.test"), ConfigKind.PORTED_NUMBER)).isEmpty();

        test(text("cfg-gateway")).setValue("carrier-b");
        test($(Button.class).id("save")).click();

        assertThat($(Dialog.class).withId("config-dialog").exists()).as("the dialog closed").isFalse();
        assertThat(test(grid()).getCellText(0, test(grid()).getColumnPosition("number"))).isEqualTo("15145550100");
    }

    @Test
    void aResellersClientCallLimits_showTheCallsTheGridCountsNow() {
        Scope demo = Scope.reseller("demo.gridpbx.test");
        fixture.config.create(demo, ConfigKind.CLIENT_CALL_LIMIT, Map.of("client", "office.demo.gridpbx.test",
                "maxCalls", "10"));
        fixture.config.create(demo, ConfigKind.CLIENT_CALL_LIMIT, Map.of("client", "acme.demo.gridpbx.test",
                "maxCalls", "4"));
        fixture.callsNow.put("client:office.demo.gridpbx.test", 3);
        signIn("reseller@demo.gridpbx.test");
        navigate("config/client-call-limits", ConfigView.class);

        assertThat($(H2.class).first().getText()).isEqualTo("Client call limits");
        var grid = test(grid());
        assertThat(grid.getHeaderCell(grid.getColumnPosition("callsNow"))).isEqualTo("Calls now");
        assertThat(grid.getCellText(0, grid.getColumnPosition("client"))).isEqualTo("acme.demo.gridpbx.test");
        assertThat(grid.getCellText(0, grid.getColumnPosition("callsNow"))).as("not counted").isEqualTo("–");
        assertThat(grid.getCellText(1, grid.getColumnPosition("maxCalls"))).isEqualTo("10");
        assertThat(grid.getCellText(1, grid.getColumnPosition("callsNow"))).isEqualTo("3");
    }

    @Test
    void aClientCallLimit_isForOneOfTheResellersClients_once() {
        signIn("reseller@demo.gridpbx.test");
        navigate("config/client-call-limits", ConfigView.class);
        test($(Button.class).id("add-config")).click();
        roundTrip();
        test(text("cfg-client")).setValue("shop.other.gridpbx.test");
        test($(IntegerField.class).id("cfg-maxCalls")).setValue(10);
        test($(Button.class).id("save")).click();

        assertThat(text("cfg-client").getErrorMessage())
                .isEqualTo("Not one of your clients: give its domain, e.g. office.example.com");
        test(text("cfg-client")).setValue(" Office.Demo.GridPBX.test");
        test($(Button.class).id("save")).click();
        assertThat($(Dialog.class).withId("config-dialog").exists()).as("the dialog closed").isFalse();
        assertThat(test(grid()).getCellText(0, test(grid()).getColumnPosition("client")))
                .isEqualTo("office.demo.gridpbx.test");

        test($(Button.class).id("add-config")).click();
        roundTrip();
        test(text("cfg-client")).setValue("office.demo.gridpbx.test");
        test($(IntegerField.class).id("cfg-maxCalls")).setValue(5);
        test($(Button.class).id("save")).click();
        assertThat(text("cfg-client").getErrorMessage()).isEqualTo("This client already has a limit: change that one");
        assertThat(fixture.config.list(Scope.reseller("demo.gridpbx.test"), ConfigKind.CLIENT_CALL_LIMIT)).hasSize(1);
    }

    @Test
    void thePlatformsResellerCallLimits_inFrench() {
        Scope platform = Scope.platform("gridpbx.test");
        fixture.config.create(platform, ConfigKind.RESELLER_CALL_LIMIT, Map.of("reseller", "demo.gridpbx.test",
                "maxCalls", "100"));
        fixture.callsNow.put("reseller:demo.gridpbx.test", 42);
        signIn("admin@gridpbx.test");
        VaadinSession.getCurrent().setLocale(Locale.FRENCH);
        navigate("config/reseller-call-limits", ConfigView.class);

        assertThat($(H2.class).first().getText()).isEqualTo("Limites d’appels des revendeurs");
        var grid = test(grid());
        assertThat(grid.getHeaderCell(grid.getColumnPosition("callsNow"))).isEqualTo("Appels en cours");
        assertThat(grid.getCellText(0, grid.getColumnPosition("callsNow"))).isEqualTo("42");
        test($(Button.class).id("add-config")).click();
        roundTrip();
        test(text("cfg-reseller")).setValue("demo");
        test($(IntegerField.class).id("cfg-maxCalls")).setValue(50);
        test($(Button.class).id("save")).click();
        assertThat(text("cfg-reseller").getErrorMessage())
                .isEqualTo("Ce revendeur a déjà une limite : modifiez celle-là");
    }

    @Test
    void aClientsBilling_namesTheResellersClientAndProfile_withItsOwnModeLabel() {
        Scope demo = Scope.reseller("demo.gridpbx.test");
        fixture.config.create(demo, ConfigKind.BILLING_PROFILE, Map.of("name", "Retail", "currency", "EUR",
                "incrementSeconds", "6", "minimumSeconds", "30", "connectionFee", "0.05"));
        signIn("reseller@demo.gridpbx.test");
        navigate("config/client-billings", ConfigView.class);
        assertThat($(H2.class).first().getText()).isEqualTo("Client billing");
        test($(Button.class).id("add-config")).click();
        roundTrip();
        assertThat(combo("cfg-mode").getLabel()).as("not music on hold's source").isEqualTo("Billing mode");
        assertThat(text("cfg-creditLimit").getHelperText()).startsWith("How far below zero");
        test(text("cfg-client")).setValue("shop.other.gridpbx.test");
        test(text("cfg-billingProfile")).setValue("Gold");
        test(combo("cfg-mode")).selectItem("Prepaid");
        test(text("cfg-creditLimit")).setValue("10");
        test($(Button.class).id("save")).click();

        assertThat(text("cfg-client").getErrorMessage())
                .isEqualTo("Not one of your clients: give its domain, e.g. office.example.com");
        assertThat(text("cfg-billingProfile").getErrorMessage()).isEqualTo("Not one of your billing profiles: give its name");
        assertThat(text("cfg-creditLimit").getErrorMessage())
                .isEqualTo("A credit limit is for postpaid clients: leave it blank or make the client postpaid");
        test(text("cfg-client")).setValue("office");
        test(text("cfg-billingProfile")).setValue("retail");
        test(combo("cfg-mode")).selectItem("Postpaid");
        test($(Button.class).id("save")).click();

        assertThat($(Dialog.class).withId("config-dialog").exists()).as("the dialog closed").isFalse();
        var grid = test(grid());
        assertThat(grid.getHeaderCell(grid.getColumnPosition("mode"))).isEqualTo("Billing mode");
        assertThat(grid.getCellText(0, grid.getColumnPosition("client"))).isEqualTo("office.demo.gridpbx.test");
        assertThat(grid.getCellText(0, grid.getColumnPosition("billingProfile"))).isEqualTo("Retail");
        assertThat(grid.getCellText(0, grid.getColumnPosition("mode"))).isEqualTo("Postpaid");
    }

    @Test
    void aBillingProfileInUse_isNotDeleted_andTheListSaysWhy() {
        Scope demo = Scope.reseller("demo.gridpbx.test");
        ConfigObject retail = fixture.config.create(demo, ConfigKind.BILLING_PROFILE, Map.of("name", "Retail",
                "currency", "EUR", "incrementSeconds", "6", "minimumSeconds", "30"));
        fixture.config.create(demo, ConfigKind.RATE, Map.of("description", "UK", "billingProfile", "Retail",
                "prefix", "44", "pricePerMinute", "0.036"));
        signIn("reseller@demo.gridpbx.test");
        VaadinSession.getCurrent().setLocale(Locale.FRENCH);
        navigate("config/billing-profiles", ConfigView.class);
        test(rowButton(grid(), "delete-" + retail.id())).click();
        roundTrip();
        test($(Button.class).id("confirm-delete")).click();

        assertThat(test($(com.vaadin.flow.component.notification.Notification.class).last()).getText())
                .isEqualTo("Des tarifs ou des facturations de clients utilisent ce profil : modifiez-les d’abord");
        assertThat(test(grid()).size()).isEqualTo(1);
    }

    @Test
    void otherKinds_haveNoCallsNowColumn() {
        signIn("admin@office.demo.gridpbx.test");
        navigate("config/conferences", ConfigView.class);
        assertThat(grid().getColumnByKey("callsNow")).isNull();
    }

    private TextField text(String id) {
        return $(TextField.class).id(id);
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> combo(String id) {
        return (ComboBox<String>) $(ComboBox.class).id(id);
    }

    @SuppressWarnings("unchecked")
    private Grid<Object> grid() {
        return (Grid<Object>) $(Grid.class).id("config-grid");
    }
}
