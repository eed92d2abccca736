package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three real nodes on 127.0.0.1, .2 and .3, driven by SIPp: 1,000 users register on node 1,
 * 1,000 calls go through node 2, node 1 is killed with SIGKILL, and then 1,000 calls go through
 * node 3 to the same users. No registration and no call may be lost. Node and SIPp logs stay in
 * {@code target/three-node-sipp/}.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ThreeNodeSippClusterTest {

    private static final Path RUN_DIR = Path.of("target", "three-node-sipp").toAbsolutePath();
    private static final String OPERATOR_TOKEN = "cluster-test-" + HexFormat.of().toHexDigits(
            ThreadLocalRandom.current().nextLong());

    // Ports of their own, so that nothing clashes with the other integration tests.
    private static final int SIP_PORT = 25060;
    private static final int CLUSTER_PORT = 25701;
    private static final NodeProcess.Spec NODE1 = new NodeProcess.Spec("node1", "127.0.0.1", SIP_PORT, CLUSTER_PORT, 28081);
    private static final NodeProcess.Spec NODE2 = new NodeProcess.Spec("node2", "127.0.0.2", SIP_PORT, CLUSTER_PORT, 28082);
    private static final NodeProcess.Spec NODE3 = new NodeProcess.Spec("node3", "127.0.0.3", SIP_PORT, CLUSTER_PORT, 28083);
    /** The one SIPp UAS every user's Contact points at. */
    private static final String PHONE_HOST = "127.0.0.1";
    private static final int PHONE_PORT = 26090;

    private static final String RESELLER = "sipp.gridpbx.test";
    private static final String DOMAIN = "bench.sipp.gridpbx.test";
    private static final int FIRST_EXTENSION = 1000;
    private static final int USERS = 1000;
    private static final int CALLS = 1000;
    private static final String PASSWORD_PREFIX = "pw";
    /** Modest: three JVMs, Maven and two SIPps share two cores. */
    private static final String RATE = "100";
    private static final Duration SIPP_RUN_LIMIT = Duration.ofSeconds(100);
    /** SIPp injection files: extension and credentials; caller, callee and the caller's credentials. */
    private static final Path REGISTRATIONS = RUN_DIR.resolve("registrations.csv");
    private static final Path CALL_LIST = RUN_DIR.resolve("calls.csv");

    private static final List<NodeProcess> nodes = new ArrayList<>();
    private static @Nullable Sipp phone;
    private static @Nullable Thread lastResort;

    @BeforeAll
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    static void startClusterAndProvision() throws Exception {
        assertThat(Sipp.BINARY).as("SIPp is needed (Debian package sip-tester)").isExecutable();
        TestDirs.fresh(RUN_DIR);
        lastResort = new Thread(ThreeNodeSippClusterTest::destroyEverything, "cluster-test-last-resort");
        Runtime.getRuntime().addShutdownHook(lastResort);

        long started = System.nanoTime();
        List<String> members = Stream.of(NODE1, NODE2, NODE3).map(NodeProcess.Spec::member).toList();
        String clusterName = "sipp-cluster-test-" + ProcessHandle.current().pid();
        // Node 1 first: the others then join it instead of racing to form clusters of their own.
        nodes.add(NodeProcess.start(NODE1, members, clusterName, OPERATOR_TOKEN, RUN_DIR));
        node(1).awaitUp(Duration.ofSeconds(90));
        nodes.add(NodeProcess.start(NODE2, members, clusterName, OPERATOR_TOKEN, RUN_DIR));
        nodes.add(NodeProcess.start(NODE3, members, clusterName, OPERATOR_TOKEN, RUN_DIR));
        for (NodeProcess node : nodes) {
            node.awaitUp(Duration.ofSeconds(90));
        }
        for (NodeProcess node : nodes) {
            awaitStatus(node, "a cluster of 3", status -> status.clusterSize() == 3, Duration.ofSeconds(60));
        }
        note("three nodes up, cluster of 3 after %d ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

        NodeProcess provisioner = node(3);
        provisioner.post("/api/v1/provisioning/resellers",
                "{\"realm\":\"" + RESELLER + "\",\"name\":\"SIPp cluster test\"}", OPERATOR_TOKEN);
        provisioner.post("/api/v1/provisioning/clients",
                "{\"domain\":\"" + DOMAIN + "\",\"name\":\"Bench\",\"resellerRealm\":\"" + RESELLER + "\"}",
                OPERATOR_TOKEN);
        assertThat(provisioner.post("/api/v1/provisioning/user-ranges",
                "{\"domain\":\"" + DOMAIN + "\",\"firstExtension\":" + FIRST_EXTENSION + ",\"count\":" + USERS
                        + ",\"passwordPrefix\":\"" + PASSWORD_PREFIX + "\"}", OPERATOR_TOKEN))
                .contains("\"created\":" + USERS);

        Sipp.writeInjectionFile(REGISTRATIONS, IntStream.range(0, USERS)
                .mapToObj(i -> extension(i) + ";" + authentication(extension(i))).toList());
        // User i calls user i + 500: every user is called exactly once per run.
        Sipp.writeInjectionFile(CALL_LIST, IntStream.range(0, CALLS)
                .mapToObj(i -> extension(i) + ";" + extension((i + USERS / 2) % USERS) + ";"
                        + authentication(extension(i))).toList());
        phone = Sipp.start("phone-uas", "call_uas.xml", null, List.of("-i", PHONE_HOST, "-p",
                Integer.toString(PHONE_PORT), "-timeout", "600s"), RUN_DIR);
    }

    @Test
    void killingTheNodeThatTookTheRegistrations_losesNoBindingAndNoCall() throws Exception {
        long started = System.nanoTime();
        Sipp.Result registered = Sipp.start("register-via-node1", "register.xml", sipAddress(NODE1), List.of(
                "-i", "127.0.0.1", "-p", "26091", "-inf", REGISTRATIONS.toString(),
                "-key", "domain", DOMAIN, "-key", "contact", PHONE_HOST + ":" + PHONE_PORT,
                "-r", RATE, "-m", Integer.toString(USERS), "-l", "200", "-recv_timeout", "10000",
                "-timeout", "90s", "-timeout_error"), RUN_DIR).await(SIPP_RUN_LIMIT);
        note("%s in %d ms", registered, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertEverySucceeded(registered, USERS);
        for (NodeProcess node : nodes) {
            awaitStatus(node, USERS + " registered addresses", s -> s.registeredAddresses() == USERS,
                    Duration.ofSeconds(10));
        }

        assertEverySucceeded(placeCalls("calls-via-node2", NODE2, "26092"), CALLS);

        NodeProcess killed = node(1);
        long killedAt = System.nanoTime();
        killed.kill9();
        List<NodeProcess> survivors = List.of(node(2), node(3));
        for (NodeProcess survivor : survivors) {
            awaitStatus(survivor, "a cluster of 2 after " + killed + " was killed",
                    status -> status.clusterSize() == 2, Duration.ofSeconds(60));
        }
        note("cluster of 2 seen by both survivors %d ms after kill -9 of %s",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt), killed);
        // Promotion of the dead member's backups may lag the membership change by a moment; a lost
        // binding never comes back, so waiting briefly cannot hide a loss.
        for (NodeProcess survivor : survivors) {
            awaitStatus(survivor, "all " + USERS + " registered addresses after the kill",
                    status -> status.registeredAddresses() == USERS, Duration.ofSeconds(15));
        }

        assertEverySucceeded(placeCalls("calls-via-node3", NODE3, "26093"), CALLS);
        for (NodeProcess survivor : survivors) {
            awaitStatus(survivor, "every call ended", status -> status.activeDialogs() == 0, Duration.ofSeconds(30));
        }
        // Every call, those before the kill included, left one CDR that the platform's token can read.
        Eventually.await("a CDR per call", Duration.ofSeconds(30),
                () -> node(3).get("/api/v1/cdrs?limit=1", "demo-platform-token"),
                body -> body.contains("\"total\":" + (2 * CALLS)));
    }

    /**
     * Issue 7: the in-dialog requests of calls set up through node 2 are sent to node 3 with node 2's
     * Record-Route, as phones will do once DNS names the cluster. Node 3 proves each against the seal
     * and the dialog in the grid (it never saw the INVITE) and relays it to the callee: the ACK, a
     * re-INVITE and its ACK, an INFO and the BYE all pass, and every call ends.
     */
    @Test
    void inDialogRequestsSentToAnotherNode_areProvenThroughTheGridAndReachTheCallee() throws Exception {
        String domain = "middialog." + RESELLER;
        int first = 5000;
        int calls = 10;
        NodeProcess provisioner = node(3);
        provisioner.post("/api/v1/provisioning/clients",
                "{\"domain\":\"" + domain + "\",\"name\":\"Mid-dialog\",\"resellerRealm\":\"" + RESELLER + "\"}",
                OPERATOR_TOKEN);
        assertThat(provisioner.post("/api/v1/provisioning/user-ranges", "{\"domain\":\"" + domain
                + "\",\"firstExtension\":" + first + ",\"count\":" + (2 * calls) + ",\"passwordPrefix\":\""
                + PASSWORD_PREFIX + "\"}", OPERATOR_TOKEN)).contains("\"created\":" + (2 * calls));
        Path registrations = RUN_DIR.resolve("mid-dialog-registrations.csv");
        Path callList = RUN_DIR.resolve("mid-dialog-calls.csv");
        Sipp.writeInjectionFile(registrations, IntStream.range(first + calls, first + 2 * calls)
                .mapToObj(ext -> ext + ";" + authentication(Integer.toString(ext))).toList());
        Sipp.writeInjectionFile(callList, IntStream.range(first, first + calls)
                .mapToObj(ext -> ext + ";" + (ext + calls) + ";" + authentication(Integer.toString(ext))).toList());
        int phonePort = 26095;
        int dialogsBefore = node(3).status().activeDialogs();
        Sipp midDialogPhone = Sipp.start("mid-dialog-uas", "call_uas_mid_dialog.xml", null, List.of("-i", PHONE_HOST,
                "-p", Integer.toString(phonePort), "-timeout", "120s"), RUN_DIR);
        try {
            assertEverySucceeded(Sipp.start("mid-dialog-register", "register.xml", sipAddress(NODE2), List.of(
                    "-i", "127.0.0.1", "-p", "26096", "-inf", registrations.toString(), "-key", "domain", domain,
                    "-key", "contact", PHONE_HOST + ":" + phonePort, "-r", "20", "-m", Integer.toString(calls),
                    "-recv_timeout", "10000", "-timeout", "60s", "-timeout_error"), RUN_DIR).await(SIPP_RUN_LIMIT), calls);

            Sipp.Result result = Sipp.start("mid-dialog-calls", "call_uac_mid_dialog.xml", sipAddress(NODE2), List.of(
                    "-i", "127.0.0.1", "-p", "26097", "-inf", callList.toString(), "-key", "domain", domain,
                    "-key", "mid_host", NODE3.host(), "-key", "mid_port", Integer.toString(NODE3.sipPort()),
                    "-r", "10", "-m", Integer.toString(calls), "-recv_timeout", "10000",
                    "-timeout", "60s", "-timeout_error"), RUN_DIR).await(SIPP_RUN_LIMIT);
            note("%s", result);
            assertEverySucceeded(result, calls);
            awaitStatus(node(3), "the mid-dialog calls ended", status -> status.activeDialogs() <= dialogsBefore,
                    Duration.ofSeconds(30));
        } finally {
            midDialogPhone.stop();
        }
    }

    @AfterAll
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    static void stopEverything() throws InterruptedException {
        if (phone != null) {
            phone.stop();
        }
        for (NodeProcess node : nodes) {
            node.requestStop();
        }
        for (NodeProcess node : nodes) {
            node.awaitExit(Duration.ofSeconds(30));
        }
        if (lastResort != null) {
            Runtime.getRuntime().removeShutdownHook(lastResort);
        }
    }

    /** One SIPp UAC: {@link #CALLS} authenticated calls through the given node, user to user. */
    private static Sipp.Result placeCalls(String label, NodeProcess.Spec via, String localPort) throws Exception {
        long started = System.nanoTime();
        Sipp.Result result = Sipp.start(label, "call_uac.xml", sipAddress(via), List.of(
                "-i", "127.0.0.1", "-p", localPort, "-inf", CALL_LIST.toString(), "-key", "domain", DOMAIN,
                "-r", RATE, "-m", Integer.toString(CALLS), "-l", "400", "-d", "500", "-recv_timeout", "10000",
                "-timeout", "90s", "-timeout_error"), RUN_DIR).await(SIPP_RUN_LIMIT);
        note("%s in %d ms", result, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return result;
    }

    private static void assertEverySucceeded(Sipp.Result result, int expected) {
        assertThat(result.failed()).as("failed calls, %s", result).isZero();
        assertThat(result.successful()).as("successful calls, %s", result).isEqualTo(expected);
        assertThat(result.exitCode()).as("SIPp exit code, %s", result).isZero();
    }

    private static NodeStatus awaitStatus(NodeProcess node, String what,
            Predicate<NodeStatus> condition, Duration timeout) throws InterruptedException {
        return Eventually.await(what + " on " + node, timeout, node::status, condition);
    }

    private static NodeProcess node(int number) {
        return nodes.get(number - 1);
    }

    private static String sipAddress(NodeProcess.Spec node) {
        return node.host() + ":" + node.sipPort();
    }

    private static String extension(int index) {
        return Integer.toString(FIRST_EXTENSION + index);
    }

    /** The whole keyword in one field: SIPp 3.6 does not expand [fieldN] inside [authentication]. */
    private static String authentication(String extension) {
        return "[authentication username=" + extension + " password=" + PASSWORD_PREFIX + extension + "]";
    }

    private static void note(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println(line);
        try {
            Files.writeString(RUN_DIR.resolve("timeline.txt"), line + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the line is on stdout as well
        }
    }

    /** The JVM is going away without {@link #stopEverything}: leave no node or SIPp behind. */
    private static void destroyEverything() {
        if (phone != null) {
            phone.destroyForcibly();
        }
        nodes.forEach(NodeProcess::destroyForcibly);
    }
}
