package io.gridpbx.admin.trunking;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import io.gridpbx.admin.AdminUiTest;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.GatewayForm;
import io.gridpbx.core.trunking.GatewayRegistration;
import io.gridpbx.core.trunking.RouteForm;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewaysViewTest extends AdminUiTest {

    private static final Scope PLATFORM = Scope.platform("gridpbx.test");

    @BeforeEach
    void platformAdmin() {
        signIn("admin@gridpbx.test");
    }

    @Test
    void addDialog_createsAGateway_andTheGridShowsItWithoutItsPassword() {
        GatewaysView view = navigate(GatewaysView.class);
        test(view.add).click();
        roundTrip();
        test(view.editor.name).setValue("Carrier A");
        test(view.editor.host).setValue("SIP.Carrier-a.example");
        test(view.editor.port).setValue("5080");
        test(view.editor.transport).selectItem("TCP");
        test(view.editor.username).setValue("acct-1");
        test(view.editor.password).setValue("trunk-secret");
        test(view.editor.strip).setValue("1");
        test(view.editor.prefix).setValue("00");
        test(view.dialog.save).click();

        assertThat(view.dialog.isOpened()).isFalse();
        Gateway saved = fixture.gateways.list(PLATFORM).getFirst();
        assertThat(saved.host()).isEqualTo("sip.carrier-a.example");
        assertThat(saved.transport()).isEqualTo(Gateway.Transport.TCP);
        assertThat(saved.password()).isEqualTo("trunk-secret");
        var grid = test(view.grid);
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellText(0, grid.getColumnPosition("address"))).isEqualTo("sip.carrier-a.example:5080");
        assertThat(grid.getCellText(0, grid.getColumnPosition("password"))).isEqualTo("Yes");
        assertThat(grid.getCellText(0, grid.getColumnPosition("digits"))).isEqualTo("1 / 00");
    }

    @Test
    void editingWithABlankPassword_keepsTheCurrentOne() {
        Gateway gateway = fixture.gateways.create(PLATFORM, new GatewayForm("Carrier A", "sip.a.example", "5060", "UDP",
                "acct", "kept-secret", "0", "", true));
        GatewaysView view = navigate(GatewaysView.class);
        test(rowButton(view.grid, "edit-" + gateway.id())).click();
        roundTrip();
        assertThat(view.editor.name.getValue()).isEqualTo("Carrier A");
        assertThat(view.editor.password.getValue()).isEmpty();
        test(view.editor.port).setValue("5070");
        test(view.dialog.save).click();

        Gateway saved = fixture.gateways.get(PLATFORM, gateway.id());
        assertThat(saved.port()).isEqualTo(5070);
        assertThat(saved.password()).isEqualTo("kept-secret");
    }

    @Test
    void badFields_showNextToTheirFields_andNothingIsSaved() {
        GatewaysView view = navigate(GatewaysView.class);
        test(view.add).click();
        roundTrip();
        test(view.editor.host).setValue("not a host");
        test(view.editor.port).setValue("70000");
        test(view.editor.strip).setValue("12");
        test(view.dialog.save).click();

        assertThat(view.dialog.isOpened()).isTrue();
        assertThat(view.editor.errors.shown()).containsKey("name").containsEntry("host", "A host name or an IP address")
                .containsEntry("port", "A port from 1 to 65535").containsEntry("stripDigits", "0 to 10 digits");
        assertThat(fixture.gateways.list(PLATFORM)).isEmpty();
    }

    @Test
    void aRegisteringGateway_isSavedFromTheDialog_andItsRowSaysWhoRegistersItUntilWhen() {
        GatewaysView view = navigate(GatewaysView.class);
        test(view.add).click();
        roundTrip();
        assertThat(view.editor.registerExpires.getValue()).as("the default lifetime").isEqualTo("600");
        test(view.editor.name).setValue("Carrier R");
        test(view.editor.host).setValue("sip.r.example");
        test(view.editor.username).setValue("acct-r");
        test(view.editor.password).setValue("trunk-secret");
        test(view.editor.register).click();
        test(view.editor.registerExpires).setValue("300");
        test(view.dialog.save).click();

        Gateway saved = fixture.gateways.list(PLATFORM).getFirst();
        assertThat(saved.register()).isTrue();
        assertThat(saved.registerExpires()).isEqualTo(300);
        var grid = test(view.grid);
        assertThat(grid.getCellText(0, grid.getColumnPosition("registration"))).isEqualTo("Not yet");
    }

    @Test
    void theRegistrationColumn_saysWhichNodeRegistersEachGatewayUntilWhen_orWhyItFailed() {
        Gateway registered = fixture.gateways.create(PLATFORM, new GatewayForm("Carrier R", "sip.r.example", "", "",
                "acct-r", "secret", "", "", false, true, ""));
        Gateway refused = fixture.gateways.create(PLATFORM, new GatewayForm("Carrier S", "sip.s.example", "", "",
                "acct-s", "secret", "", "", false, true, ""));
        fixture.gateways.create(PLATFORM, new GatewayForm("Carrier T", "sip.t.example", "", "", "", "", "", "", false));
        fixture.registrations.save(new GatewayRegistration(registered.id(), GatewayRegistration.State.REGISTERED,
                "nodeB", 200, java.time.Instant.parse("2026-12-04T12:34:00Z").toEpochMilli(), 0));
        fixture.registrations.save(new GatewayRegistration(refused.id(), GatewayRegistration.State.FAILED, "nodeA",
                403, 0, 0));

        GatewaysView view = navigate(GatewaysView.class);
        var grid = test(view.grid);
        int column = grid.getColumnPosition("registration");
        // The locale's short time ("12:34 PM" in English, with the narrow space the JDK's locale data puts before PM).
        assertThat(grid.getCellText(0, column)).matches("nodeB until 12:34\\h?PM");
        assertThat(grid.getCellText(1, column)).isEqualTo("Failed: 403 (nodeA)");
        assertThat(grid.getCellText(2, column)).as("registers nowhere").isEqualTo("—");
    }

    @Test
    void aRegistrationWithoutCredentials_isRefusedOnTheFormsGeneralLine() {
        GatewaysView view = navigate(GatewaysView.class);
        test(view.add).click();
        roundTrip();
        test(view.editor.name).setValue("Carrier R");
        test(view.editor.host).setValue("sip.r.example");
        test(view.editor.register).click();
        test(view.editor.registerExpires).setValue("30");
        test(view.dialog.save).click();

        assertThat(view.dialog.isOpened()).isTrue();
        assertThat(view.editor.errors.shown()).containsEntry("registerExpires", "60 to 3600 seconds");
        assertThat(view.editor.errors.general().getText()).isEqualTo("A registration needs a username and a password");
        assertThat(fixture.gateways.list(PLATFORM)).isEmpty();
    }

    @Test
    void aGatewayThatRoutesUse_isNotDeleted_andTheNoticeSaysWhy() {
        Gateway gateway = fixture.gateways.create(PLATFORM, new GatewayForm("Carrier A", "sip.a.example", "", "", "", "",
                "", "", false));
        fixture.routes.create(PLATFORM, new RouteForm("North America", "1[2-9][0-9]{9}", "10", List.of(gateway.id())));
        GatewaysView view = navigate(GatewaysView.class);
        test(rowButton(view.grid, "delete-" + gateway.id())).click();
        test($(Button.class).id("confirm-delete")).click();

        assertThat(fixture.gateways.list(PLATFORM)).hasSize(1);
        assertThat(test($(Notification.class).last()).getText())
                .isEqualTo("Routes still use this gateway: remove it from them first");
    }

    @Test
    void aResellerCannotOpenTheGateways() {
        signIn("reseller@demo.gridpbx.test");
        navigate("gateways", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("ClientsView");
    }
}
