package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * A TLS phone is reached over its own connection from whichever node it registered on (RFC 5626-style
 * reuse across the cluster): 201 registers over TLS with node 1, 200 with node 2, and 200 calls 201
 * through node 2. Node 2 hands the INVITE to node 1, which relays it down the connection 201 opened to
 * register, and the caller's BYE takes the same way; the callee's BYE goes back through both nodes and
 * down the connection the caller's INVITE came in on (baresip accepts no TLS connection of its own).
 * Logs stay in {@code target/baresip-tls-cross/}.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class BaresipTlsCrossNodeClusterTest {

    private static final Path RUN_DIR = Path.of("target", "baresip-tls-cross").toAbsolutePath();
    private static final String DOMAIN = "office.demo.gridpbx.test";
    private static final int TLS_PORT = 47661;
    private static final NodeProcess.Spec NODE1 = new NodeProcess.Spec("node1", "127.0.0.30", 47660, 47611, 47680);
    private static final NodeProcess.Spec NODE2 = new NodeProcess.Spec("node2", "127.0.0.31", 47660, 47611, 47681);
    private static final String PROXY1 = NODE1.host() + ":" + TLS_PORT;
    private static final String PROXY2 = NODE2.host() + ":" + TLS_PORT;
    private static final BaresipConfig CALLER = new BaresipConfig("127.0.0.32", 47662, 47670, "47700-47749", "200",
            DOMAIN, "pass200", PROXY2, "tls");
    private static final BaresipConfig CALLEE = new BaresipConfig("127.0.0.33", 47662, 47670, "47750-47799", "201",
            DOMAIN, "pass201", PROXY1, "tls");
    private static final Duration SIP_STEP = Duration.ofSeconds(20);
    private static final Duration RTCP_REPORT = Duration.ofSeconds(30);
    private static final int MIN_PACKETS = 50;

    private static @Nullable BaresipLab lab;

    @BeforeAll
    static void startTwoNodesWithTls() throws Exception {
        lab = BaresipLab.start("baresip-tls-cross", List.of(NODE1, NODE2), RUN_DIR,
                List.of("--gridpbx.sip.tls-port=" + TLS_PORT));
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        if (lab != null) {
            lab.stop();
        }
    }

    @Test
    void aCallThroughNode2_reachesTheCalleeOverTheConnectionItOpenedToNode1_andEndsFromEitherSide() throws Exception {
        Baresip caller = lab().phone("phone200", CALLER);
        Baresip callee = lab().phone("phone201", CALLEE);
        caller.awaitRegistered(SIP_STEP);
        callee.awaitRegistered(SIP_STEP);
        Eventually.await("both phones registered in the cluster", SIP_STEP, lab().node(1)::status,
                status -> status.registeredAddresses() == 2);
        String registeredFrom = callee.awaitOutput("its REGISTER over TLS to node 1", Pattern.compile(
                "TLS (\\S+:\\d+) -> " + Pattern.quote(PROXY1) + "\\s+REGISTER sip:"), SIP_STEP).group(1);

        // The first call: the caller hangs up.
        JsonNode dialed = caller.control().command("dial", "sip:" + CALLEE.aor(), SIP_STEP);
        assertThat(dialed.path("ok").asBoolean()).as("dial accepted: %s", dialed).isTrue();
        callee.control().awaitEvent("CALL_INCOMING", SIP_STEP);
        callee.awaitOutput("the INVITE from node 1 down its own connection", Pattern.compile(
                "TLS " + Pattern.quote(PROXY1) + " -> " + Pattern.quote(registeredFrom) + "\\s+INVITE sip:"), SIP_STEP);
        assertThat(callee.control().command("accept", "", SIP_STEP).path("ok").asBoolean()).isTrue();
        caller.control().awaitEvent("CALL_ESTABLISHED", SIP_STEP);
        callee.control().awaitEvent("CALL_ESTABLISHED", SIP_STEP);
        for (Baresip phone : List.of(caller, callee)) {
            phone.control().awaitEvent("CALL_RTCP", event -> BaresipLab.rtcpPackets(event, "rx") >= MIN_PACKETS
                    && BaresipLab.rtcpPackets(event, "tx") >= MIN_PACKETS, RTCP_REPORT);
        }
        assertThat(caller.control().command("hangup", "", SIP_STEP).path("ok").asBoolean()).isTrue();
        caller.control().awaitEvent("CALL_CLOSED", SIP_STEP);
        callee.control().awaitEvent("CALL_CLOSED", SIP_STEP);
        callee.awaitOutput("the caller's BYE down its own connection", Pattern.compile(
                "TLS " + Pattern.quote(PROXY1) + " -> " + Pattern.quote(registeredFrom) + "\\s+BYE sip:"), SIP_STEP);

        // The second call: the callee hangs up, and its BYE goes through node 1, then node 2, to the caller.
        assertThat(caller.control().command("dial", "sip:" + CALLEE.aor(), SIP_STEP).path("ok").asBoolean()).isTrue();
        callee.control().awaitEvent("CALL_INCOMING", 2, SIP_STEP);
        assertThat(callee.control().command("accept", "", SIP_STEP).path("ok").asBoolean()).isTrue();
        caller.control().awaitEvent("CALL_ESTABLISHED", 2, SIP_STEP);
        assertThat(callee.control().command("hangup", "", SIP_STEP).path("ok").asBoolean()).isTrue();
        caller.control().awaitEvent("CALL_CLOSED", 2, SIP_STEP);
        callee.control().awaitEvent("CALL_CLOSED", 2, SIP_STEP);
        String callerFrom = caller.awaitOutput("its REGISTER over TLS to node 2", Pattern.compile(
                "TLS (\\S+:\\d+) -> " + Pattern.quote(PROXY2) + "\\s+REGISTER sip:"), SIP_STEP).group(1);
        caller.awaitOutput("the callee's BYE from node 2 down the connection the INVITE came in on", Pattern.compile(
                "TLS " + Pattern.quote(PROXY2) + " -> " + Pattern.quote(callerFrom) + "\\s+BYE sip:"), SIP_STEP);
        for (int node = 0; node < 2; node++) {
            Eventually.await("no active dialog on node " + (node + 1), SIP_STEP, lab().node(node)::status,
                    status -> status.activeDialogs() == 0);
        }

        assertThat(caller.quit(SIP_STEP)).as("200's exit code").isZero();
        assertThat(callee.quit(SIP_STEP)).as("201's exit code").isZero();
    }

    private static BaresipLab lab() {
        if (lab == null) {
            throw new IllegalStateException("the nodes did not start");
        }
        return lab;
    }
}
