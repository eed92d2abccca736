package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Real phones through a real node: two baresip 1.0 processes (Debian's package, no sound card)
 * register as users 200 and 201 of the demo domain, 200 calls 201 through the node, 201 answers,
 * RTP flows both ways and 200 hangs up. Everything is asserted from the phones' own output and
 * control events. Node and phone logs stay in {@code target/baresip-call/}.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class BaresipCallClusterTest {

    /** Packets of one 20 ms stream in 200 ms: how far one phone's count may run ahead of its peer's report. */
    private static final long RTCP_LAG_PACKETS = 10;
    private static final Path RUN_DIR = Path.of("target", "baresip-call").toAbsolutePath();
    private static final String DOMAIN = "office.demo.gridpbx.test";
    private static final NodeProcess.Spec NODE = new NodeProcess.Spec("node", "127.0.0.20", 47060, 47701, 47080);
    private static final String PROXY = NODE.host() + ":" + NODE.sipPort();
    private static final BaresipConfig CALLER = new BaresipConfig("127.0.0.21", 47062, 47070, "47100-47149", "200",
            DOMAIN, "pass200", PROXY);
    private static final BaresipConfig CALLEE = new BaresipConfig("127.0.0.22", 47062, 47070, "47150-47199", "201",
            DOMAIN, "pass201", PROXY);
    private static final Duration SIP_STEP = Duration.ofSeconds(20);
    /** RTCP goes out about every 5 s: the first report with counters comes within a few of them. */
    private static final Duration RTCP_REPORT = Duration.ofSeconds(30);
    /** One second of 20 ms G.711 packets: the media really flowed, not one stray packet. */
    private static final int MIN_PACKETS = 50;
    /** baresip's rtcpsummary line at call close: packets received (PR) and sent (PS), its own counters. */
    private static final Pattern RTP_SUMMARY = Pattern.compile("EX=BareSip;CS=\\d+;CD=\\d+;PR=(\\d+);PS=(\\d+);");

    private static @Nullable BaresipLab lab;

    @BeforeAll
    static void startNode() throws Exception {
        lab = BaresipLab.start("baresip-call", NODE, RUN_DIR, List.of());
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        if (lab != null) {
            lab.stop();
        }
    }

    @Test
    void twoBaresips_registerCallExchangeRtpBothWaysAndHangUp_throughTheNode() throws Exception {
        Baresip caller = start("phone200", CALLER);
        Baresip callee = start("phone201", CALLEE);
        caller.awaitRegistered(SIP_STEP);
        callee.awaitRegistered(SIP_STEP);
        Eventually.await("both phones registered on the node", SIP_STEP, node()::status,
                status -> status.registeredAddresses() == 2);

        JsonNode dialed = caller.control().command("dial", "sip:" + CALLEE.aor(), SIP_STEP);
        assertThat(dialed.path("ok").asBoolean()).as("dial accepted: %s", dialed).isTrue();
        JsonNode incoming = callee.control().awaitEvent("CALL_INCOMING", SIP_STEP);
        assertThat(incoming.path("peeruri").asString()).isEqualTo("sip:" + CALLER.aor());
        // The INVITE reached 201 from the node, not from 200 directly.
        callee.awaitOutput("the INVITE relayed by the node", Pattern.compile(
                Pattern.quote(PROXY + " -> " + CALLEE.host() + ":" + CALLEE.sipPort()) + "\\s+INVITE sip:"), SIP_STEP);

        JsonNode accepted = callee.control().command("accept", "", SIP_STEP);
        assertThat(accepted.path("ok").asBoolean()).as("accept: %s", accepted).isTrue();
        caller.control().awaitEvent("CALL_ESTABLISHED", SIP_STEP);
        callee.control().awaitEvent("CALL_ESTABLISHED", SIP_STEP);
        Eventually.await("the call as an active dialog on the node", SIP_STEP, node()::status,
                status -> status.activeDialogs() == 1);

        for (Baresip phone : List.of(caller, callee)) {
            phone.control().awaitEvent("CALL_RTCP",
                    event -> BaresipLab.rtcpPackets(event, "rx") >= MIN_PACKETS && BaresipLab.rtcpPackets(event, "tx") >= MIN_PACKETS, RTCP_REPORT);
        }

        JsonNode hungUp = caller.control().command("hangup", "", SIP_STEP);
        assertThat(hungUp.path("ok").asBoolean()).as("hangup: %s", hungUp).isTrue();
        caller.control().awaitEvent("CALL_CLOSED", SIP_STEP);
        JsonNode closed = callee.control().awaitEvent("CALL_CLOSED", SIP_STEP);
        assertThat(closed.path("param").asString()).isEqualTo("Connection reset by peer");
        callee.awaitOutput("the BYE relayed by the node", Pattern.compile(
                Pattern.quote(PROXY + " -> " + CALLEE.host() + ":" + CALLEE.sipPort()) + "\\s+BYE sip:"), SIP_STEP);
        Eventually.await("no active dialog after the BYE", SIP_STEP, node()::status,
                status -> status.activeDialogs() == 0);

        MatchResult callerRtp = caller.awaitOutput("its RTP summary", RTP_SUMMARY, SIP_STEP);
        MatchResult calleeRtp = callee.awaitOutput("its RTP summary", RTP_SUMMARY, SIP_STEP);
        long callerReceived = Long.parseLong(callerRtp.group(1));
        long callerSent = Long.parseLong(callerRtp.group(2));
        long calleeReceived = Long.parseLong(calleeRtp.group(1));
        long calleeSent = Long.parseLong(calleeRtp.group(2));
        // Each phone prints its summary at its own moment, and the peer's "sent" lags by the packets of
        // its last RTCP interval (CI saw 250 received against 248 reported sent): a few packets of slack.
        assertThat(callerReceived).as("200 received").isGreaterThanOrEqualTo(MIN_PACKETS)
                .isLessThanOrEqualTo(calleeSent + RTCP_LAG_PACKETS);
        assertThat(calleeReceived).as("201 received").isGreaterThanOrEqualTo(MIN_PACKETS)
                .isLessThanOrEqualTo(callerSent + RTCP_LAG_PACKETS);

        assertThat(caller.quit(SIP_STEP)).as("200's exit code").isZero();
        assertThat(callee.quit(SIP_STEP)).as("201's exit code").isZero();
        // A phone that quits unregisters (Expires: 0) on its way out.
        Eventually.await("no binding left after both phones quit", SIP_STEP, node()::status,
                status -> status.registeredAddresses() == 0);
    }


    private static Baresip start(String label, BaresipConfig config) throws Exception {
        return lab().phone(label, config);
    }

    private static NodeProcess node() {
        return lab().node();
    }

    private static BaresipLab lab() {
        if (lab == null) {
            throw new IllegalStateException("the node did not start");
        }
        return lab;
    }

}
