package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A trunk registered at a carrier by exactly one node of two, and by the other within seconds when the
 * first is killed with SIGKILL. A SIPp UAS plays the carrier's registrar on a loopback address and
 * grants 10 s, so the registering node refreshes every 5 s; the test reads from its message trace which
 * node each REGISTER came from (its Contact), and from the API which node the grid says registers the
 * gateway. Logs stay in {@code target/carrier-registration/}.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CarrierRegistrationClusterTest {

    private static final Path RUN_DIR = Path.of("target", "carrier-registration").toAbsolutePath();
    private static final NodeProcess.Spec NODE_A = new NodeProcess.Spec("nodeA", "127.0.0.130", 49160, 49161, 49180);
    private static final NodeProcess.Spec NODE_B = new NodeProcess.Spec("nodeB", "127.0.0.131", 49160, 49161, 49181);
    private static final String REGISTRAR_HOST = "127.0.0.132";
    private static final int REGISTRAR_PORT = 49170;
    private static final String TRUNK_USER = "trunk-acct";
    private static final String PLATFORM_TOKEN = "demo-platform-token";
    /** The member's death noticed within 5 s (heartbeats), the gateway's partition then the survivor's. */
    private static final Duration TAKEOVER_WITHIN = Duration.ofSeconds(15);
    private static final Pattern CONTACT = Pattern.compile("(?m)^Contact: <sip:" + Pattern.quote(TRUNK_USER)
            + "@([0-9.]+):[0-9]+>");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String runId = Long.toString(ProcessHandle.current().pid());
    private final List<NodeProcess> nodes = new CopyOnWriteArrayList<>();
    private Sipp registrar;

    @Test
    void exactlyOneNodeRegistersTheTrunk_andTheOtherTakesOverWithinSecondsOfItsKill9() throws Exception {
        assertThat(Sipp.BINARY).as("SIPp is needed (Debian package sip-tester)").isExecutable();
        TestDirs.fresh(RUN_DIR);
        Thread lastResort = new Thread(this::destroyEverything, "carrier-registration-last-resort");
        Runtime.getRuntime().addShutdownHook(lastResort);
        try {
            Path trace = RUN_DIR.resolve("registrar").resolve("messages.log");
            registrar = Sipp.start("registrar", "registrar_uas.xml", null, List.of("-i", REGISTRAR_HOST,
                    "-p", Integer.toString(REGISTRAR_PORT), "-m", "1000", "-timeout", "170s",
                    "-trace_msg", "-message_file", trace.toString()), RUN_DIR);
            NodeProcess a = startNode(NODE_A);
            NodeProcess b = startNode(NODE_B);
            for (NodeProcess node : nodes) {
                Eventually.await(node.name() + " in a cluster of 2", Duration.ofSeconds(60), node::status,
                        status -> status.clusterSize() == 2);
            }
            String gateway = JSON.readTree(a.post("/api/v1/gateways", JSON.writeValueAsString(Map.of(
                    "name", "Registering carrier", "host", REGISTRAR_HOST, "port", Integer.toString(REGISTRAR_PORT),
                    "transport", "UDP", "username", TRUNK_USER, "password", "trunk-secret",
                    // Only REGISTERs reach this carrier: no OPTIONS probes.
                    "probing", false, "register", true, "registerExpires", "60")), PLATFORM_TOKEN)).path("id").asString();

            // The owner of the gateway's partition registers, and refreshes (the carrier grants 10 s); the other never.
            List<String> first = Eventually.await("two REGISTERs at the carrier", Duration.ofSeconds(30),
                    () -> registeringHosts(trace), hosts -> hosts.size() >= 2);
            String owner = first.getFirst();
            assertThat(first).as("every REGISTER from one node").containsOnly(owner);
            NodeProcess registering = owner.equals(NODE_A.host()) ? a : b;
            NodeProcess survivor = registering == a ? b : a;
            JsonNode registration = Eventually.await("the grid saying who registers", Duration.ofSeconds(10),
                    () -> JSON.readTree(survivor.get("/api/v1/gateways/" + gateway, PLATFORM_TOKEN)).path("registration"),
                    state -> "REGISTERED".equals(state.path("state").asString()));
            assertThat(registration.path("node").asString()).isEqualTo(nodeId(registering));
            assertThat(registeringHosts(trace)).as("still one node").containsOnly(owner);

            String survivorId = nodeId(survivor);
            int before = registeringHosts(trace).size();
            long killedAt = System.nanoTime();
            registering.kill9();
            Eventually.await("a REGISTER from " + survivor.name(), TAKEOVER_WITHIN, () -> registeringHosts(trace),
                    hosts -> hosts.subList(before, hosts.size()).contains(survivorHost(survivor)));
            note("%s registered the trunk %d ms after kill -9 of %s", survivor.name(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt), registering.name());
            JsonNode takenOver = Eventually.await("the grid saying the survivor registers", Duration.ofSeconds(10),
                    () -> JSON.readTree(survivor.get("/api/v1/gateways/" + gateway, PLATFORM_TOKEN)).path("registration"),
                    state -> survivorId.equals(state.path("node").asString()));
            assertThat(takenOver.path("state").asString()).isEqualTo("REGISTERED");
        } finally {
            stopEverything();
            Runtime.getRuntime().removeShutdownHook(lastResort);
        }
    }

    private NodeProcess startNode(NodeProcess.Spec spec) throws Exception {
        List<String> members = List.of(NODE_A.member(), NODE_B.member());
        NodeProcess node = NodeProcess.start(spec, members, "carrier-registration-" + runId,
                "carrier-registration-operator", RUN_DIR);
        nodes.add(node);
        node.awaitUp(Duration.ofSeconds(120));
        return node;
    }

    /** The node address of each REGISTER the carrier received, in order (the Contact the node put in it). */
    private static List<String> registeringHosts(Path trace) throws IOException {
        List<String> hosts = new ArrayList<>();
        if (!Files.exists(trace)) {
            return hosts;
        }
        // SIPp traces each message after a dashed line; the REGISTERs are the received ones.
        for (String message : Files.readString(trace).split("-{20,}")) {
            if (message.contains("message received") && message.contains("REGISTER sip:")) {
                Matcher contact = CONTACT.matcher(message);
                if (contact.find()) {
                    hosts.add(contact.group(1));
                }
            }
        }
        return hosts;
    }

    private static String survivorHost(NodeProcess survivor) {
        return survivor.name().equals(NODE_A.name()) ? NODE_A.host() : NODE_B.host();
    }

    private static String nodeId(NodeProcess node) throws IOException, InterruptedException {
        return JSON.readTree(node.status().json()).path("node").asString();
    }

    private static void note(String format, Object... args) {
        System.out.println(String.format(format, args));
    }

    private void stopEverything() throws InterruptedException {
        if (registrar != null) {
            registrar.stop();
        }
        nodes.forEach(NodeProcess::requestStop);
        for (NodeProcess node : nodes) {
            node.awaitExit(Duration.ofSeconds(30));
        }
    }

    /** The JVM is going away before {@link #stopEverything}: leave no node or SIPp behind. */
    private void destroyEverything() {
        if (registrar != null) {
            registrar.destroyForcibly();
        }
        nodes.forEach(NodeProcess::destroyForcibly);
    }
}
