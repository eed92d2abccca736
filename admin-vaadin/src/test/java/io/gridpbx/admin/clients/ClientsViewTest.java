package io.gridpbx.admin.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.admin.AdminUiTest;
import io.gridpbx.admin.shared.NotFoundPanel;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.manage.RecordingBalances;
import io.gridpbx.core.tenancy.NatPolicy;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ClientsViewTest extends AdminUiTest {

    @Test
    void aResellerSeesOnlyItsClients() {
        signIn("reseller@demo.gridpbx.test");
        ClientsView view = navigate(ClientsView.class);
        var grid = test(view.grid);

        assertThat(grid.size()).isEqualTo(2);
        assertThat(grid.getCellText(0, grid.getColumnPosition("domain"))).isEqualTo("acme.demo.gridpbx.test");
        assertThat(grid.getCellText(1, grid.getColumnPosition("users"))).isEqualTo("20");
        assertThat(view.dialog.getId()).hasValue("client-dialog");
    }

    @Test
    void createdClient_appearsInTheGrid() {
        signIn("reseller@demo.gridpbx.test");
        ClientsView view = navigate(ClientsView.class);
        test(view.add).click();
        roundTrip();
        assertThat(view.editor.reseller.isVisible()).isFalse();
        test(view.editor.domain).setValue("lab");
        test(view.editor.name).setValue("Lab");
        test(view.editor.email).setValue("admin@lab.example");
        test(view.editor.password).setValue("lab-password");
        test(view.dialog.save).click();

        assertThat(view.dialog.isOpened()).isFalse();
        var grid = test(view.grid);
        assertThat(grid.size()).isEqualTo(3);
        assertThat(grid.getCellText(2, grid.getColumnPosition("domain"))).isEqualTo("office.demo.gridpbx.test");
        assertThat(grid.getCellText(1, grid.getColumnPosition("domain"))).isEqualTo("lab.demo.gridpbx.test");
        assertThat(fixture.clients.get(Scope.reseller("demo.gridpbx.test"), "lab.demo.gridpbx.test").name()).isEqualTo("Lab");
    }

    @Test
    void search_filtersTheGrid() {
        signIn("admin@gridpbx.test");
        ClientsView view = navigate(ClientsView.class);
        assertThat(test(view.grid).size()).isEqualTo(3);
        test(view.search).setValue("shop");
        assertThat(test(view.grid).size()).isEqualTo(1);
    }

    @Test
    void anotherResellersClientTypedInTheUrl_isNotFound() {
        signIn("reseller@other.gridpbx.test");
        ClientView page = navigate("clients/office.demo.gridpbx.test", ClientView.class);

        assertThat($(NotFoundPanel.class).exists()).isTrue();
        assertThat($(com.vaadin.flow.component.html.Paragraph.class).id("not-found").getText())
                .contains("office.demo.gridpbx.test");
        assertThat(page.editor.isAttached()).isFalse();
    }

    @Test
    void ownClientTypedInTheUrl_opensItsEditPage() {
        signIn("reseller@demo.gridpbx.test");
        ClientView page = navigate("clients/office.demo.gridpbx.test", ClientView.class);

        assertThat($(NotFoundPanel.class).exists()).isFalse();
        assertThat(page.editor.domain.getValue()).isEqualTo("office.demo.gridpbx.test");
        test(page.editor.name).setValue("Office Ltd");
        test(page.save).click();
        assertThat(fixture.clients.get(Scope.reseller("demo.gridpbx.test"), "office.demo.gridpbx.test").name())
                .isEqualTo("Office Ltd");
    }

    @Test
    void theDigestAlgorithmsChosenOnTheEditPage_areSaved_andShownAgain() {
        signIn("reseller@demo.gridpbx.test");
        ClientView page = navigate("clients/office.demo.gridpbx.test", ClientView.class);
        assertThat(page.editor.digest.getValue()).isEqualTo(DigestOffer.PLATFORM_DEFAULT);

        test(page.editor.digest).selectItem("SHA-256 and MD5 (SHA-256 first)");
        test(page.save).click();
        assertThat(fixture.clients.get(Scope.reseller("demo.gridpbx.test"), "office.demo.gridpbx.test")
                .digestAlgorithms()).containsExactly(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);

        ClientView again = navigate("clients/office.demo.gridpbx.test", ClientView.class);
        assertThat(again.editor.digest.getValue()).isEqualTo(DigestOffer.BOTH);
        test(again.editor.digest).selectItem("SHA-256");
        test(again.save).click();
        assertThat(fixture.clients.get(Scope.reseller("demo.gridpbx.test"), "office.demo.gridpbx.test")
                .digestAlgorithms()).containsExactly(DigestAlgorithm.SHA_256);
    }

    @Test
    void theMediaRelayChosenOnTheEditPage_isSaved_andShownAgain() {
        signIn("reseller@demo.gridpbx.test");
        ClientView page = navigate("clients/office.demo.gridpbx.test", ClientView.class);
        assertThat(page.editor.mediaRelay.getValue()).isEqualTo(NatPolicy.WHEN_NAT);
        assertThat(page.editor.mediaRelay.getLabel()).isEqualTo("Media relay");
        assertThat(page.editor.mediaRelay.getListDataView().getItems().map(page.editor.mediaRelay.getItemLabelGenerator()))
                .containsExactly("Always relay media", "Relay when the phone is behind NAT", "Never relay");

        test(page.editor.mediaRelay).selectItem("Always relay media");
        test(page.save).click();
        assertThat(fixture.clients.get(Scope.reseller("demo.gridpbx.test"), "office.demo.gridpbx.test")
                .mediaRelay()).isEqualTo(NatPolicy.ALWAYS);

        ClientView again = navigate("clients/office.demo.gridpbx.test", ClientView.class);
        assertThat(again.editor.mediaRelay.getValue()).isEqualTo(NatPolicy.ALWAYS);
        test(again.editor.mediaRelay).selectItem("Never relay");
        test(again.save).click();
        assertThat(fixture.clients.get(Scope.reseller("demo.gridpbx.test"), "office.demo.gridpbx.test")
                .mediaRelay()).isEqualTo(NatPolicy.NEVER);
    }

    @Test
    void aClientAddedWithoutTouchingTheMediaRelay_relaysWhenNat() {
        signIn("reseller@demo.gridpbx.test");
        ClientsView view = navigate(ClientsView.class);
        test(view.add).click();
        roundTrip();
        test(view.editor.domain).setValue("lab");
        test(view.editor.name).setValue("Lab");
        test(view.editor.email).setValue("admin@lab.example");
        test(view.editor.password).setValue("lab-password");
        test(view.dialog.save).click();

        assertThat(fixture.clients.get(Scope.reseller("demo.gridpbx.test"), "lab.demo.gridpbx.test").mediaRelay())
                .isEqualTo(NatPolicy.WHEN_NAT);
    }

    @Test
    void theMediaRelayChoices_inFrench() {
        signIn("reseller@demo.gridpbx.test");
        VaadinSession.getCurrent().setLocale(Locale.FRENCH);
        ClientView page = navigate("clients/office.demo.gridpbx.test", ClientView.class);

        assertThat(page.editor.mediaRelay.getLabel()).isEqualTo("Relais média");
        assertThat(page.editor.mediaRelay.getListDataView().getItems().map(page.editor.mediaRelay.getItemLabelGenerator()))
                .containsExactly("Toujours relayer le média", "Relayer quand le téléphone est derrière un NAT",
                        "Ne jamais relayer");
    }

    @Test
    void aClientCannotOpenTheClientsList() {
        signIn("admin@office.demo.gridpbx.test");
        navigate("clients", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("UsersView");
    }

    @Test
    void aResellerSeesItsClientsBalances_andTopsUpOne() {
        fixture.balanceStore.set("office.demo.gridpbx.test", -4_000_000);
        signIn("reseller@demo.gridpbx.test");
        ClientsView view = navigate(ClientsView.class);
        var grid = test(view.grid);
        assertThat(grid.getCellText(1, grid.getColumnPosition("balance"))).isEqualTo("-€4.00");

        test(rowButton(view.grid, "top-up-office.demo.gridpbx.test")).click();
        roundTrip();
        assertThat(view.topUp.now.getText()).isEqualTo("Balance now: -€4.00");
        test(view.topUp.amount).setValue("20");
        test(view.topUp.note).setValue("cheque 1234");
        test(view.topUpDialog.save).click();

        assertThat(view.topUpDialog.isOpened()).isFalse();
        assertThat(test(view.grid).getCellText(1, test(view.grid).getColumnPosition("balance"))).isEqualTo("€16.00");
        assertThat(fixture.balanceStore.topUps()).containsExactly(new RecordingBalances.TopUp(
                "office.demo.gridpbx.test", 20_000_000L, "reseller@demo.gridpbx.test", "cheque 1234"));
    }

    @Test
    void thePlatformSeesClientsBalances_butTopsUpNone_forTheyAreTheirResellers() {
        signIn("admin@gridpbx.test");
        ClientsView view = navigate(ClientsView.class);
        var grid = test(view.grid);

        assertThat(grid.getCellText(0, grid.getColumnPosition("balance"))).isEqualTo("€0.00");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rowButton(view.grid, "top-up-office.demo.gridpbx.test"))
                .isInstanceOf(AssertionError.class);
        assertThat(rowButton(view.grid, "edit-office.demo.gridpbx.test")).isNotNull();
    }
}
