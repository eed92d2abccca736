package io.gridpbx.sip;

import static io.gridpbx.sip.LoopbackNode.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.store.Stages;
import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.GatewayHealth;
import io.gridpbx.core.trunking.GatewayProbing;
import io.gridpbx.core.trunking.OutboundRoute;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * OPTIONS probing of gateways through a real JAIN-SIP node: a gateway that stops answering is taken out
 * of the routes, so calls go straight to the next one, and it takes calls again once it answers. The
 * health board is a map here (the grid shares it in a cluster); the rounds are driven by the test,
 * where a node runs them on its schedule.
 */
@Timeout(60)
class GatewayProbingIT {

    private static final int NODE_PORT = 15081;
    private static final Gateway FLAKY = new Gateway("flaky", "Flaky carrier", "127.0.0.2", 16401,
            Gateway.Transport.UDP, null, null, 0, null, true);
    private static final Gateway STEADY = new Gateway("steady", "Steady carrier", "127.0.0.3", 16402,
            Gateway.Transport.UDP, null, null, 0, null, false);
    private static final Duration PATIENCE = Duration.ofMillis(400);
    private static LoopbackNode node;
    private static GatewayProbing probing;
    private static final Map<String, GatewayHealth> board = new ConcurrentHashMap<>();

    @BeforeAll
    static void startNode() {
        node = LoopbackNode.start(NODE_PORT);
        node.trunking.putGateway(FLAKY);
        node.trunking.putGateway(STEADY);
        node.trunking.putRoute(new OutboundRoute("mtl", DemoTenants.PLATFORM_DOMAIN, "Montreal", "\\+?1514[0-9]{7}", 1,
                List.of("flaky", "steady")));
        probing = new GatewayProbing(gateway -> node.server.probe(gateway, PATIENCE), new GatewayProbing.HealthBoard() {
            @Override
            public GatewayHealth health(String gatewayId) {
                return board.getOrDefault(gatewayId, GatewayHealth.unknown(gatewayId, 0));
            }

            @Override
            public void save(GatewayHealth health) {
                board.put(health.gatewayId(), health);
                node.trunking.setUp(health.gatewayId(), health.takesCalls());
            }
        }, Clock.systemUTC());
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void aGatewayThatStopsAnsweringOptions_isSkipped_andTakesCallsAgainOnceItAnswers() throws IOException {
        try (UdpPeer deaf = new UdpPeer(FLAKY.host(), FLAKY.port())) {
            round();
            assertThat(deaf.await("OPTIONS sip:127.0.0.2:16401", Duration.ofSeconds(1))).as("probed").isNotNull();
            assertThat(board.get("flaky").state()).as("one silence is not enough").isEqualTo(GatewayHealth.State.UP);
            round();
            assertThat(board.get("flaky").state()).isEqualTo(GatewayHealth.State.DOWN);
            assertThat(board).as("a gateway with probing off is not probed").doesNotContainKey("steady");

            try (Sipp.Running steady = carrier("uas_answer.xml", STEADY)) {
                long start = System.nanoTime();
                call("211", 16410);
                steady.await().assertPassed();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no wait for the dead gateway's silence")
                        .isLessThan(Duration.ofSeconds(3));
            }
            assertThat(deaf.drain(Duration.ofMillis(200))).noneMatch(line -> line.startsWith("INVITE"));
        }

        try (Sipp.Running answering = Sipp.scenario("uas_options.xml", FLAKY.port()).from(FLAKY.host()).calls(2)
                .start().awaitListening()) {
            round();
            assertThat(board.get("flaky").state()).isEqualTo(GatewayHealth.State.RECOVERING);
            round();
            assertThat(board.get("flaky").state()).isEqualTo(GatewayHealth.State.UP);
            answering.await().assertPassed();
        }
        try (Sipp.Running flaky = carrier("uas_answer.xml", FLAKY)) {
            call("212", 16411);
            flaky.await().assertPassed();
        }
    }

    private static void round() {
        Stages.await(probing.round(List.of(FLAKY, STEADY), id -> true));
    }

    private static Sipp.Running carrier(String scenario, Gateway gateway) {
        return Sipp.scenario(scenario, gateway.port()).named(scenario.replace(".xml", "") + "-" + gateway.id())
                .from(gateway.host()).start().awaitListening();
    }

    private static void call(String caller, int port) {
        Sipp.scenario("uac_call.xml", port).to(NODE_PORT).service("5145551234").credentials(caller, "pass" + caller)
                .key("domain", OFFICE).key("caller", caller).run().assertPassed();
    }
}
