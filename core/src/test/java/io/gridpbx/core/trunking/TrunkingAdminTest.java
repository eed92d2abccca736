package io.gridpbx.core.trunking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.ConflictException;
import io.gridpbx.core.manage.FieldError;
import io.gridpbx.core.manage.ForbiddenException;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.ValidationException;
import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.tenancy.InMemoryTenantDirectory;
import io.gridpbx.core.tenancy.TenantProvisioning;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trunks are the platform's; routes belong to their owner; DIDs flow down the hierarchy and stay in it. */
class TrunkingAdminTest {

    private static final Scope PLATFORM = Scope.platform("gridpbx.test");
    private static final Scope DEMO = Scope.reseller("demo.gridpbx.test");
    private static final Scope OTHER = Scope.reseller("other.gridpbx.test");
    private static final Scope OFFICE = Scope.client("office.demo.gridpbx.test");
    private static final Scope ACME = Scope.client("acme.demo.gridpbx.test");

    private final InMemoryTrunkingStore store = new InMemoryTrunkingStore();
    private final InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
    private final GatewayAdmin gateways = new GatewayAdmin(store);
    private final RouteAdmin routes = new RouteAdmin(store);
    private final DidAdmin dids = new DidAdmin(store, directory);

    TrunkingAdminTest() {
        DemoTenants.create(new TenantProvisioning(directory));
    }

    private Gateway gateway(String name) {
        return gateways.create(PLATFORM, new GatewayForm(name, name.toLowerCase() + ".carrier.test", "5060", "udp",
                "acct", "secret", "0", null, true));
    }

    @Test
    void onlyThePlatformSeesAndManagesTrunks() {
        Gateway gw = gateway("Alpha");
        assertThat(gateways.list(PLATFORM)).containsExactly(gw);
        assertThatThrownBy(() -> gateways.list(OFFICE)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> gateways.get(DEMO, gw.id())).isInstanceOf(ForbiddenException.class);
        assertThat(gateways.choices(DEMO)).extracting(GatewayAdmin.Choice::name).containsExactly("Alpha");
    }

    @Test
    void aBadGatewayFormListsItsFields() {
        assertThatThrownBy(() -> gateways.create(PLATFORM, new GatewayForm("", "bad host", "70000", "sctp", null, null,
                "11", "12a", false))).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                        "name", "host", "port", "transport", "stripDigits", "addPrefix"));
        assertThat(store.gateways()).isEmpty();
    }

    @Test
    void aRegisteringGateway_needsAUsernameAndAPassword_andAnExpiryOf60To3600Seconds() {
        assertThatThrownBy(() -> gateways.create(PLATFORM, new GatewayForm("Alpha", "alpha.carrier.test", "", "", "",
                "", "", "", false, true, "30"))).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("register",
                        "registerExpires"));

        Gateway registered = gateways.create(PLATFORM, new GatewayForm("Alpha", "alpha.carrier.test", "", "", "acct",
                "secret", "", "", false, true, ""));
        assertThat(registered.register()).isTrue();
        assertThat(registered.registerExpires()).as("blank: the default").isEqualTo(600);

        // An edit that leaves the password blank keeps it, and the registration with it.
        Gateway edited = gateways.update(PLATFORM, registered.id(), new GatewayForm("Alpha", "alpha.carrier.test", "",
                "", "acct", "", "", "", false, true, "3600"));
        assertThat(edited.password()).isEqualTo("secret");
        assertThat(edited.registerExpires()).isEqualTo(3600);
        assertThat(gateway("Bravo").register()).as("a form without registration").isFalse();
    }

    @Test
    void theRegistrationsTheNodesReport_areThePlatforms() {
        GatewayRegistration state = new GatewayRegistration("gw-1", GatewayRegistration.State.REGISTERED, "nodeB", 200,
                1_000, 500);
        InMemoryRegistrationBoard board = new InMemoryRegistrationBoard();
        board.save(state);
        GatewayAdmin reporting = new GatewayAdmin(store, board);
        assertThat(reporting.registrations(PLATFORM)).containsEntry("gw-1", state);
        assertThatThrownBy(() -> reporting.registrations(DEMO)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void routesKeepTheirGatewayOrderAndStayWithTheirOwner() {
        Gateway a = gateway("Alpha");
        Gateway b = gateway("Bravo");
        OutboundRoute intl = routes.create(DEMO, new RouteForm("International", "011[0-9]{7,15}", "10",
                List.of(a.id(), b.id())));
        OutboundRoute reordered = routes.update(DEMO, intl.id(), new RouteForm("International", "011[0-9]{7,15}", "10",
                List.of(b.id(), a.id())));
        assertThat(reordered.gatewayIds()).containsExactly(b.id(), a.id());
        assertThat(reordered.matches("01133123456789")).isTrue();
        assertThat(routes.list(OTHER)).isEmpty();
        assertThatThrownBy(() -> routes.get(OTHER, intl.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> routes.list(OFFICE)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> gateways.delete(PLATFORM, a.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void aRouteNeedsAValidPatternAndKnownGateways() {
        assertThatThrownBy(() -> routes.create(PLATFORM, new RouteForm("US", "1[2-9", "x", List.of("nope"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("pattern", "priority", "gatewayIds"));
    }

    @Test
    void aWeightedRouteKeepsOneWeightPerGateway_andAnUpdateCanMakeItOrderedAgain() {
        Gateway a = gateway("Alpha");
        Gateway b = gateway("Bravo");
        OutboundRoute shared = routes.create(DEMO, new RouteForm("International", "011[0-9]{7,15}", "10",
                List.of(a.id(), b.id()), List.of("70", " 30 ")));
        assertThat(shared.weights()).containsExactly(70, 30);
        assertThat(routes.get(DEMO, shared.id()).weighted()).isTrue();

        OutboundRoute ordered = routes.update(DEMO, shared.id(), new RouteForm("International", "011[0-9]{7,15}", "10",
                List.of(b.id(), a.id())));
        assertThat(ordered.weighted()).isFalse();
        assertThat(ordered.gatewayIds()).containsExactly(b.id(), a.id());
    }

    @Test
    void weightsAreWholeNumbersFrom1To1000_oneForEachGateway() {
        Gateway a = gateway("Alpha");
        Gateway b = gateway("Bravo");
        List<String> both = List.of(a.id(), b.id());
        for (List<String> bad : List.of(List.of("70"), List.of("70", "30", "10"), List.of("0", "30"),
                List.of("70", "1001"), List.of("70", "seventy"), List.of("70", "-3"), List.of("70", ""))) {
            assertThatThrownBy(() -> routes.create(PLATFORM, new RouteForm("Shared", "1[0-9]{10}", "10", both, bad)))
                    .as("weights %s", bad).isInstanceOfSatisfying(ValidationException.class, e ->
                            assertThat(e.errors()).extracting(FieldError::field).containsExactly("weights"));
        }
        assertThatThrownBy(() -> routes.create(PLATFORM, new RouteForm("Shared", "1[0-9]{10}", "10", both,
                List.of("70")))).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).extracting(FieldError::code).containsExactly("weights.count"));
        assertThatThrownBy(() -> routes.create(PLATFORM, new RouteForm("Shared", "1[0-9]{10}", "10", both,
                List.of("70", "1001")))).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).extracting(FieldError::code).containsExactly("weights.range"));
        assertThat(routes.create(PLATFORM, new RouteForm("Shared", "1[0-9]{10}", "10", both, List.of("1", "1000")))
                .weights()).containsExactly(1, 1000);
        assertThat(store.allRoutes()).hasSize(1);
    }

    @Test
    void didsFlowDownTheHierarchyAndEachLevelSeesOnlyItsOwn() {
        dids.addRange(PLATFORM, "15145550100", "10");
        dids.assign(PLATFORM, List.of("15145550100", "15145550101"), "demo.gridpbx.test");
        dids.assign(DEMO, List.of("15145550100"), "office.demo.gridpbx.test");
        Did routed = dids.route(OFFICE, "15145550100", "202");

        assertThat(routed.destination()).isEqualTo("202");
        assertThat(dids.list(PLATFORM, "", 0, 50).total()).isEqualTo(10);
        assertThat(dids.list(DEMO, "", 0, 50).items()).extracting(Did::number)
                .containsExactly("15145550100", "15145550101");
        assertThat(dids.list(OTHER, "", 0, 50).total()).isZero();
        assertThat(dids.list(ACME, "", 0, 50).total()).isZero();
        assertThatThrownBy(() -> dids.get(OTHER, "15145550100")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> dids.assign(OTHER, List.of("15145550101"), "shop.other.gridpbx.test"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> dids.assign(DEMO, List.of("15145550101"), "shop.other.gridpbx.test"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> dids.route(OFFICE, "15145550100", "999")).isInstanceOf(ValidationException.class);
    }

    @Test
    void anOverlappingRangeAddsNothing() {
        dids.addRange(PLATFORM, "15145550100", "5");
        assertThatThrownBy(() -> dids.addRange(PLATFORM, "15145550098", "5")).isInstanceOf(ValidationException.class);
        assertThat(store.dids()).hasSize(5);
    }

    @Test
    void theDemoTrunkingIsValidAndScoped() {
        DemoTrunking.create(gateways, routes, dids);
        assertThat(routes.list(PLATFORM)).extracting(OutboundRoute::name)
                .containsExactly("Toll free", "US and Canada", "UK", "International");
        assertThat(routes.list(PLATFORM).get(1).matches("15145550123")).isTrue();
        assertThat(routes.list(PLATFORM).get(0).matches("18005550123")).isTrue();
        assertThat(routes.list(PLATFORM).get(3).weights()).containsExactly(70, 30);
        assertThat(dids.list(OFFICE, "", 0, 50).items()).extracting(Did::number)
                .containsExactly("15145550100", "15145550101", "15145550102");
        assertThat(dids.get(OFFICE, "15145550100").destination()).isEqualTo("202");
        assertThat(dids.list(OTHER, "", 0, 50).total()).isEqualTo(5);
    }
}
