package io.gridpbx.admin.trunking;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import io.gridpbx.admin.AdminUiTest;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.GatewayForm;
import io.gridpbx.core.trunking.OutboundRoute;
import io.gridpbx.core.trunking.RouteForm;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoutesViewTest extends AdminUiTest {

    private static final Scope PLATFORM = Scope.platform("gridpbx.test");
    private static final Scope DEMO = Scope.reseller("demo.gridpbx.test");

    private Gateway alpha;
    private Gateway beta;
    private Gateway gamma;

    @BeforeEach
    void threeGateways() {
        alpha = gateway("Alpha");
        beta = gateway("Beta");
        gamma = gateway("Gamma");
    }

    private Gateway gateway(String name) {
        return fixture.gateways.create(PLATFORM, new GatewayForm(name, name.toLowerCase() + ".carrier.example", "", "",
                "", "", "", "", true));
    }

    @Test
    void platformCreatesARoute_andItsReorderedGatewaysRoundTrip() {
        signIn("admin@gridpbx.test");
        RoutesView view = navigate(RoutesView.class);
        test(view.add).click();
        roundTrip();
        test(view.editor.name).setValue("North America");
        test(view.editor.pattern).setValue("1[2-9][0-9]{9}");
        test(view.editor.priority).setValue("10");
        for (String name : List.of("Alpha", "Beta", "Gamma")) {
            test(view.editor.gateways.choice).selectItem(name);
            test(view.editor.gateways.add).click();
        }
        assertThat(gatewayLine(0)).isEqualTo("1. Alpha");
        assertThat($(Button.class).id("route-gateway-up-0").isEnabled()).isFalse();
        test($(Button.class).id("route-gateway-up-2")).click();
        test($(Button.class).id("route-gateway-down-0")).click();
        test($(Button.class).id("route-gateway-remove-1")).click();
        test(view.editor.gateways.choice).selectItem("Alpha");
        test(view.editor.gateways.add).click();
        test(view.dialog.save).click();

        assertThat(view.dialog.isOpened()).isFalse();
        OutboundRoute saved = fixture.routes.list(PLATFORM).getFirst();
        assertThat(saved.gatewayIds()).containsExactly(gamma.id(), beta.id(), alpha.id());
        var grid = test(view.grid);
        assertThat(grid.getCellText(0, grid.getColumnPosition("gateways"))).isEqualTo("Gamma → Beta → Alpha");
        assertThat(grid.getCellText(0, grid.getColumnPosition("priority"))).isEqualTo("10");

        test(rowButton(view.grid, "edit-" + saved.id())).click();
        roundTrip();
        assertThat(List.of(gatewayLine(0), gatewayLine(1), gatewayLine(2)))
                .containsExactly("1. Gamma", "2. Beta", "3. Alpha");
        test($(Button.class).id("route-gateway-down-0")).click();
        test(view.dialog.save).click();
        assertThat(fixture.routes.get(PLATFORM, saved.id()).gatewayIds()).containsExactly(beta.id(), gamma.id(), alpha.id());
    }

    @Test
    void aRouteSharedByWeight_roundTrips_andABadWeightIsShownOnTheBalanceBox() {
        signIn("admin@gridpbx.test");
        RoutesView view = navigate(RoutesView.class);
        test(view.add).click();
        roundTrip();
        test(view.editor.name).setValue("International");
        test(view.editor.pattern).setValue("011[0-9]+");
        for (String name : List.of("Alpha", "Beta")) {
            test(view.editor.gateways.choice).selectItem(name);
            test(view.editor.gateways.add).click();
        }
        test(view.editor.gateways.balance).click();
        assertThat(gatewayLine(0)).as("no rank when shared").isEqualTo("Alpha");
        assertThat($(Button.class).withId("route-gateway-up-0").exists()).isFalse();
        test(weight(0)).setValue("70");
        test(weight(1)).setValue("0");
        test(view.dialog.save).click();

        assertThat(view.dialog.isOpened()).isTrue();
        assertThat(view.editor.errors.shown()).containsEntry("weights", "Each weight is a whole number from 1 to 1000");
        test(weight(1)).setValue("30");
        test(view.dialog.save).click();

        assertThat(view.dialog.isOpened()).isFalse();
        OutboundRoute saved = fixture.routes.list(PLATFORM).getFirst();
        assertThat(saved.gatewayIds()).containsExactly(alpha.id(), beta.id());
        assertThat(saved.weights()).containsExactly(70, 30);
        var grid = test(view.grid);
        assertThat(grid.getCellText(0, grid.getColumnPosition("gateways"))).isEqualTo("Alpha (70) · Beta (30)");

        test(rowButton(view.grid, "edit-" + saved.id())).click();
        roundTrip();
        assertThat(view.editor.gateways.balance.getValue()).isTrue();
        assertThat(List.of(weight(0).getValue(), weight(1).getValue())).containsExactly("70", "30");
        test(view.editor.gateways.balance).click();
        test(view.dialog.save).click();
        assertThat(fixture.routes.get(PLATFORM, saved.id()).weighted()).as("back to ordered failover").isFalse();
        assertThat(test(view.grid).getCellText(0, grid.getColumnPosition("gateways"))).isEqualTo("Alpha → Beta");
    }

    @Test
    void aRouteWithoutGatewaysOrWithABadPattern_isRefusedFieldByField() {
        signIn("admin@gridpbx.test");
        RoutesView view = navigate(RoutesView.class);
        test(view.add).click();
        roundTrip();
        test(view.editor.name).setValue("Broken");
        test(view.editor.pattern).setValue("1[2-9");
        test(view.dialog.save).click();

        assertThat(view.dialog.isOpened()).isTrue();
        assertThat(view.editor.errors.shown()).containsEntry("gatewayIds", "Choose at least one gateway")
                .containsKey("pattern");
        assertThat(fixture.routes.list(PLATFORM)).isEmpty();
    }

    @Test
    void aResellerSeesOnlyItsOwnRoutes_andPicksGatewaysByName() {
        fixture.routes.create(PLATFORM, new RouteForm("Platform default", "[0-9]+", "100", List.of(alpha.id())));
        fixture.routes.create(Scope.reseller("other.gridpbx.test"), new RouteForm("Other's", "[0-9]+", "5",
                List.of(beta.id())));
        fixture.routes.create(DEMO, new RouteForm("Demo UK", "44[0-9]+", "20", List.of(gamma.id(), alpha.id())));
        signIn("reseller@demo.gridpbx.test");
        RoutesView view = navigate(RoutesView.class);

        var grid = test(view.grid);
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellText(0, grid.getColumnPosition("name"))).isEqualTo("Demo UK");
        assertThat(grid.getCellText(0, grid.getColumnPosition("gateways"))).isEqualTo("Gamma → Alpha");

        test(view.add).click();
        roundTrip();
        assertThat(test(view.editor.gateways.choice).getSuggestions()).containsExactly("Alpha", "Beta", "Gamma");
        test(view.editor.name).setValue("Demo US");
        test(view.editor.pattern).setValue("1[0-9]{10}");
        test(view.editor.gateways.choice).selectItem("Beta");
        test(view.editor.gateways.add).click();
        test(view.dialog.save).click();
        assertThat(fixture.routes.list(DEMO)).extracting(OutboundRoute::name).containsExactly("Demo UK", "Demo US");
        assertThat(test(view.grid).size()).isEqualTo(2);
    }

    @Test
    void aClientCannotOpenTheRoutes() {
        signIn("admin@office.demo.gridpbx.test");
        navigate("routes", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("UsersView");
    }

    private TextField weight(int index) {
        return $(TextField.class).id("route-gateway-weight-" + index);
    }

    private String gatewayLine(int index) {
        return $(Span.class).id("route-gateway-" + index).getText();
    }
}
