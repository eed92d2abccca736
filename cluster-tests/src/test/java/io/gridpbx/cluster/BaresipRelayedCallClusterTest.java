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
import tools.jackson.databind.json.JsonMapper;

/**
 * Media anchored by the node (issue 10): the demo client's media policy is set to "always relay"
 * through the REST API, then two baresip phones, registered on two different nodes, call each other.
 * The node the caller sends its INVITE to anchors the media. Each phone must receive a description
 * that names that node's relay, not the other phone, and its own RTP counters must show media both
 * ways; the relay must count the packets, the grid must name the relaying node and its counters to
 * either node, and the ports must come back when the call ends. Logs stay in
 * {@code target/baresip-relayed-call/}.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class BaresipRelayedCallClusterTest {

    private static final Path RUN_DIR = Path.of("target", "baresip-relayed-call").toAbsolutePath();
    private static final String DOMAIN = "office.demo.gridpbx.test";
    private static final NodeProcess.Spec NODE = new NodeProcess.Spec("node1", "127.0.0.94", 48560, 48561, 48580);
    private static final NodeProcess.Spec OTHER = new NodeProcess.Spec("node2", "127.0.0.97", 48560, 48561, 48581);
    private static final String PROXY = NODE.host() + ":" + NODE.sipPort();
    private static final String OTHER_PROXY = OTHER.host() + ":" + OTHER.sipPort();
    private static final int FIRST_RELAY_PORT = 48600;
    private static final BaresipConfig CALLER = new BaresipConfig("127.0.0.95", 48562, 48570, "48700-48749", "200",
            DOMAIN, "pass200", PROXY);
    private static final BaresipConfig CALLEE = new BaresipConfig("127.0.0.96", 48562, 48570, "48750-48799", "201",
            DOMAIN, "pass201", OTHER_PROXY);
    private static final Duration SIP_STEP = Duration.ofSeconds(20);
    private static final Duration RTCP_REPORT = Duration.ofSeconds(30);
    private static final int MIN_PACKETS = 50;
    private static final Pattern RTP_SUMMARY = Pattern.compile("EX=BareSip;CS=\\d+;CD=\\d+;PR=(\\d+);PS=(\\d+);");
    /** A description that sends the phone's media to the relay: the node's address and a port of its range. */
    private static final Pattern RELAY_SDP = Pattern.compile("c=IN IP4 " + Pattern.quote(NODE.host())
            + "\\s+t=0 0\\s+(?:a=[^\\r\\n]*\\s+)*m=audio (486\\d\\d) RTP/AVP");

    /** The first origin line a phone received from the relay: its username and sess-id, and its version. */
    private static final Pattern ORIGIN = Pattern.compile("o=(\\S+ \\d+) (\\d+) IN IP4 " + Pattern.quote(NODE.host()));
    /** A description with the relay's origin and a sendonly stream: the caller put the call on hold. */
    private static final Pattern HOLD_SDP = Pattern.compile("o=(\\S+ \\d+) (\\d+) IN IP4 " + Pattern.quote(NODE.host())
            + "(?:\\s+[a-z]=[^\\r\\n]*)*?\\s+c=IN IP4 " + Pattern.quote(NODE.host())
            + "(?:\\s+[a-z]=[^\\r\\n]*)*?\\s+a=sendonly");

    private static @Nullable BaresipLab lab;

    @BeforeAll
    static void startNodeThatAlwaysRelays() throws Exception {
        lab = BaresipLab.start("baresip-relayed-call", List.of(NODE, OTHER), RUN_DIR,
                List.of("--gridpbx.media.ports=" + FIRST_RELAY_PORT + "-" + (FIRST_RELAY_PORT + 99)));
        String office = "/api/v1/clients/" + DOMAIN;
        String client = node().get(office, "demo-reseller-token");
        String always = client.replaceFirst("\"mediaRelay\":\"[^\"]*\"", "\"mediaRelay\":\"always\"");
        assertThat(node().put(office, always, "demo-reseller-token")).contains("\"mediaRelay\":\"always\"");
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        if (lab != null) {
            lab.stop();
        }
    }

    @Test
    void twoBaresips_talkThroughTheNodesRelay_andEachSeesOnlyTheRelayInItsDescription() throws Exception {
        Baresip caller = lab().phone("phone200", CALLER);
        Baresip callee = lab().phone("phone201", CALLEE);
        caller.awaitRegistered(SIP_STEP);
        callee.awaitRegistered(SIP_STEP);

        JsonNode dialed = caller.control().command("dial", "sip:" + CALLEE.aor(), SIP_STEP);
        assertThat(dialed.path("ok").asBoolean()).as("dial accepted: %s", dialed).isTrue();
        callee.control().awaitEvent("CALL_INCOMING", SIP_STEP);
        MatchResult offered = callee.awaitOutput("an offer naming the relay", RELAY_SDP, SIP_STEP);
        assertThat(callee.output()).as("the callee never learns the caller's media address")
                .doesNotContain("c=IN IP4 " + CALLER.host());

        assertThat(callee.control().command("accept", "", SIP_STEP).path("ok").asBoolean()).isTrue();
        caller.control().awaitEvent("CALL_ESTABLISHED", SIP_STEP);
        callee.control().awaitEvent("CALL_ESTABLISHED", SIP_STEP);
        MatchResult answered = caller.awaitOutput("an answer naming the relay", RELAY_SDP, SIP_STEP);
        assertThat(answered.group(1)).as("each phone gets the relay's port facing it").isNotEqualTo(offered.group(1));
        assertThat(caller.output()).doesNotContain("c=IN IP4 " + CALLEE.host());

        for (Baresip phone : List.of(caller, callee)) {
            phone.control().awaitEvent("CALL_RTCP", event -> BaresipLab.rtcpPackets(event, "rx") >= MIN_PACKETS
                    && BaresipLab.rtcpPackets(event, "tx") >= MIN_PACKETS, RTCP_REPORT);
        }
        JsonNode during = media();
        assertThat(during.path("streams").asInt()).as("the call's one audio stream: %s", during).isEqualTo(1);
        assertThat(during.path("packetsRelayed").asLong()).as("%s", during).isGreaterThanOrEqualTo(2L * MIN_PACKETS);
        // The grid names the relaying node, with each leg's ports, learnt source and counters, to any node.
        JsonNode relayed = Eventually.await("the call's media session in the grid, read on the other node", SIP_STEP,
                () -> JSON.readTree(lab().node(1).get("/api/v1/calls/active", "demo-reseller-token")).path(0)
                        .path("media"), session -> session.path("streams").path(0).path("caller").path("packets")
                        .asLong() >= MIN_PACKETS && session.path("streams").path(0).path("callee").path("packets")
                        .asLong() >= MIN_PACKETS);
        assertThat(relayed.path("node").asString()).as("%s", relayed).isEqualTo(PROXY);
        // baresip sends from a wildcard socket, so its packets leave from 127.0.0.1 whatever its SDP says: the
        // relay learnt that real source (the NAT case), on the port the phone announced.
        for (String party : List.of("caller", "callee")) {
            JsonNode leg = relayed.path("streams").path(0).path(party);
            String announcedPort = leg.path("announced").asString().replaceAll(".*:", "");
            assertThat(leg.path("latched").asString()).as("%s: %s", party, relayed).endsWith(":" + announcedPort);
        }
        assertThat(relayed.path("streams").path(0).path("caller").path("announced").asString()).as("%s", relayed)
                .startsWith(CALLER.host() + ":");

        // Hold and resume: re-INVITEs whose descriptions still name the relay, with the direction kept and
        // the origin's version moved by one at each change (RFC 3264 sections 8 and 8.4).
        MatchResult firstOrigin = callee.awaitOutput("the relay's first origin", ORIGIN, SIP_STEP);
        assertThat(caller.control().command("hold", "", SIP_STEP).path("ok").asBoolean()).as("hold").isTrue();
        MatchResult held = callee.awaitOutput("a hold re-INVITE through the relay", HOLD_SDP, SIP_STEP);
        assertThat(held.group(1)).as("the relay's origin on the callee's leg stays").isEqualTo(firstOrigin.group(1));
        assertThat(Long.parseLong(held.group(2))).as("and its version moves by one")
                .isEqualTo(Long.parseLong(firstOrigin.group(2)) + 1);
        assertThat(caller.control().command("resume", "", SIP_STEP).path("ok").asBoolean()).as("resume").isTrue();
        callee.awaitOutput("a resuming re-INVITE through the relay", Pattern.compile(Pattern.quote(
                "o=" + held.group(1) + " " + (Long.parseLong(held.group(2)) + 1) + " IN IP4 " + NODE.host())), SIP_STEP);

        assertThat(caller.control().command("hangup", "", SIP_STEP).path("ok").asBoolean()).isTrue();
        caller.control().awaitEvent("CALL_CLOSED", SIP_STEP);
        callee.control().awaitEvent("CALL_CLOSED", SIP_STEP);
        Eventually.await("the relay's ports given back after the BYE", SIP_STEP, BaresipRelayedCallClusterTest::media,
                media -> media.path("portsInUse").asInt() == 0 && media.path("streams").asInt() == 0);

        long callerReceived = Long.parseLong(caller.awaitOutput("its RTP summary", RTP_SUMMARY, SIP_STEP).group(1));
        long calleeReceived = Long.parseLong(callee.awaitOutput("its RTP summary", RTP_SUMMARY, SIP_STEP).group(1));
        assertThat(callerReceived).as("200 received through the relay").isGreaterThanOrEqualTo(MIN_PACKETS);
        assertThat(calleeReceived).as("201 received through the relay").isGreaterThanOrEqualTo(MIN_PACKETS);
        assertThat(media().path("packetsRelayed").asLong()).as("the relay carried what the phones received")
                .isGreaterThanOrEqualTo(callerReceived + calleeReceived);

        assertThat(caller.quit(SIP_STEP)).isZero();
        assertThat(callee.quit(SIP_STEP)).isZero();
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode media() throws Exception {
        return JSON.readTree(node().status().json()).path("media");
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
