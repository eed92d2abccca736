package io.gridpbx.sip;

import static io.gridpbx.sip.LoopbackNode.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.access.Scope;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.OutboundRoute;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Call limits on a real JAIN-SIP node: a client capped at one concurrent call gets its second call
 * refused with a reason naming the cap, and its slot back when the first call ends; an emergency call
 * passes whatever the cap. The slots are counted in the node's memory here; in a cluster the grid
 * counts them (HazelcastCallSlotsTest).
 */
@Timeout(60)
class CallLimitsIT {

    private static final int NODE_PORT = 15101;
    private static final String CARRIER = "127.0.0.2";
    private static final int CARRIER_PORT = 16601;
    private static LoopbackNode node;

    @BeforeAll
    static void startNode() {
        node = LoopbackNode.start(NODE_PORT);
        node.trunking.putGateway(new Gateway("a", "Carrier A", CARRIER, CARRIER_PORT, Gateway.Transport.UDP, null, null,
                0, null, false));
        node.trunking.putRoute(new OutboundRoute("all", DemoTenants.PLATFORM_DOMAIN, "All", "\\+?[0-9]+", 1, List.of("a")));
        node.trunking.putConfig(new ConfigObject(ConfigKind.CLIENT_CALL_LIMIT, "cap", Scope.reseller("demo.gridpbx.test"),
                Map.of("client", OFFICE, "maxCalls", "1")));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void aClientAtItsCap_hasItsNextCallRefused_untilTheFirstEnds() throws IOException, InterruptedException {
        try (Sipp.Running carrier = Sipp.scenario("uas_answer.xml", CARRIER_PORT).named("carrier-held").from(CARRIER)
                .start().awaitListening();
                Sipp.Running first = Sipp.scenario("uac_call_held.xml", 16610).to(NODE_PORT).service("5145551234")
                        .credentials("200", "pass200").key("domain", OFFICE).key("caller", "200").start()) {
            awaitCount(1);
            Sipp.Result second = call("uac_call_refused.xml", "201", "5145551235", 16611);
            second.assertPassed();
            assertThat(Files.readString(second.dir().resolve("messages.log")))
                    .contains("SIP/2.0 403 Client Call Limit Reached");

            first.await().assertPassed();
            carrier.await().assertPassed();
        }

        awaitCount(0);
        try (Sipp.Running carrier = Sipp.scenario("uas_answer.xml", CARRIER_PORT).named("carrier-after").from(CARRIER)
                .start().awaitListening()) {
            call("uac_call.xml", "202", "5145551236", 16612).assertPassed();
            carrier.await().assertPassed();
        }
        awaitCount(0);
    }

    @Test
    void aCallTheCalledPartyRefuses_givesItsSlotBack() throws InterruptedException {
        try (Sipp.Running busy = Sipp.scenario("uas_busy.xml", CARRIER_PORT).named("carrier-busy").from(CARRIER)
                .start().awaitListening()) {
            call("uac_busy.xml", "203", "5145551237", 16613).assertPassed();
            busy.await().assertPassed();
        }
        awaitCount(0);
    }

    private static void awaitCount(int calls) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String key = "client:" + OFFICE;
        while (node.slots.counts(List.of(key)).get(key) != calls) {
            if (System.nanoTime() > deadline) {
                assertThat(node.slots.counts(List.of(key))).containsEntry(key, calls);
            }
            Thread.sleep(10);
        }
    }

    private static Sipp.Result call(String scenario, String caller, String dialled, int sippPort) {
        return Phones.call(NODE_PORT, scenario, caller, dialled, sippPort);
    }
}
