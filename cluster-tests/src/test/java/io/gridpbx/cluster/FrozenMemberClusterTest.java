package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bounded waits on SIP threads (issue 7, section 5): two real nodes, one frozen with SIGSTOP (a
 * member that stops answering without closing its connections: a long GC pause, a hung VM). In a
 * two-member cluster every partition has its owner or its synchronous backup on the frozen member,
 * so every registration on the other node needs it. That node must keep answering OPTIONS at once,
 * answer REGISTER with 503 and Retry-After within its grid deadline instead of holding the phone
 * until the member is declared dead, serve again once the member's backups are promoted, and both
 * must serve again after SIGCONT. Node logs stay in {@code target/frozen-member/}.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FrozenMemberClusterTest {

    private static final Path RUN_DIR = Path.of("target", "frozen-member").toAbsolutePath();
    private static final String OPERATOR_TOKEN = "frozen-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    /** Addresses and ports of this class alone, so that nothing clashes with other tests on the machine. */
    private static final NodeProcess.Spec FROZEN = new NodeProcess.Spec("frozen", "127.0.0.61", 45060, 45701, 48061);
    private static final NodeProcess.Spec SURVIVOR = new NodeProcess.Spec("survivor", "127.0.0.62", 45060, 45701, 48062);
    private static final String PHONE_HOST = "127.0.0.63";
    private static final String DOMAIN = "office.demo.gridpbx.test";
    /** The node's default gridpbx.sip.grid-deadline-ms. */
    private static final Duration GRID_DEADLINE = Duration.ofSeconds(1);
    /** What a loaded two-core box may add to the deadline: parsing, a 401 round trip, scheduling. */
    private static final Duration SLACK = Duration.ofMillis(1500);
    /** A keepalive needs no grid: answered at once even while every partition moves. */
    private static final Duration KEEPALIVE_LIMIT = Duration.ofSeconds(1);

    private static final List<NodeProcess> nodes = new ArrayList<>();
    private static @Nullable Thread lastResort;

    @BeforeAll
    @Timeout(value = 200, unit = TimeUnit.SECONDS)
    static void startTwoNodes() throws Exception {
        TestDirs.fresh(RUN_DIR);
        lastResort = new Thread(FrozenMemberClusterTest::destroyEverything, "frozen-member-last-resort");
        Runtime.getRuntime().addShutdownHook(lastResort);
        List<String> members = List.of(FROZEN.member(), SURVIVOR.member());
        String clusterName = "frozen-member-" + ProcessHandle.current().pid();
        // The first node creates the demo tenants; the second joins it.
        nodes.add(NodeProcess.start(FROZEN, members, clusterName, OPERATOR_TOKEN, RUN_DIR));
        frozen().awaitUp(Duration.ofSeconds(120));
        nodes.add(NodeProcess.start(SURVIVOR, members, clusterName, OPERATOR_TOKEN, RUN_DIR));
        survivor().awaitUp(Duration.ofSeconds(120));
        for (NodeProcess node : nodes) {
            Eventually.await("a cluster of 2 on " + node, Duration.ofSeconds(60), node::status, s -> s.clusterSize() == 2);
        }
    }

    @Test
    void aFrozenMember_costsA503WithinTheDeadline_neverAHungPhone_andKeepalivesAreAnsweredThroughout()
            throws Exception {
        InetSocketAddress survivorSip = new InetSocketAddress(SURVIVOR.host(), SURVIVOR.sipPort());
        InetSocketAddress frozenSip = new InetSocketAddress(FROZEN.host(), FROZEN.sipPort());
        try (UdpPhone phone = new UdpPhone(PHONE_HOST, "200", DOMAIN, "pass200");
                UdpPhone keepalive = new UdpPhone(PHONE_HOST, "201", DOMAIN, "pass201")) {
            // Healthy: the survivor registers the phone (and its near cache now holds the domain and the credentials).
            assertThat(phone.register(survivorSip, Duration.ofSeconds(10)).status()).isEqualTo(200);

            signal("STOP", frozen());
            try {
                assertThat(keepalive.options(survivorSip, KEEPALIVE_LIMIT).status()).isEqualTo(200);

                UdpPhone.Answer refused = phone.register(survivorSip, GRID_DEADLINE.plus(SLACK).plus(SLACK));
                assertThat(refused.status()).as(refused.text()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).as(refused.text()).hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
                assertThat(refused.took()).as("503 after the grid deadline, not after failure detection (5 s)")
                        .isLessThan(GRID_DEADLINE.plus(SLACK));

                // The frozen member is declared dead after 5 s and its backups promoted: the survivor serves
                // again, as its Retry-After promised, and keepalives are answered at once all along.
                long frozenSince = System.nanoTime();
                Eventually.await("a 200 from the survivor while the other member is frozen", Duration.ofSeconds(60),
                        () -> {
                            assertThat(keepalive.options(survivorSip, KEEPALIVE_LIMIT).status()).isEqualTo(200);
                            return phone.register(survivorSip, Duration.ofSeconds(5)).status();
                        }, status -> status == 200);
                note("the survivor registered again %d ms after the freeze",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - frozenSince));
            } finally {
                signal("CONT", frozen());
            }

            // Thawed: the member finds itself removed, the two sides merge, and both nodes serve.
            for (NodeProcess node : nodes) {
                Eventually.await("a cluster of 2 again on " + node, Duration.ofSeconds(120), node::status,
                        s -> s.clusterSize() == 2);
            }
            Eventually.await("a 200 from the thawed node", Duration.ofSeconds(60),
                    () -> phone.register(frozenSip, Duration.ofSeconds(5)).status(), status -> status == 200);
            Eventually.await("a 200 from the survivor after the thaw", Duration.ofSeconds(60),
                    () -> phone.register(survivorSip, Duration.ofSeconds(5)).status(), status -> status == 200);
            assertThat(survivor().status().json()).contains("\"gridTimeouts\":");
        }
    }

    @AfterAll
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    static void stopEverything() throws InterruptedException {
        for (NodeProcess node : nodes) {
            continueQuietly(node);
            node.requestStop();
        }
        for (NodeProcess node : nodes) {
            node.awaitExit(Duration.ofSeconds(30));
        }
        if (lastResort != null) {
            Runtime.getRuntime().removeShutdownHook(lastResort);
        }
    }

    /** kill -STOP / -CONT to a node this test started, by its PID. */
    private static void signal(String signal, NodeProcess node) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(node.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + node + " failed");
        }
    }

    private static void continueQuietly(NodeProcess node) {
        try {
            signal("CONT", node);
        } catch (Exception | AssertionError ignored) {
            // already gone
        }
    }

    private static void destroyEverything() {
        for (NodeProcess node : nodes) {
            continueQuietly(node);
            node.destroyForcibly();
        }
    }

    private static NodeProcess frozen() {
        return nodes.get(0);
    }

    private static NodeProcess survivor() {
        return nodes.get(1);
    }

    private static void note(String format, Object... args) {
        System.out.printf("[frozen-member] " + format + "%n", args);
    }
}
