package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A rolling upgrade's first step: node 1 is drained while it carries calls. It leaves DNS at once,
 * turns a new call away with 503 (nothing reaches a phone), lets every call in progress finish, and
 * then leaves the cluster by itself with exit status 0, while node 2 goes on serving.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DrainClusterTest {

    private static final Path RUN_DIR = Path.of("target", "drain").toAbsolutePath();
    private static final NodeProcess.Spec NODE1 = new NodeProcess.Spec("node1", "127.0.0.70", 48260, 48261, 48280);
    private static final NodeProcess.Spec NODE2 = new NodeProcess.Spec("node2", "127.0.0.71", 48260, 48262, 48281);
    private static final int DNS_PORT = 48253;
    private static final String TOKEN = "drain-test";
    private static final String DOMAIN = "lab.drain.gridpbx.test";
    private static final String PHONE_HOST = "127.0.0.72";
    private static final int PHONE_PORT = 48270;
    private static final int CALLS = 10;
    private static final Path LAUNCHER = Path.of("..", "gridpbx").toAbsolutePath().normalize();

    @Test
    void aDrainedNode_leavesDns_refusesNewCalls_finishesItsCalls_andLeavesTheCluster() throws Exception {
        Dig.requireInstalled();
        TestDirs.fresh(RUN_DIR);
        Path registrations = RUN_DIR.resolve("users.csv");
        Path calls = RUN_DIR.resolve("calls.csv");
        Sipp.writeInjectionFile(registrations, IntStream.range(0, 2 * CALLS)
                .mapToObj(i -> extension(i) + ";" + authentication(extension(i))).toList());
        Sipp.writeInjectionFile(calls, IntStream.range(0, CALLS)
                .mapToObj(i -> extension(i) + ";" + extension(i + CALLS) + ";" + authentication(extension(i))).toList());
        List<String> members = List.of(NODE1.member(), NODE2.member());
        String cluster = "drain-" + ProcessHandle.current().pid();
        List<String> dns = List.of("--gridpbx.dns.port=" + DNS_PORT);
        NodeProcess node1 = NodeProcess.start(NODE1, members, cluster, TOKEN, RUN_DIR, dns);
        NodeProcess node2 = NodeProcess.start(NODE2, members, cluster, TOKEN, RUN_DIR, dns);
        Sipp phone = null;
        try {
            node1.awaitUp(Duration.ofSeconds(90));
            node2.awaitUp(Duration.ofSeconds(90));
            Eventually.await("two members", Duration.ofSeconds(60), node2::status, s -> s.clusterSize() == 2);
            node2.post("/api/v1/provisioning/resellers", "{\"realm\":\"drain.gridpbx.test\",\"name\":\"D\"}", TOKEN);
            node2.post("/api/v1/provisioning/clients",
                    "{\"domain\":\"" + DOMAIN + "\",\"name\":\"Lab\",\"resellerRealm\":\"drain.gridpbx.test\"}", TOKEN);
            node2.post("/api/v1/provisioning/user-ranges", "{\"domain\":\"" + DOMAIN
                    + "\",\"firstExtension\":7000,\"count\":" + 2 * CALLS + ",\"passwordPrefix\":\"pw\"}", TOKEN);
            Dig dig = new Dig(NODE2.host(), DNS_PORT);
            Eventually.await("both nodes in SRV", Duration.ofSeconds(15),
                    () -> dig.shortAnswer("SRV", "_sip._udp." + DOMAIN), answer -> answer.size() == 2);

            phone = Sipp.start("phone-uas", "call_uas.xml", null, List.of("-i", PHONE_HOST, "-p",
                    Integer.toString(PHONE_PORT), "-timeout", "240s"), RUN_DIR);
            Sipp.Result registered = Sipp.start("register", "register.xml", NODE2.host() + ":" + NODE2.sipPort(),
                    List.of("-i", "127.0.0.1", "-p", "48271", "-inf", registrations.toString(), "-key", "domain", DOMAIN,
                            "-key", "contact", PHONE_HOST + ":" + PHONE_PORT, "-r", "50", "-m", Integer.toString(2 * CALLS),
                            "-recv_timeout", "10000", "-timeout", "60s", "-timeout_error"), RUN_DIR)
                    .await(Duration.ofSeconds(90));
            assertThat(registered.failed()).as("%s", registered).isZero();

            // Ten calls through node 1, each held 15 s: all up before the drain starts.
            Sipp caller = Sipp.start("calls-via-node1", "call_uac.xml", NODE1.host() + ":" + NODE1.sipPort(), List.of(
                    "-i", "127.0.0.1", "-p", "48272", "-inf", calls.toString(), "-key", "domain", DOMAIN,
                    "-r", "10", "-m", Integer.toString(CALLS), "-d", "15000", "-recv_timeout", "20000",
                    "-timeout", "120s", "-timeout_error"), RUN_DIR);
            Eventually.await("the calls up", Duration.ofSeconds(30), node2::status, s -> s.activeDialogs() == CALLS);
            long forwardedBeforeDrain = callsForwarded(node1);

            // The operator's front door: the launcher's drain command, pointed at node 1's HTTP port.
            ProcessBuilder command = new ProcessBuilder(LAUNCHER.toString(), "drain", "120")
                    .redirectErrorStream(true).redirectOutput(RUN_DIR.resolve("drain.out").toFile());
            command.environment().put("GRIDPBX_HTTP_HOST", NODE1.host());
            command.environment().put("GRIDPBX_HTTP_PORT", Integer.toString(NODE1.httpPort()));
            Process drain = command.start();
            assertThat(drain.waitFor(30, TimeUnit.SECONDS)).as("./gridpbx drain returns").isTrue();
            String said = Files.readString(RUN_DIR.resolve("drain.out"));
            assertThat(drain.exitValue()).as(said).isZero();
            assertThat(said).contains("\"draining\":true", "\"callsInProgress\":" + CALLS, "gridpbx drain: draining");

            Eventually.await("node 1 out of SRV", Duration.ofSeconds(5),
                    () -> dig.shortAnswer("SRV", "_sip._udp." + DOMAIN),
                    answer -> answer.size() == 1 && answer.getFirst().endsWith("sip-127-0-0-71-48260.gridpbx.test."));
            assertThat(new Dig(NODE1.host(), DNS_PORT).shortAnswer("SRV", "_sip._udp." + DOMAIN))
                    .as("the draining node's own DNS").hasSize(1);
            assertThat(new Dig(NODE1.host(), DNS_PORT).status("A", "sip-127-0-0-70-48260.gridpbx.test"))
                    .isEqualTo("NXDOMAIN");

            Sipp.Result refused = Sipp.start("new-call-to-node1", "uac_draining.xml",
                    NODE1.host() + ":" + NODE1.sipPort(), List.of("-i", "127.0.0.1", "-p", "48273", "-key", "domain",
                            DOMAIN, "-key", "caller", extension(0), "-s", extension(CALLS + 1), "-m", "1",
                            "-recv_timeout", "5000", "-timeout", "30s", "-timeout_error"), RUN_DIR)
                    .await(Duration.ofSeconds(40));
            assertThat(refused.successful()).as("a new call gets 503: %s", refused).isEqualTo(1);
            assertThat(callsForwarded(node1)).as("no new call forwarded by the draining node")
                    .isEqualTo(forwardedBeforeDrain);

            Sipp.Result finished = caller.await(Duration.ofSeconds(90));
            assertThat(finished.failed()).as("calls in progress during the drain, %s", finished).isZero();
            assertThat(finished.successful()).as("%s", finished).isEqualTo(CALLS);

            assertThat(node1.awaitOwnExit(Duration.ofSeconds(60))).as("node 1's exit status after the drain").isZero();
            assertThat(node1.logTail(200)).contains("drain complete");
            NodeStatus survivor = Eventually.await("node 2 alone, no call left", Duration.ofSeconds(30), node2::status,
                    s -> s.clusterSize() == 1 && s.activeDialogs() == 0);
            assertThat(survivor.registeredAddresses()).as("registrations kept by the survivor").isEqualTo(2 * CALLS);
        } finally {
            if (phone != null) {
                phone.stop();
            }
            for (NodeProcess node : List.of(node1, node2)) {
                node.requestStop();
                node.awaitExit(Duration.ofSeconds(30));
            }
        }
    }

    private static long callsForwarded(NodeProcess node) throws Exception {
        Matcher m = Pattern.compile("\"callsForwarded\"\\s*:\\s*(\\d+)").matcher(node.status().json());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String extension(int i) {
        return Integer.toString(7000 + i);
    }

    private static String authentication(String extension) {
        return "[authentication username=" + extension + " password=pw" + extension + "]";
    }
}
