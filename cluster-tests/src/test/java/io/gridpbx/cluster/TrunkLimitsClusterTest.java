package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.cluster.TrunkLab.HeldCall;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cluster-wide caps on calls to the PSTN, with two real nodes: a client that its reseller limits to 2
 * concurrent calls gets its third call refused (403 Client Call Limit Reached) whichever node it reaches;
 * a slot comes back with a call's BYE; and the slots of the calls a node carried come back when that node
 * is killed with SIGKILL, through the survivor's reconciliation. A SIPp UAS plays the carrier behind a
 * gateway at a loopback address, SIPp UACs play the office's phones. Logs stay in {@code target/trunk-limits/}.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class TrunkLimitsClusterTest {

    private static final Path RUN_DIR = Path.of("target", "trunk-limits").toAbsolutePath();
    private static final NodeProcess.Spec NODE_A = new NodeProcess.Spec("nodeA", "127.0.0.110", 49060, 49061, 49080);
    private static final NodeProcess.Spec NODE_B = new NodeProcess.Spec("nodeB", "127.0.0.111", 49060, 49061, 49081);
    /** The carrier: not the phones' address, which the node would take for the carrier's own calls. */
    private static final String CARRIER_HOST = "127.0.0.112";
    private static final int CARRIER_PORT = 49070;
    /** The phones send from the address the test nodes allow, so that their 403s never get them banned. */
    private static final String PHONE_HOST = "127.0.0.1";
    private static final int FIRST_PHONE_PORT = 49100;

    /** A Montreal number as a North American phone dials it; not one of the demo DIDs. */
    private static final String DIALLED = "5145551234";
    private static final Duration SIP_STEP = TrunkLab.SIP_STEP;
    /** The survivor reconciles 2 s after a member leaves and every 15 s: a round late is still in time. */
    private static final Duration RECONCILED_WITHIN = Duration.ofSeconds(25);

    @Test
    void aClientLimitedToTwoCalls_isRefusedItsThirdOnEitherNode_andGetsItsSlotsBackAfterByeAndAfterKill9()
            throws Exception {
        TrunkLab lab = TrunkLab.start("trunk-limits", List.of(NODE_A, NODE_B), RUN_DIR, List.of(), PHONE_HOST,
                FIRST_PHONE_PORT);
        try {
            NodeProcess a = lab.node(0);
            NodeProcess b = lab.node(1);
            provision(a, b);
            lab.carrier(CARRIER_HOST, CARRIER_PORT);

            // Two calls up, one through each node: the client's two slots are taken.
            HeldCall first = lab.held("call1-via-a", NODE_A, a, "200", DIALLED);
            HeldCall second = lab.held("call2-via-b", NODE_B, b, "201", DIALLED);
            assertThat(TrunkLab.activeCalls(a)).as("each call carried by the node it went through")
                    .containsEntry(first.callId(), TrunkLab.nodeId(a)).containsEntry(second.callId(), TrunkLab.nodeId(b));
            assertRefused(lab, "call3-via-a-refused", NODE_A, "202");
            assertRefused(lab, "call3-via-b-refused", NODE_B, "203");
            assertThat(TrunkLab.activeCalls(b)).as("still the two calls: the refused ones set nothing up").hasSize(2);

            // One BYE gives its slot back: the next call passes.
            TrunkLab.hangUp(first);
            HeldCall afterBye = lab.held("call4-via-b-after-bye", NODE_B, b, "204", DIALLED);
            TrunkLab.hangUp(second);
            TrunkLab.hangUp(afterBye);
            Eventually.await("no call left", SIP_STEP, () -> TrunkLab.activeCalls(a), Map::isEmpty);

            // Node B carries both calls, and dies with them.
            HeldCall fifth = lab.held("call5-via-b", NODE_B, b, "205", DIALLED);
            HeldCall sixth = lab.held("call6-via-b", NODE_B, b, "206", DIALLED);
            assertThat(TrunkLab.activeCalls(a)).containsEntry(fifth.callId(), TrunkLab.nodeId(b))
                    .containsEntry(sixth.callId(), TrunkLab.nodeId(b));
            assertRefused(lab, "call7-via-a-refused", NODE_A, "207");
            long killedAt = System.nanoTime();
            b.kill9();
            Eventually.await("node A alone", SIP_STEP, a::status, status -> status.clusterSize() == 1);
            // Refused until the survivor gives back the dead node's slots: each attempt is a new call.
            Duration left = RECONCILED_WITHIN.minusNanos(System.nanoTime() - killedAt);
            HeldCall afterKill = Eventually.await("a call through node A admitted after kill -9 of node B", left,
                    () -> lab.attempt("call8-via-a-after-kill", NODE_A, a, "208", DIALLED), Optional::isPresent)
                    .orElseThrow();
            note("a call admitted through node A %d ms after kill -9 of node B",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));
            TrunkLab.hangUp(afterKill);
        } finally {
            lab.stop();
        }
    }

    /**
     * Through the API, on both nodes: the platform's gateway to the carrier and its route for Montreal
     * numbers (more specific than the demo's North American route), and the reseller's cap on its client.
     */
    private static void provision(NodeProcess a, NodeProcess b) throws Exception {
        TrunkLab.gatewayAndRoute(a, CARRIER_HOST, CARRIER_PORT, "Montreal", "\\+?1514[0-9]{7}");
        b.post("/api/v1/config/client-call-limits", TrunkLab.JSON.writeValueAsString(Map.of("client", TrunkLab.DOMAIN,
                "maxCalls", "2")), TrunkLab.RESELLER_TOKEN);
        for (NodeProcess node : List.of(a, b)) {
            assertThat(node.get("/api/v1/config/client-call-limits", TrunkLab.RESELLER_TOKEN))
                    .as("the cap as %s reads it", node.name()).contains(TrunkLab.DOMAIN).contains("\"maxCalls\":\"2\"");
        }
    }

    /** A call that must be refused for the client's cap, with the limit's status and reason. */
    private static void assertRefused(TrunkLab lab, String label, NodeProcess.Spec via, String extension)
            throws Exception {
        Sipp.Result refused = lab.refused(label, via, extension, DIALLED);
        assertThat(refused.exitCode()).as("403 Client Call Limit Reached: %s", refused).isZero();
        assertThat(refused.successful()).as("%s", refused).isEqualTo(1);
    }

    private static void note(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
