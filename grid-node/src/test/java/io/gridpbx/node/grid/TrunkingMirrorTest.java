package io.gridpbx.node.grid;

import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import io.gridpbx.core.trunking.CallingRights;
import io.gridpbx.core.trunking.DialPlan;
import io.gridpbx.core.trunking.Did;
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.GatewayHealth;
import io.gridpbx.core.trunking.NumberClass;
import io.gridpbx.core.trunking.OutboundRoute;
import io.gridpbx.core.trunking.TrunkingView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The trunking mirror on two real (in-JVM) members: what the first member saves or deletes reaches the
 * second member's index, what the maps held before the mirror started is read at start, and gateways
 * given by host name become carriers once their name resolves. The members are shared by the tests,
 * which each use their own ids.
 */
@Timeout(120)
class TrunkingMirrorTest {

    private static final String CLIENT = "office.demo.gridpbx.test";
    private static final String RESELLER = "demo.gridpbx.test";

    private static TestHazelcastInstanceFactory factory;
    private static HazelcastInstance first;
    private static HazelcastInstance second;
    private HazelcastTrunkingStore trunking;
    private HazelcastConfigStore config;
    private TrunkingMirror mirror;

    @BeforeAll
    static void startMembers() {
        factory = new TestHazelcastInstanceFactory(2);
        first = factory.newHazelcastInstance(GridMemberConfig.grid("trunking-mirror-test"));
        second = factory.newHazelcastInstance(GridMemberConfig.grid("trunking-mirror-test"));
        assertClusterSizeEventually(2, first, second);
    }

    @AfterAll
    static void stopMembers() {
        factory.terminateAll();
    }

    @BeforeEach
    void startMirror() {
        trunking = new HazelcastTrunkingStore(first);
        config = new HazelcastConfigStore(first);
        mirror = TrunkingMirror.start(second);
    }

    @AfterEach
    void closeMirror() {
        mirror.close();
    }

    @Test
    void aGatewaySavedOnOneMember_isTheCarrierAtItsAddressOnTheOther_untilDeleted() {
        TrunkingView view = mirror.view();
        trunking.saveGateway(gateway("gw-events", "127.0.0.9"));

        assertTrueEventually(() -> assertThat(view.carrierAt("127.0.0.9")).get()
                .extracting(Gateway::id).isEqualTo("gw-events"), 10);
        assertThat(view.gateway("gw-events")).isPresent();

        trunking.saveGateway(gateway("gw-events", "127.0.0.19"));
        assertTrueEventually(() -> assertThat(view.carrierAt("127.0.0.19")).as("moved").isPresent(), 10);
        assertThat(view.carrierAt("127.0.0.9")).as("its old address").isEmpty();

        trunking.deleteGateway("gw-events");
        assertTrueEventually(() -> assertThat(view.gateway("gw-events")).as("deleted").isEmpty(), 10);
        assertThat(view.carrierAt("127.0.0.19")).isEmpty();
    }

    @Test
    void aRouteAndADid_appearAndDisappearOnTheOtherMember() {
        TrunkingView view = mirror.view();
        trunking.saveRoute(route("route-events"));
        trunking.saveDids(List.of(new Did("15145550170", RESELLER, CLIENT, "202")));

        assertTrueEventually(() -> {
            assertThat(view.routes()).extracting(OutboundRoute::id).contains("route-events");
            assertThat(view.did("15145550170")).get().extracting(Did::destination).isEqualTo("202");
        }, 10);

        trunking.deleteRoute("route-events");
        trunking.deleteDid("15145550170");
        assertTrueEventually(() -> {
            assertThat(view.routes()).extracting(OutboundRoute::id).doesNotContain("route-events");
            assertThat(view.did("15145550170")).isEmpty();
        }, 10);
    }

    @Test
    void aDialPlanSaved_becomesTheClientsPlan_andDeleted_fallsBackToNorthAmerica() {
        TrunkingView view = mirror.view();
        String client = "paris.demo.gridpbx.test";
        assertThat(view.dialPlan(client)).isEqualTo(DialPlan.NORTH_AMERICA);

        ConfigObject france = dialPlan(client);
        config.save(france);
        assertTrueEventually(() -> assertThat(view.dialPlan(client).countryCode()).isEqualTo("33"), 10);
        assertThat(view.dialPlan(client).emergencyNumbers()).containsExactly("112", "15");

        config.delete(france.key());
        assertTrueEventually(() -> assertThat(view.dialPlan(client)).isEqualTo(DialPlan.NORTH_AMERICA), 10);
    }

    @Test
    void aDeletedUserProfile_fallsBackToBasicRights() {
        TrunkingView view = mirror.view();
        ConfigObject travellers = userProfile("travellers");
        config.save(travellers);
        assertTrueEventually(() -> assertThat(view.rights(RESELLER, "travellers").allows(NumberClass.INTERNATIONAL))
                .as("international allowed by the profile").isTrue(), 10);

        // Only the removed value says which profile went: the mirror must take it from the event.
        config.delete(travellers.key());
        assertTrueEventually(() -> assertThat(view.rights(RESELLER, "travellers")).isEqualTo(CallingRights.BASIC), 10);
    }

    @Test
    void whatTheMapsHeldBeforeTheMirrorStarted_isThereAsSoonAsItHasStarted() {
        trunking.saveGateway(gateway("gw-before", "127.0.0.29"));
        trunking.saveRoute(route("route-before"));
        trunking.saveDids(List.of(new Did("15145550171", RESELLER, CLIENT, "203")));
        config.save(dialPlan("lyon.demo.gridpbx.test"));
        config.save(userProfile("before"));

        // No change happens after this one starts: everything it knows, it read.
        try (TrunkingMirror late = TrunkingMirror.start(second)) {
            TrunkingView view = late.view();
            assertThat(view.carrierAt("127.0.0.29")).get().extracting(Gateway::id).isEqualTo("gw-before");
            assertThat(view.routes()).extracting(OutboundRoute::id).contains("route-before");
            assertThat(view.did("15145550171")).isPresent();
            assertThat(view.presentedNumber(CLIENT, "203")).contains("15145550171");
            assertThat(view.dialPlan("lyon.demo.gridpbx.test").countryCode()).isEqualTo("33");
            assertThat(view.rights(RESELLER, "before").allows(NumberClass.INTERNATIONAL)).isTrue();
        }
    }

    @Test
    void aGatewayGivenByHostName_becomesACarrierWhenANewResolutionFindsIt() {
        Map<String, List<String>> dns = new ConcurrentHashMap<>();
        Set<String> asked = ConcurrentHashMap.newKeySet();
        try (TrunkingMirror resolving = TrunkingMirror.start(second, host -> {
            asked.add(host);
            return dns.getOrDefault(host, List.of());
        }, Duration.ofMillis(100))) {
            trunking.saveGateway(gateway("gw-named", "SBC.Carrier.test"));
            assertTrueEventually(() -> assertThat(asked).as("names resolved").contains("sbc.carrier.test"), 10);
            assertThat(resolving.view().carrierAt("192.0.2.44")).as("before the name resolves").isEmpty();

            // The gateway does not change again: only the periodic resolution can find the address.
            dns.put("sbc.carrier.test", List.of("192.0.2.44"));
            assertTrueEventually(() -> assertThat(resolving.view().carrierAt("192.0.2.44")).get()
                    .extracting(Gateway::id).isEqualTo("gw-named"), 10);
        }
    }

    @Test
    void theSystemResolver_givesAnUnknownNameNoAddress_ratherThanAnError() {
        assertThat(TrunkingMirror.addressesOf("localhost")).contains("127.0.0.1");
        assertThat(TrunkingMirror.addressesOf("no-such-gateway.invalid")).isEmpty();
    }

    private static Gateway gateway(String id, String host) {
        return new Gateway(id, "Carrier " + id, host, 5060, Gateway.Transport.UDP, null, null, 0, null, false);
    }

    private static OutboundRoute route(String id) {
        return new OutboundRoute(id, "gridpbx.test", "Montreal", "\\+?1514[0-9]{7}", 10, List.of("gw-1"));
    }

    private static ConfigObject dialPlan(String client) {
        return new ConfigObject(ConfigKind.DIAL_PLAN, ConfigObject.SINGLE_ID, Scope.client(client), Map.of(
                "countryCode", "33", "nationalPrefix", "0", "internationalPrefix", "00", "nationalLength", "9",
                "emergencyNumbers", "112,15"));
    }

    private static ConfigObject userProfile(String id) {
        return new ConfigObject(ConfigKind.USER_PROFILE, id, Scope.reseller(RESELLER), Map.of("name", id,
                "maxCalls", "2", "international", "true", "voicemail", "true", "recording", "false",
                "premium", "false"));
    }

    @Test
    void probesOnEveryGateway_fromExactlyOneMember_andTheirVerdictReachesEveryMembersRoutes() {
        for (int i = 0; i < 20; i++) {
            trunking.saveGateway(probed("gw-probed-" + i, "127.0.1." + i));
        }
        TrunkingMirror firstMirror = TrunkingMirror.start(first);
        java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> probes = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.function.Function<Gateway, java.util.concurrent.CompletionStage<Integer>> silent = g -> {
            probes.computeIfAbsent(g.id(), k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            return java.util.concurrent.CompletableFuture.completedFuture(408);
        };
        java.time.Duration interval = java.time.Duration.ofMillis(300);
        try (var a = io.gridpbx.node.sip.GatewayProber.start(first, firstMirror.view(), silent,
                        new HazelcastGatewayHealth(first, java.time.Clock.systemUTC()), java.time.Clock.systemUTC(),
                        interval, interval);
                var b = io.gridpbx.node.sip.GatewayProber.start(second, mirror.view(), silent,
                        new HazelcastGatewayHealth(second, java.time.Clock.systemUTC()), java.time.Clock.systemUTC(),
                        interval, interval)) {
            assertTrueEventually(() -> {
                for (int i = 0; i < 20; i++) {
                    assertThat(mirror.view().isUp("gw-probed-" + i)).as("down on the second member").isFalse();
                    assertThat(firstMirror.view().isUp("gw-probed-" + i)).as("down on the first member").isFalse();
                }
            });
        } finally {
            firstMirror.close();
        }
        // Two silent probes take a gateway down; two members probing it would take it down after one round.
        for (int i = 0; i < 20; i++) {
            String id = "gw-probed-" + i;
            GatewayHealth health = first.<String, GatewayHealth>getMap(MapNames.GATEWAY_HEALTH).get(id);
            assertThat(health.state()).isEqualTo(GatewayHealth.State.DOWN);
            assertThat(probes.get(id).get()).as(id + " probed by one member per round").isLessThanOrEqualTo(3);
        }
    }

    private static Gateway probed(String id, String host) {
        return new Gateway(id, id, host, 5060, Gateway.Transport.UDP, null, null, 0, null, true);
    }
}
