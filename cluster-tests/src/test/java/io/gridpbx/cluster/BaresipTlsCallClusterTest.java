package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Real phones over SIP over TLS (RFC 3261 section 26): two baresip 1.0 processes register with the
 * node's TLS port, with the node's own self-signed certificate (made at its first start), and call
 * each other. The callee gets the INVITE over the connection it registered on (RFC 5626-style
 * reuse: a phone behind NAT accepts no connection from outside), RTP flows both ways and the call
 * ends. Debian's SIPp has no TLS, so baresip is the third-party TLS client here. Logs stay in
 * {@code target/baresip-tls/}.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class BaresipTlsCallClusterTest {

    private static final Path RUN_DIR = Path.of("target", "baresip-tls").toAbsolutePath();
    private static final String DOMAIN = "office.demo.gridpbx.test";
    private static final NodeProcess.Spec NODE = new NodeProcess.Spec("node", "127.0.0.25", 47460, 47601, 47480);
    private static final int TLS_PORT = 47461;
    private static final String PROXY = NODE.host() + ":" + TLS_PORT;
    private static final BaresipConfig CALLER = new BaresipConfig("127.0.0.26", 47462, 47470, "47500-47549", "200",
            DOMAIN, "pass200", PROXY, "tls");
    private static final BaresipConfig CALLEE = new BaresipConfig("127.0.0.27", 47462, 47470, "47550-47599", "201",
            DOMAIN, "pass201", PROXY, "tls");
    private static final Duration SIP_STEP = Duration.ofSeconds(20);
    private static final Duration RTCP_REPORT = Duration.ofSeconds(30);
    private static final int MIN_PACKETS = 50;

    private static @Nullable BaresipLab lab;

    @BeforeAll
    static void startNodeWithTls() throws Exception {
        lab = BaresipLab.start("baresip-tls", NODE, RUN_DIR, List.of("--gridpbx.sip.tls-port=" + TLS_PORT));
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        if (lab != null) {
            lab.stop();
        }
    }

    @Test
    void twoBaresips_registerAndCallOverTls_theCalleeGettingItsInviteOverItsOwnConnection() throws Exception {
        Baresip caller = start("phone200", CALLER);
        Baresip callee = start("phone201", CALLEE);
        caller.awaitRegistered(SIP_STEP);
        callee.awaitRegistered(SIP_STEP);
        Eventually.await("both phones registered on the node", SIP_STEP, node()::status,
                status -> status.registeredAddresses() == 2);

        JsonNode dialed = caller.control().command("dial", "sip:" + CALLEE.aor(), SIP_STEP);
        assertThat(dialed.path("ok").asBoolean()).as("dial accepted: %s", dialed).isTrue();
        callee.control().awaitEvent("CALL_INCOMING", SIP_STEP);
        // baresip's trace names the transport and both ends of each message: the INVITE came down the
        // very connection the callee opened to register, not a new one towards its Contact.
        String registeredFrom = callee.awaitOutput("its REGISTER over TLS", Pattern.compile(
                "TLS (\\S+:\\d+) -> " + Pattern.quote(PROXY) + "\\s+REGISTER sip:"), SIP_STEP).group(1);
        callee.awaitOutput("the INVITE over its own connection", Pattern.compile(
                "TLS " + Pattern.quote(PROXY) + " -> " + Pattern.quote(registeredFrom) + "\\s+INVITE sip:"), SIP_STEP);

        JsonNode accepted = callee.control().command("accept", "", SIP_STEP);
        assertThat(accepted.path("ok").asBoolean()).as("accept: %s", accepted).isTrue();
        caller.control().awaitEvent("CALL_ESTABLISHED", SIP_STEP);
        callee.control().awaitEvent("CALL_ESTABLISHED", SIP_STEP);
        for (Baresip phone : List.of(caller, callee)) {
            phone.control().awaitEvent("CALL_RTCP", event -> BaresipLab.rtcpPackets(event, "rx") >= MIN_PACKETS
                    && BaresipLab.rtcpPackets(event, "tx") >= MIN_PACKETS, RTCP_REPORT);
        }

        JsonNode hungUp = caller.control().command("hangup", "", SIP_STEP);
        assertThat(hungUp.path("ok").asBoolean()).as("hangup: %s", hungUp).isTrue();
        caller.control().awaitEvent("CALL_CLOSED", SIP_STEP);
        callee.control().awaitEvent("CALL_CLOSED", SIP_STEP);
        Eventually.await("no active dialog after the BYE", SIP_STEP, node()::status,
                status -> status.activeDialogs() == 0);

        assertThat(caller.quit(SIP_STEP)).as("200's exit code").isZero();
        assertThat(callee.quit(SIP_STEP)).as("201's exit code").isZero();
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
