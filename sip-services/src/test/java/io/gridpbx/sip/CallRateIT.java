package io.gridpbx.sip;

import static io.gridpbx.sip.LoopbackNode.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.access.Scope;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.OutboundRoute;
import io.gridpbx.sip.overload.OverloadSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client's calls per second on a real JAIN-SIP node whose clock stands still, so that every call
 * falls in the same second: a client allowed one call a second gets its second call refused with a
 * reason naming the cap, before anything rings and without taking a slot.
 */
@Timeout(60)
class CallRateIT {

    private static final int NODE_PORT = 15121;
    private static final String CARRIER = "127.0.0.2";
    private static final int CARRIER_PORT = 16801;
    private static LoopbackNode node;

    @BeforeAll
    static void startNode() {
        Clock stopped = Clock.fixed(Instant.parse("2026-12-07T12:00:00.250Z"), ZoneOffset.UTC);
        node = LoopbackNode.start(NODE_PORT, stopped, OverloadSettings.DEFAULTS);
        node.trunking.putGateway(new Gateway("a", "Carrier A", CARRIER, CARRIER_PORT, Gateway.Transport.UDP, null, null,
                0, null, false));
        node.trunking.putRoute(new OutboundRoute("all", DemoTenants.PLATFORM_DOMAIN, "All", "\\+?[0-9]+", 1, List.of("a")));
        node.trunking.putConfig(new ConfigObject(ConfigKind.CLIENT_CALL_LIMIT, "cap", Scope.reseller("demo.gridpbx.test"),
                Map.of("client", OFFICE, "maxCalls", "10", "callsPerSecond", "1")));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void aClientPastItsCallsPerSecond_isRefusedWithAReason() throws IOException {
        try (Sipp.Running busy = Sipp.scenario("uas_busy.xml", CARRIER_PORT).named("carrier-busy-rate").from(CARRIER)
                .start().awaitListening()) {
            Phones.call(NODE_PORT, "uac_busy.xml", "200", "5145551234", 16810).assertPassed();
            busy.await().assertPassed();
        }
        Sipp.Result second = Phones.call(NODE_PORT, "uac_call_refused.xml", "201", "5145551235", 16811);
        second.assertPassed();
        assertThat(Files.readString(second.dir().resolve("messages.log")))
                .contains("SIP/2.0 403 Client Call Rate Exceeded");
        assertThat(node.slots.counts(List.of("client:" + OFFICE))).containsEntry("client:" + OFFICE, 0);
    }
}
