package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9 §4: killing a node raises "node left" exactly once in a three-node cluster, and its return
 * clears it. Three node processes post their alerts to a webhook receiver in this JVM; node 1, the
 * oldest member and so the one that evaluates the cluster's alerts, is killed with {@code kill -9}:
 * the next oldest raises the alert (REST and webhook), once; node 1 restarted at the same address
 * clears it, once, and the history keeps it with both times. Logs stay in {@code target/node-left-alert/}.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class NodeLeftAlertClusterTest {

    private static final Path RUN_DIR = Path.of("target", "node-left-alert").toAbsolutePath();
    private static final String OPERATOR_TOKEN = "node-left-alert-" + HexFormat.of().toHexDigits(
            ThreadLocalRandom.current().nextLong());
    private static final String PLATFORM_TOKEN = "demo-platform-token";
    private static final int SIP_PORT = 47960;
    private static final int CLUSTER_PORT = 47961;
    private static final List<NodeProcess.Spec> NODES = List.of(
            new NodeProcess.Spec("node1", "127.0.0.50", SIP_PORT, CLUSTER_PORT, 47980),
            new NodeProcess.Spec("node2", "127.0.0.51", SIP_PORT, CLUSTER_PORT, 47981),
            new NodeProcess.Spec("node3", "127.0.0.52", SIP_PORT, CLUSTER_PORT, 47982));
    private static final String KILLED_ID = "node-left:127.0.0.50:" + CLUSTER_PORT;
    /** Failure detection (a kill closes the connections at once; heartbeats 5 s at worst) and an evaluation. */
    private static final Duration RAISED_WITHIN = Duration.ofSeconds(30);
    private static final Duration START = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<NodeProcess> nodes = new ArrayList<>();
    private static final List<JsonNode> posted = new CopyOnWriteArrayList<>();
    private static @Nullable HttpServer receiver;
    private static String clusterName = "";
    private static List<String> extraArgs = List.of();

    @BeforeAll
    static void startCluster() throws Exception {
        TestDirs.fresh(RUN_DIR);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/alerts", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            posted.add(JSON.readTree(new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        receiver = server;
        clusterName = "node-left-alert-test-" + ProcessHandle.current().pid();
        extraArgs = List.of("--gridpbx.alerts.webhook-url=http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + "/alerts", "--gridpbx.alerts.interval=1s");
        // One after the other: node 1 is the oldest member.
        for (NodeProcess.Spec spec : NODES) {
            NodeProcess node = start(spec);
            nodes.add(node);
            node.awaitUp(START);
        }
        for (NodeProcess node : nodes) {
            Eventually.await(node.name() + " in a cluster of 3", Duration.ofSeconds(60), node::status,
                    status -> status.clusterSize() == 3);
        }
    }

    private static NodeProcess start(NodeProcess.Spec spec) throws IOException {
        List<String> members = NODES.stream().map(NodeProcess.Spec::member).toList();
        return NodeProcess.start(spec, members, clusterName, OPERATOR_TOKEN, RUN_DIR, extraArgs);
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        for (NodeProcess node : nodes) {
            node.requestStop();
        }
        for (NodeProcess node : nodes) {
            node.awaitExit(Duration.ofSeconds(20));
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void killingTheEvaluatingNode_raisesNodeLeftOnce_andItsReturnClearsItOnce() throws Exception {
        NodeProcess survivor = nodes.get(1);
        assertThat(activeAlerts(survivor)).as("a healthy cluster").isEmpty();

        nodes.getFirst().kill9();

        Eventually.await("one node-left alert on node 2", RAISED_WITHIN, () -> activeAlerts(survivor),
                active -> !active.isEmpty());
        List<JsonNode> active = activeAlerts(survivor);
        assertThat(active).extracting(a -> a.path("id").asString()).containsExactly(KILLED_ID);
        JsonNode raised = active.getFirst();
        assertThat(raised.path("raisedBy").asString()).as("the next oldest evaluates")
                .isEqualTo("127.0.0.51:" + CLUSTER_PORT);
        assertThat(activeAlerts(nodes.get(2))).as("node 3 reads the same grid")
                .extracting(a -> a.path("id").asString()).containsExactly(KILLED_ID);
        Eventually.await("the webhook to receive the raise", RAISED_WITHIN, () -> count("firing"), n -> n >= 1);

        NodeProcess back = start(NODES.getFirst());
        nodes.set(0, back);
        back.awaitUp(START);
        Eventually.await("node 1 back in a cluster of 3", Duration.ofSeconds(60), survivor::status,
                status -> status.clusterSize() == 3);

        Eventually.await("the alert cleared", RAISED_WITHIN, () -> activeAlerts(survivor), List::isEmpty);
        Eventually.await("the webhook to receive the clear", RAISED_WITHIN, () -> count("resolved"), n -> n >= 1);
        assertThat(count("firing")).as("raised once").isEqualTo(1);
        assertThat(count("resolved")).as("cleared once").isEqualTo(1);
        assertThat(posted).as("nothing else was alerted").hasSize(2);

        List<JsonNode> all = alerts(back, false);
        assertThat(all).singleElement().satisfies(alert -> {
            assertThat(alert.path("id").asString()).isEqualTo(KILLED_ID);
            assertThat(alert.path("active").asBoolean()).isFalse();
            assertThat(alert.path("raisedAt").asString()).isEqualTo(raised.path("raisedAt").asString());
            assertThat(alert.path("clearedAt").asString()).isNotBlank();
        });
    }

    private static long count(String status) {
        return posted.stream().filter(event -> event.path("id").asString().equals(KILLED_ID))
                .filter(event -> event.path("status").asString().equals(status)).count();
    }

    private static List<JsonNode> activeAlerts(NodeProcess node) throws IOException, InterruptedException {
        return alerts(node, true);
    }

    private static List<JsonNode> alerts(NodeProcess node, boolean activeOnly) throws IOException, InterruptedException {
        JsonNode list = JSON.readTree(node.get("/api/v1/alerts?active=" + activeOnly, PLATFORM_TOKEN));
        return StreamSupport.stream(list.spliterator(), false).toList();
    }
}
