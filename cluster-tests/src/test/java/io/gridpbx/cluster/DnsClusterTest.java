package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Phones find the cluster by DNS that the nodes serve themselves. Three node processes each answer
 * NAPTR, SRV and A for the platform and client domains with the live members; {@code dig} checks
 * every node's answers; after {@code kill -9} of one node it is gone from them within the stated
 * time (the cluster's failure detection, 5 s, plus one refresh); then two real baresip phones given
 * only their domain and a node as DNS server register (NAPTR, SRV, A: RFC 3263) and call each other.
 * Logs stay in {@code target/dns-cluster/}.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DnsClusterTest {

    private static final Path RUN_DIR = Path.of("target", "dns-cluster").toAbsolutePath();
    private static final int SIP_PORT = 47860;
    private static final int DNS_PORT = 47853;
    private static final List<NodeProcess.Spec> NODES = List.of(
            new NodeProcess.Spec("node1", "127.0.0.40", SIP_PORT, 47861, 47880),
            new NodeProcess.Spec("node2", "127.0.0.41", SIP_PORT, 47861, 47881),
            new NodeProcess.Spec("node3", "127.0.0.42", SIP_PORT, 47861, 47882));
    private static final String DOMAIN = "office.demo.gridpbx.test";
    /** How long a killed node may still be answered: failure detection (5 s heartbeats) and slack. */
    private static final Duration GONE_WITHIN = Duration.ofSeconds(15);
    private static final Duration SIP_STEP = Duration.ofSeconds(20);

    private static @Nullable BaresipLab lab;

    @BeforeAll
    static void startCluster() throws Exception {
        Dig.requireInstalled();
        lab = BaresipLab.start("dns-cluster", NODES, RUN_DIR, List.of("--gridpbx.dns.port=" + DNS_PORT));
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        if (lab != null) {
            lab.stop();
        }
    }

    @Test
    void everyNodeAnswersWithTheLiveNodes_aKilledOneIsGoneWithinSeconds_andPhonesGivenOnlyTheDomainRegisterAndCall()
            throws Exception {
        List<String> srvOfThree = NODES.stream()
                .map(n -> "10 100 " + SIP_PORT + " " + target(n)).sorted().toList();
        for (NodeProcess.Spec node : NODES) {
            Dig dig = new Dig(node.host(), DNS_PORT);
            assertThat(dig.shortAnswer("NAPTR", DOMAIN)).as("NAPTR from %s", node.name()).containsExactly(
                    "10 50 \"s\" \"SIP+D2U\" \"\" _sip._udp." + DOMAIN + ".",
                    "20 50 \"s\" \"SIP+D2T\" \"\" _sip._tcp." + DOMAIN + ".");
            // Weights follow each node's load: idle nodes publish 100, or close to it.
            assertThat(dig.shortAnswer("SRV", "_sip._udp." + DOMAIN)).as("SRV from %s", node.name())
                    .map(DnsClusterTest::withoutWeight).containsExactlyInAnyOrderElementsOf(srvOfThree.stream()
                            .map(DnsClusterTest::withoutWeight).toList());
            for (NodeProcess.Spec other : NODES) {
                assertThat(dig.shortAnswer("A", target(other))).containsExactly(other.host());
            }
            assertThat(dig.status("A", "example.com")).as("no open resolver").isEqualTo("REFUSED");
        }

        NodeProcess killed = lab().node(2);
        killed.kill9();
        Dig first = new Dig(NODES.getFirst().host(), DNS_PORT);
        Eventually.await("node3 gone from the SRV answers", GONE_WITHIN,
                () -> first.shortAnswer("SRV", "_sip._tcp." + DOMAIN), srv -> srv.size() == 2);
        assertThat(first.shortAnswer("SRV", "_sip._tcp." + DOMAIN)).noneMatch(r -> r.contains("127-0-0-42"));
        assertThat(first.status("A", target(NODES.get(2)))).isEqualTo("NXDOMAIN");

        String dnsServer = NODES.get(1).host() + ":" + DNS_PORT;
        Baresip caller = lab().phone("phone200", BaresipConfig.byDns("127.0.0.43", 47862, 47870, "47100-47149", "200",
                DOMAIN, "pass200", dnsServer));
        Baresip callee = lab().phone("phone201", BaresipConfig.byDns("127.0.0.44", 47862, 47870, "47150-47199", "201",
                DOMAIN, "pass201", dnsServer));
        caller.awaitRegistered(SIP_STEP);
        callee.awaitRegistered(SIP_STEP);
        Eventually.await("both phones registered with the cluster", SIP_STEP, lab().node()::status,
                status -> status.registeredAddresses() == 2);

        BaresipLab.connect(caller, callee, "sip:201@" + DOMAIN, SIP_STEP);

        JsonNode hungUp = caller.control().command("hangup", "", SIP_STEP);
        assertThat(hungUp.path("ok").asBoolean()).as("hangup: %s", hungUp).isTrue();
        callee.control().awaitEvent("CALL_CLOSED", SIP_STEP);
    }

    /** The node's name in the platform zone, which SRV records point at. */
    private static String target(NodeProcess.Spec node) {
        return "sip-" + node.host().replace('.', '-') + "-" + node.sipPort() + ".gridpbx.test.";
    }

    private static String withoutWeight(String srv) {
        String[] fields = srv.split(" ");
        return fields[0] + " " + fields[2] + " " + fields[3];
    }

    private static BaresipLab lab() {
        if (lab == null) {
            throw new IllegalStateException("the cluster did not start");
        }
        return lab;
    }
}
