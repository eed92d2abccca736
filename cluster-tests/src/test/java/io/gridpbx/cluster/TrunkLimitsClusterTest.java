package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    private static final String DOMAIN = "office.demo.gridpbx.test";
    /** A Montreal number as a North American phone dials it; not one of the demo DIDs. */
    private static final String DIALLED = "5145551234";
    private static final String PLATFORM_TOKEN = "demo-platform-token";
    private static final String RESELLER_TOKEN = "demo-reseller-token";
    private static final Duration SIP_STEP = Duration.ofSeconds(30);
    /** The survivor reconciles 2 s after a member leaves and every 15 s: a round late is still in time. */
    private static final Duration RECONCILED_WITHIN = Duration.ofSeconds(25);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String runId = Long.toString(ProcessHandle.current().pid());
    private final AtomicInteger phonePorts = new AtomicInteger(FIRST_PHONE_PORT);
    private final List<NodeProcess> nodes = new CopyOnWriteArrayList<>();
    private final List<Sipp> sipps = new CopyOnWriteArrayList<>();

    /** A call set up by {@code trunk_uac_held.xml} from {@code port}, up until {@link #hangUp}. */
    private record HeldCall(String label, String callId, int port, Sipp sipp) {
    }

    @Test
    void aClientLimitedToTwoCalls_isRefusedItsThirdOnEitherNode_andGetsItsSlotsBackAfterByeAndAfterKill9()
            throws Exception {
        assertThat(Sipp.BINARY).as("SIPp is needed (Debian package sip-tester)").isExecutable();
        TestDirs.fresh(RUN_DIR);
        Thread lastResort = new Thread(this::destroyEverything, "trunk-limits-last-resort");
        Runtime.getRuntime().addShutdownHook(lastResort);
        try {
            NodeProcess a = startNode(NODE_A);
            NodeProcess b = startNode(NODE_B);
            for (NodeProcess node : nodes) {
                Eventually.await(node.name() + " in a cluster of 2", Duration.ofSeconds(60), node::status,
                        status -> status.clusterSize() == 2);
            }
            provision(a, b);
            sipps.add(Sipp.start("carrier-uas", "call_uas.xml", null, List.of("-i", CARRIER_HOST,
                    "-p", Integer.toString(CARRIER_PORT), "-timeout", "200s"), RUN_DIR));

            // Two calls up, one through each node: the client's two slots are taken.
            HeldCall first = heldCall("call1-via-a", NODE_A, a, "200");
            HeldCall second = heldCall("call2-via-b", NODE_B, b, "201");
            assertThat(activeCalls(a)).as("each call carried by the node it went through")
                    .containsEntry(first.callId(), nodeId(a)).containsEntry(second.callId(), nodeId(b));
            assertRefused("call3-via-a-refused", NODE_A, "202");
            assertRefused("call3-via-b-refused", NODE_B, "203");
            assertThat(activeCalls(b)).as("still the two calls: the refused ones set nothing up").hasSize(2);

            // One BYE gives its slot back: the next call passes.
            hangUp(first);
            HeldCall afterBye = heldCall("call4-via-b-after-bye", NODE_B, b, "204");
            hangUp(second);
            hangUp(afterBye);
            Eventually.await("no call left", SIP_STEP, () -> activeCalls(a), Map::isEmpty);

            // Node B carries both calls, and dies with them.
            HeldCall fifth = heldCall("call5-via-b", NODE_B, b, "205");
            HeldCall sixth = heldCall("call6-via-b", NODE_B, b, "206");
            assertThat(activeCalls(a)).containsEntry(fifth.callId(), nodeId(b)).containsEntry(sixth.callId(), nodeId(b));
            assertRefused("call7-via-a-refused", NODE_A, "207");
            long killedAt = System.nanoTime();
            b.kill9();
            Eventually.await("node A alone", SIP_STEP, a::status, status -> status.clusterSize() == 1);
            // Refused until the survivor gives back the dead node's slots: each attempt is a new call.
            Duration left = RECONCILED_WITHIN.minusNanos(System.nanoTime() - killedAt);
            HeldCall afterKill = Eventually.await("a call through node A admitted after kill -9 of node B", left,
                    () -> attempt("call8-via-a-after-kill", NODE_A, a, "208"), Optional::isPresent).orElseThrow();
            note("a call admitted through node A %d ms after kill -9 of node B",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));
            hangUp(afterKill);
        } finally {
            stopEverything();
            Runtime.getRuntime().removeShutdownHook(lastResort);
        }
    }

    private NodeProcess startNode(NodeProcess.Spec spec) throws Exception {
        List<String> members = List.of(NODE_A.member(), NODE_B.member());
        NodeProcess node = NodeProcess.start(spec, members, "trunk-limits-" + runId, "trunk-limits-operator", RUN_DIR);
        nodes.add(node);
        node.awaitUp(Duration.ofSeconds(120));
        return node;
    }

    /**
     * Through the API, on both nodes: the platform's gateway to the carrier and its route for Montreal
     * numbers (more specific than the demo's North American route), and the reseller's cap on its client.
     */
    private void provision(NodeProcess a, NodeProcess b) throws Exception {
        String gateway = JSON.readTree(a.post("/api/v1/gateways", JSON.writeValueAsString(Map.of(
                "name", "Loopback carrier", "host", CARRIER_HOST, "port", Integer.toString(CARRIER_PORT),
                "transport", "UDP", "stripDigits", "0",
                // No OPTIONS probes: the carrier's SIPp answers calls only.
                "probing", false)), PLATFORM_TOKEN)).path("id").asString();
        a.post("/api/v1/routes", JSON.writeValueAsString(Map.of("name", "Montreal", "pattern", "\\+?1514[0-9]{7}",
                "priority", "1", "gatewayIds", List.of(gateway))), PLATFORM_TOKEN);
        b.post("/api/v1/config/client-call-limits", JSON.writeValueAsString(Map.of("client", DOMAIN, "maxCalls", "2")),
                RESELLER_TOKEN);
        for (NodeProcess node : nodes) {
            assertThat(node.get("/api/v1/config/client-call-limits", RESELLER_TOKEN))
                    .as("the cap as %s reads it", node.name()).contains(DOMAIN).contains("\"maxCalls\":\"2\"");
        }
    }

    /** A call that must be admitted now: up and held, its dialog in the grid. */
    private HeldCall heldCall(String label, NodeProcess.Spec via, NodeProcess api, String extension) throws Exception {
        return attempt(label, via, api, extension).orElseThrow(
                () -> new AssertionError(label + " was not admitted: see " + RUN_DIR));
    }

    /** A call that may be admitted: held when it is, empty when its SIPp ended without a call (refused). */
    private Optional<HeldCall> attempt(String label, NodeProcess.Spec via, NodeProcess api, String extension)
            throws Exception {
        int port = phonePorts.getAndIncrement();
        String unique = label + "-" + port;
        String callId = unique + "-" + runId + "@" + PHONE_HOST;
        Sipp sipp = Sipp.start(unique, "trunk_uac_held.xml", sipAddress(via), List.of("-i", PHONE_HOST,
                "-p", Integer.toString(port), "-key", "domain", DOMAIN, "-key", "caller", extension, "-s", DIALLED,
                "-au", extension, "-ap", "pass" + extension, "-cid_str", callId, "-m", "1",
                "-timeout", "180s", "-timeout_error"), RUN_DIR);
        sipps.add(sipp);
        HeldCall call = new HeldCall(unique, callId, port, sipp);
        // Up (the call in the grid) or over (SIPp exited: refused); an exit after the call is up is a failure too.
        boolean up = Eventually.await(unique + " up or refused", SIP_STEP,
                () -> sipp.isRunning() ? activeCalls(api).containsKey(callId) : Boolean.FALSE,
                seen -> seen || !sipp.isRunning());
        if (!up) {
            return Optional.empty();
        }
        if (!sipp.isRunning()) {
            throw new AssertionError(unique + " was up, then its SIPp ended: " + sipp.await(Duration.ZERO));
        }
        return Optional.of(call);
    }

    /** A call that must be refused for the client's cap, with the limit's status and reason. */
    private void assertRefused(String label, NodeProcess.Spec via, String extension) throws Exception {
        Sipp sipp = Sipp.start(label, "trunk_uac_refused.xml", sipAddress(via), List.of("-i", PHONE_HOST,
                "-p", Integer.toString(phonePorts.getAndIncrement()), "-key", "domain", DOMAIN, "-key", "caller",
                extension, "-s", DIALLED, "-au", extension, "-ap", "pass" + extension, "-m", "1",
                "-recv_timeout", "20000", "-timeout", "60s", "-timeout_error"), RUN_DIR);
        sipps.add(sipp);
        Sipp.Result refused = sipp.await(SIP_STEP.multipliedBy(2));
        assertThat(refused.exitCode()).as("403 Client Call Limit Reached: %s", refused).isZero();
        assertThat(refused.successful()).as("%s", refused).isEqualTo(1);
    }

    /**
     * The test's signal to hang up, which {@code trunk_uac_held.xml} waits for: a NOTIFY with the call's
     * Call-ID, sent once to its SIPp over loopback. The BYE then goes out and must be answered 200.
     */
    private static void hangUp(HeldCall call) throws Exception {
        String notify = "NOTIFY sip:hangup@" + PHONE_HOST + ":" + call.port() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + PHONE_HOST + ";branch=z9hG4bK-hangup-" + call.port() + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:test@" + PHONE_HOST + ">;tag=hangup\r\n"
                + "To: <sip:hangup@" + PHONE_HOST + ">\r\n"
                + "Call-ID: " + call.callId() + "\r\n"
                + "CSeq: 1 NOTIFY\r\n"
                + "Event: hangup\r\n"
                + "Content-Length: 0\r\n\r\n";
        byte[] bytes = notify.getBytes(StandardCharsets.US_ASCII);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(PHONE_HOST, 0))) {
            socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(PHONE_HOST, call.port())));
        }
        Sipp.Result ended = call.sipp().await(SIP_STEP);
        assertThat(ended.exitCode()).as("%s hung up, BYE answered: %s", call.label(), ended).isZero();
        assertThat(ended.successful()).as("%s", ended).isEqualTo(1);
    }

    /** The calls up in the grid, as the reseller's API lists them: Call-ID → the node that carries it. */
    private static Map<String, String> activeCalls(NodeProcess node) throws IOException, InterruptedException {
        JsonNode calls = JSON.readTree(node.get("/api/v1/calls/active", RESELLER_TOKEN));
        return calls.valueStream().collect(Collectors.toMap(call -> call.path("callId").asString(),
                call -> call.path("node").asString(), (one, same) -> one));
    }

    private static String nodeId(NodeProcess node) throws IOException, InterruptedException {
        return JSON.readTree(node.status().json()).path("node").asString();
    }

    private static String sipAddress(NodeProcess.Spec node) {
        return node.host() + ":" + node.sipPort();
    }

    private static void note(String format, Object... args) {
        System.out.println(String.format(format, args));
    }

    private void stopEverything() throws InterruptedException {
        for (Sipp sipp : sipps) {
            sipp.stop();
        }
        nodes.forEach(NodeProcess::requestStop);
        for (NodeProcess node : nodes) {
            node.awaitExit(Duration.ofSeconds(30));
        }
    }

    /** The JVM is going away before {@link #stopEverything}: leave no node or SIPp behind. */
    private void destroyEverything() {
        sipps.forEach(Sipp::destroyForcibly);
        nodes.forEach(NodeProcess::destroyForcibly);
    }
}
