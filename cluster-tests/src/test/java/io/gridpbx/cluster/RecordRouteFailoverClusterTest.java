package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * The node in a call's path dies mid-call, and the call can still be hung up. With
 * {@code gridpbx.sip.record-route-domain}, the Record-Route names the cluster's domain instead of
 * the node: two real baresip phones, given only their domain and the nodes as DNS servers, place a
 * call; the node that forwarded it is killed with SIGKILL; the caller's BYE, sent where NAPTR/SRV
 * for the Record-Route's domain now lead (the survivor), is proven from the grid and reaches the callee.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class RecordRouteFailoverClusterTest {

    private static final Path RUN_DIR = Path.of("target", "record-route-failover").toAbsolutePath();
    private static final int SIP_PORT = 48360;
    private static final int DNS_PORT = 48353;
    private static final List<NodeProcess.Spec> NODES = List.of(
            new NodeProcess.Spec("node1", "127.0.0.80", SIP_PORT, 48361, 48380),
            new NodeProcess.Spec("node2", "127.0.0.81", SIP_PORT, 48361, 48381));
    private static final String DOMAIN = "office.demo.gridpbx.test";
    private static final Duration SIP_STEP = Duration.ofSeconds(20);
    private static final Duration GONE_WITHIN = Duration.ofSeconds(20);

    @Test
    void aCallWhoseNodeDied_isHungUpThroughTheSurvivor() throws Exception {
        Dig.requireInstalled();
        BaresipLab lab = BaresipLab.start("record-route-failover", NODES, RUN_DIR, List.of(
                "--gridpbx.dns.port=" + DNS_PORT, "--gridpbx.sip.record-route-domain=gridpbx.test"));
        try {
            String dnsServers = NODES.get(0).host() + ":" + DNS_PORT + "," + NODES.get(1).host() + ":" + DNS_PORT;
            Baresip caller = lab.phone("phone200", BaresipConfig.byDns("127.0.0.83", 48362, 48370, "48300-48319", "200",
                    DOMAIN, "pass200", dnsServers));
            Baresip callee = lab.phone("phone201", BaresipConfig.byDns("127.0.0.84", 48362, 48371, "48320-48339", "201",
                    DOMAIN, "pass201", dnsServers));
            caller.awaitRegistered(SIP_STEP);
            callee.awaitRegistered(SIP_STEP);
            Eventually.await("both phones registered with the cluster", SIP_STEP, lab.node()::status,
                    status -> status.registeredAddresses() == 2);

            BaresipLab.connect(caller, callee, "sip:201@" + DOMAIN, SIP_STEP);
            Eventually.await("the call in the grid", SIP_STEP, lab.node()::status, s -> s.activeDialogs() == 1);

            int inPath = callsForwarded(lab.node(0)) == 1 ? 0 : 1;
            assertThat(callsForwarded(lab.node(inPath))).as("the node that forwarded the INVITE").isEqualTo(1);
            NodeProcess survivor = lab.node(1 - inPath);
            lab.node(inPath).kill9();
            Dig dig = new Dig(NODES.get(1 - inPath).host(), DNS_PORT);
            Eventually.await("the dead node gone from the SRV answers", GONE_WITHIN,
                    () -> dig.shortAnswer("SRV", "_sip._udp.gridpbx.test"), srv -> srv.size() == 1);
            assertThat(survivor.status().activeDialogs()).as("the call, kept in the grid's backup").isEqualTo(1);

            JsonNode hungUp = caller.control().command("hangup", "", SIP_STEP);
            assertThat(hungUp.path("ok").asBoolean()).as("hangup: %s", hungUp).isTrue();
            callee.control().awaitEvent("CALL_CLOSED", SIP_STEP);
            Eventually.await("the call ended on the survivor", SIP_STEP, survivor::status, s -> s.activeDialogs() == 0);
        } finally {
            lab.stop();
        }
    }

    private static long callsForwarded(NodeProcess node) throws Exception {
        Matcher m = Pattern.compile("\"callsForwarded\"\\s*:\\s*(\\d+)").matcher(node.status().json());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
