package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A UDP phone behind NAT is reached only from the member its REGISTER went to (issue 9, section 1): a
 * restricted NAT lets in only packets from the address the phone sent to. The phone writes a private
 * address in its Contact and registers through one member; a call placed through the other member
 * must reach the phone's real source, sent by the member that holds the pinhole, and so must the
 * dialog's ACK and BYE. Node logs stay in {@code target/udp-nat-pinhole/}.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class UdpNatPinholeClusterTest {

    private static final Path RUN_DIR = Path.of("target", "udp-nat-pinhole").toAbsolutePath();
    private static final String OPERATOR_TOKEN = "pinhole-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    /** Addresses and ports of this class alone, so that nothing clashes with other tests on the machine. */
    private static final NodeProcess.Spec PINHOLE = new NodeProcess.Spec("pinhole", "127.0.0.90", 48460, 48461, 48490);
    private static final NodeProcess.Spec OTHER = new NodeProcess.Spec("other", "127.0.0.91", 48460, 48461, 48491);
    private static final String PHONE_HOST = "127.0.0.92";
    private static final String CALLER_HOST = "127.0.0.93";
    /** What a phone on a home LAN writes in its Contact: an RFC 1918 address nobody outside can reach. */
    private static final String PRIVATE_CONTACT = "192.168.77.20:5060";
    private static final String DOMAIN = "office.demo.gridpbx.test";

    private static final List<NodeProcess> nodes = new ArrayList<>();
    private static @Nullable Thread lastResort;

    @BeforeAll
    @Timeout(value = 200, unit = TimeUnit.SECONDS)
    static void startTwoNodes() throws Exception {
        TestDirs.fresh(RUN_DIR);
        lastResort = new Thread(UdpNatPinholeClusterTest::destroyEverything, "udp-nat-pinhole-last-resort");
        Runtime.getRuntime().addShutdownHook(lastResort);
        List<String> members = List.of(PINHOLE.member(), OTHER.member());
        String clusterName = "udp-nat-pinhole-" + ProcessHandle.current().pid();
        // The first node creates the demo tenants; the second joins it.
        nodes.add(NodeProcess.start(PINHOLE, members, clusterName, OPERATOR_TOKEN, RUN_DIR));
        nodes.getFirst().awaitUp(Duration.ofSeconds(120));
        nodes.add(NodeProcess.start(OTHER, members, clusterName, OPERATOR_TOKEN, RUN_DIR));
        nodes.getLast().awaitUp(Duration.ofSeconds(120));
        for (NodeProcess node : nodes) {
            Eventually.await("a cluster of 2 on " + node, Duration.ofSeconds(60), node::status, s -> s.clusterSize() == 2);
        }
    }

    @Test
    void aCallThroughTheOtherMember_reachesTheNattedPhoneFromThePinholeMember_andSoDoItsAckAndBye() throws Exception {
        InetSocketAddress pinholeSip = new InetSocketAddress(PINHOLE.host(), PINHOLE.sipPort());
        try (UdpPhone callee = new UdpPhone(PHONE_HOST, "201", DOMAIN, "pass201", PRIVATE_CONTACT)) {
            assertThat(callee.register(pinholeSip, Duration.ofSeconds(10)).status()).isEqualTo(200);

            Path calls = RUN_DIR.resolve("calls.csv");
            Sipp.writeInjectionFile(calls, List.of("200;201;[authentication username=200 password=pass200]"));
            Sipp caller = Sipp.start("caller", "call_uac.xml", OTHER.host() + ":" + OTHER.sipPort(), List.of(
                    "-i", CALLER_HOST, "-p", "48493", "-inf", calls.toString(), "-key", "domain", DOMAIN,
                    "-m", "1", "-d", "500", "-recv_timeout", "10000", "-timeout", "60s", "-timeout_error"), RUN_DIR);

            UdpPhone.Incoming invite = callee.awaitRequest("INVITE", Duration.ofSeconds(30));
            assertThat(invite.from()).as("the INVITE's sender, placed through %s:%d", OTHER.host(), OTHER.sipPort())
                    .isEqualTo(pinholeSip);
            assertThat(invite.requestUri()).as("the Request-URI stays the Contact the phone registered")
                    .isEqualTo("sip:201@" + PRIVATE_CONTACT);
            callee.answer(invite, 200, "OK");

            UdpPhone.Incoming ack = callee.awaitRequest("ACK", Duration.ofSeconds(20));
            assertThat(ack.from()).as("the ACK's sender").isEqualTo(pinholeSip);
            UdpPhone.Incoming bye = callee.awaitRequest("BYE", Duration.ofSeconds(20));
            assertThat(bye.from()).as("the BYE's sender").isEqualTo(pinholeSip);
            callee.answer(bye, 200, "OK");

            Sipp.Result result = caller.await(Duration.ofSeconds(60));
            assertThat(result.successful()).as("the caller's call, %s", result).isEqualTo(1);
            assertThat(result.failed()).as("%s", result).isZero();
        }
    }

    @AfterAll
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    static void stopEverything() throws InterruptedException {
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

    private static void destroyEverything() {
        nodes.forEach(NodeProcess::destroyForcibly);
    }
}
