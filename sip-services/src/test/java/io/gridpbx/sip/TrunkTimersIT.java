package io.gridpbx.sip;

import static io.gridpbx.sip.LoopbackNode.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.OutboundRoute;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The timers the stack does not keep, shortened: a carrier that rings for ever, a call that would last
 * longer than the longest allowed.
 */
@Timeout(60)
class TrunkTimersIT {

    private static final int NODE_PORT = 15111;
    private static LoopbackNode node;

    @BeforeAll
    static void startNode() {
        node = LoopbackNode.start(NODE_PORT, new TrunkTimers(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(3)));
        node.trunking.putGateway(new Gateway("a", "Carrier A", "127.0.0.2", 16701, Gateway.Transport.UDP, null, null,
                0, null, false));
        node.trunking.putRoute(new OutboundRoute("mtl", DemoTenants.PLATFORM_DOMAIN, "Montreal", "\\+?1514[0-9]{7}", 1,
                List.of("a")));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void aCallRingingThroughACarrierTooLong_endsWith480_andTheCarrierIsCancelled() throws IOException {
        Sipp.Result caller;
        long start = System.nanoTime();
        try (Sipp.Running ringing = Sipp.scenario("uas_ring_until_cancelled.xml", 16701).named("carrier-rings")
                .from("127.0.0.2").start().awaitListening()) {
            caller = Sipp.scenario("uac_call_refused.xml", 16710).to(NODE_PORT).service("5145551234")
                    .credentials("200", "pass200").key("domain", OFFICE).key("caller", "200").run();
            ringing.await().assertPassed();
        }

        caller.assertPassed();
        assertThat(Files.readString(caller.dir().resolve("messages.log"))).contains("SIP/2.0 480 No Answer");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aCallLongerThanTheLongestAllowed_isEndedByTheNode_withAByeToEachParty() {
        long start = System.nanoTime();
        try (Sipp.Running carrier = Sipp.scenario("uas_answer_cut.xml", 16701).named("carrier-long-call")
                .from("127.0.0.2").start().awaitListening()) {
            // Neither end hangs up: each must get the node's BYE, or SIPp fails it.
            Sipp.scenario("uac_call_cut.xml", 16711).to(NODE_PORT).service("5145551235").credentials("201", "pass201")
                    .key("domain", OFFICE).key("caller", "201").run().assertPassed();
            carrier.await().assertPassed();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(15));
        assertThat(node.dialogs.records()).filteredOn(cdr -> cdr.caller().user().equals("201")).singleElement()
                .satisfies(cdr -> assertThat(cdr.disposition()).isEqualTo("MAX_DURATION"));
    }
}
