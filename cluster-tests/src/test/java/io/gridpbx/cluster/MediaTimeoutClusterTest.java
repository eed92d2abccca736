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
 * A relayed call whose media stops is ended by the node (issue 10 section 4), as a phone that lost
 * its network never sends a BYE: with the client set to "always relay" and a 3 s media timeout, an
 * answered call that carries no RTP gets a BYE to each party, in the other party's name, and a CDR
 * that says why. Node logs stay in {@code target/media-timeout/}.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class MediaTimeoutClusterTest {

    private static final Path RUN_DIR = Path.of("target", "media-timeout").toAbsolutePath();
    private static final String OPERATOR_TOKEN = "media-timeout-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    private static final NodeProcess.Spec NODE = new NodeProcess.Spec("node", "127.0.0.98", 48860, 48861, 48880);
    private static final String PHONE_HOST = "127.0.0.99";
    private static final String DOMAIN = "office.demo.gridpbx.test";
    private static final Duration MEDIA_TIMEOUT = Duration.ofSeconds(3);

    private static final List<NodeProcess> nodes = new ArrayList<>();
    private static @Nullable Thread lastResort;

    @BeforeAll
    @Timeout(value = 200, unit = TimeUnit.SECONDS)
    static void startNodeThatAlwaysRelays() throws Exception {
        TestDirs.fresh(RUN_DIR);
        lastResort = new Thread(MediaTimeoutClusterTest::destroyEverything, "media-timeout-last-resort");
        Runtime.getRuntime().addShutdownHook(lastResort);
        nodes.add(NodeProcess.start(NODE, List.of(NODE.member()), "media-timeout-" + ProcessHandle.current().pid(),
                OPERATOR_TOKEN, RUN_DIR, List.of("--gridpbx.media.timeout=" + MEDIA_TIMEOUT.toSeconds() + "s",
                        "--gridpbx.media.ports=48900-48999")));
        node().awaitUp(Duration.ofSeconds(120));
        String office = "/api/v1/clients/" + DOMAIN;
        String client = node().get(office, "demo-reseller-token");
        assertThat(node().put(office, client.replaceFirst("\"mediaRelay\":\"[^\"]*\"", "\"mediaRelay\":\"always\""),
                "demo-reseller-token")).contains("\"mediaRelay\":\"always\"");
    }

    @Test
    void anAnsweredCallWithoutRtp_isEndedByTheNode_withAByeToEachParty_andAMediaTimeoutCdr() throws Exception {
        InetSocketAddress nodeSip = new InetSocketAddress(NODE.host(), NODE.sipPort());
        try (UdpPhone callee = new UdpPhone(PHONE_HOST, "201", DOMAIN, "pass201")) {
            assertThat(callee.register(nodeSip, Duration.ofSeconds(10)).status()).isEqualTo(200);
            Path calls = RUN_DIR.resolve("calls.csv");
            Sipp.writeInjectionFile(calls, List.of("200;201;[authentication username=200 password=pass200]"));
            Sipp caller = Sipp.start("caller", "uac_media_timeout.xml", NODE.host() + ":" + NODE.sipPort(), List.of(
                    "-i", PHONE_HOST, "-p", "48893", "-inf", calls.toString(), "-key", "domain", DOMAIN, "-m", "1",
                    "-recv_timeout", "30000", "-timeout", "60s", "-timeout_error"), RUN_DIR);

            UdpPhone.Incoming invite = callee.awaitRequest("INVITE", Duration.ofSeconds(20));
            assertThat(invite.text()).as("the offer names the relay").contains("c=IN IP4 " + NODE.host());
            callee.answer(invite, 200, "OK");
            long answeredAt = System.nanoTime();
            callee.awaitRequest("ACK", Duration.ofSeconds(20));

            UdpPhone.Incoming bye = callee.awaitRequest("BYE", MEDIA_TIMEOUT.plusSeconds(20));
            long silentFor = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - answeredAt);
            assertThat(silentFor).as("the BYE came after the media timeout").isGreaterThanOrEqualTo(MEDIA_TIMEOUT.toMillis());
            assertThat(bye.from()).isEqualTo(nodeSip);
            assertThat(bye.headers("From").getFirst()).as("in the caller's name").contains("sip:200@" + DOMAIN)
                    .contains(invite.headers("From").getFirst().replaceAll(".*;tag=", ";tag="));
            callee.answer(bye, 200, "OK");

            Sipp.Result result = caller.await(Duration.ofSeconds(60));
            assertThat(result.successful()).as("the caller got its BYE too, %s", result).isEqualTo(1);

            String callId = invite.headers("Call-ID").getFirst().replaceFirst("(?i)call-id:\\s*", "");
            String cdrs = Eventually.await("the call's CDR", Duration.ofSeconds(20),
                    () -> node().get("/api/v1/cdrs?search=201", "demo-reseller-token"), json -> json.contains(callId));
            assertThat(cdrs).as("why it ended").containsPattern("\"callId\":\"" + java.util.regex.Pattern.quote(callId)
                    + "\"[^}]*\"disposition\":\"MEDIA_TIMEOUT\"");
            Eventually.await("the relay's ports given back", Duration.ofSeconds(10), () -> node().status().json(),
                    json -> json.contains("\"portsInUse\":0"));
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

    private static NodeProcess node() {
        return nodes.getFirst();
    }

    private static void destroyEverything() {
        nodes.forEach(NodeProcess::destroyForcibly);
    }
}
