package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.auth.DigestResponse;
import io.gridpbx.core.auth.DigestVerifier;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two real nodes on 127.0.0.1 and .2: a scanner that node 1 bans is refused by node 2 within a second
 * (the ban travels through the grid, node 2 checks its local copy), and both serve it again when the
 * ban's time is over; a password guesser locked out by node 2 is audited and refused by node 1 for that
 * user, while the user's phone registers. Attackers send from 127.0.0.41 and .42, the phone from .43.
 * Logs stay in {@code target/ban-cluster/}.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BanClusterTest {

    private static final Path RUN_DIR = Path.of("target", "ban-cluster").toAbsolutePath();
    private static final String OPERATOR_TOKEN = "ban-cluster-" + HexFormat.of().toHexDigits(
            ThreadLocalRandom.current().nextLong());
    private static final String PLATFORM_TOKEN = "demo-platform-token";
    private static final int SIP_PORT = 27060;
    private static final NodeProcess.Spec NODE1 = new NodeProcess.Spec("node1", "127.0.0.1", SIP_PORT, 27701, 29081);
    private static final NodeProcess.Spec NODE2 = new NodeProcess.Spec("node2", "127.0.0.2", SIP_PORT, 27701, 29082);
    private static final String SCANNER = "127.0.0.41";
    private static final Duration BAN = Duration.ofSeconds(8);
    private static final String OFFICE = "office.demo.gridpbx.test";

    private static final List<NodeProcess> nodes = new ArrayList<>();

    @BeforeAll
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    static void startTwoNodes() throws Exception {
        TestDirs.fresh(RUN_DIR);
        List<String> members = Stream.of(NODE1, NODE2).map(NodeProcess.Spec::member).toList();
        String clusterName = "ban-cluster-test-" + ProcessHandle.current().pid();
        List<String> edge = List.of("--gridpbx.security.ban-duration=" + BAN.toSeconds() + "s");
        nodes.add(NodeProcess.start(NODE1, members, clusterName, OPERATOR_TOKEN, RUN_DIR, edge));
        nodes.getFirst().awaitUp(Duration.ofSeconds(90));
        nodes.add(NodeProcess.start(NODE2, members, clusterName, OPERATOR_TOKEN, RUN_DIR, edge));
        for (NodeProcess node : nodes) {
            node.awaitUp(Duration.ofSeconds(90));
            Eventually.await(node.name() + " in a cluster of 2", Duration.ofSeconds(60), node::status,
                    status -> status.clusterSize() == 2);
        }
    }

    @AfterAll
    static void stopNodes() throws InterruptedException {
        for (NodeProcess node : nodes) {
            node.requestStop();
        }
        for (NodeProcess node : nodes) {
            node.awaitExit(Duration.ofSeconds(20));
        }
    }

    /**
     * Runs second, in the steady state an operator sees. Run first, seconds after node 2 joined, the
     * ban reached node 2 only after about 1.3 s (twice, on this loaded two-core machine): most likely
     * the grid write waiting for its partition's migration to end, plus the first use of the ban's
     * classes and Compact schema. Node 1 enforced it at once either way.
     */
    @Test
    @Order(2)
    void aSourceBannedOnNode1_isRefusedByNode2WithinASecond_andServedAgainWhenTheBanEnds() throws Exception {
        try (DatagramSocket scanner = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(SCANNER), 0))) {
            assertThat(answerTo(scanner, NODE2, "before", "", Duration.ofSeconds(5))).startsWith("SIP/2.0 200 ");

            long droppedBefore = dropped(nodes.get(1));
            long bannedAt = System.nanoTime();
            send(scanner, NODE1, options(scanner, NODE1, "scan", "User-Agent: friendly-scanner\r\n"));
            // Node 2 is asked over SIP until it stops answering: the time the ban took to be enforced there.
            long refusedAfterMillis = -1;
            for (int probe = 0; refusedAfterMillis < 0 && probe < 50; probe++) {
                long sentAt = System.nanoTime();
                if (answerTo(scanner, NODE2, "race-" + probe, "", Duration.ofMillis(300)) == null) {
                    refusedAfterMillis = TimeUnit.NANOSECONDS.toMillis(sentAt - bannedAt);
                }
            }
            System.out.printf("node 2 refused a probe sent %d ms after the scanner's request to node 1%n", refusedAfterMillis);
            assertThat(refusedAfterMillis).as("node 2 refuses the source within a second").isBetween(0L, 999L);
            String listed = Eventually.await("node 2 to list the ban", Duration.ofSeconds(5),
                    () -> nodes.get(1).get("/api/v1/security/bans", PLATFORM_TOKEN), body -> body.contains(SCANNER));
            Instant until = Instant.parse(field(listed, "until"));

            assertThat(answerTo(scanner, NODE2, "during", "", Duration.ofSeconds(1))).as("node 2's answer").isNull();
            assertThat(dropped(nodes.get(1))).isGreaterThan(droppedBefore);
            assertThat(answerTo(scanner, NODE1, "during-1", "", Duration.ofSeconds(1))).as("node 1's answer").isNull();

            String after = null;
            while (after == null && Instant.now().isBefore(until.plusSeconds(5))) {
                after = answerTo(scanner, NODE2, "after-" + System.nanoTime(), "", Duration.ofMillis(250));
            }
            Instant servedAt = Instant.now();
            assertThat(after).as("node 2 serves the source once the ban is over").startsWith("SIP/2.0 200 ");
            // The grid keeps times in whole seconds and may expire the ban's entry up to a second early
            // (CI saw the source served 309 ms before its end): each node's mirror holds the ban to its end.
            assertThat(servedAt).isAfterOrEqualTo(until).isBefore(until.plusSeconds(3));
            assertThat(answerTo(scanner, NODE1, "after-1", "", Duration.ofSeconds(3))).startsWith("SIP/2.0 200 ");
        }
    }

    @Test
    @Order(1)
    void passwordGuessingOnNode2_locksTheGuesserOutForThatUserOnNode1Too_auditedWhileThePhoneRegisters()
            throws Exception {
        String guesser = "127.0.0.42";
        try (DatagramSocket attacker = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(guesser), 0));
                DatagramSocket phone = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.43"), 0))) {
            // The default limit: 5 wrong answers for one user from one source.
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertThat(register(attacker, NODE2, "guess-" + attempt, "wrong" + attempt)).startsWith("SIP/2.0 401 ");
            }
            Eventually.await("the lockout in node 1's audit trail", Duration.ofSeconds(10),
                    () -> nodes.getFirst().get("/api/v1/audit", PLATFORM_TOKEN),
                    audit -> audit.contains("sip-lockout") && audit.contains(guesser + " locked out as 200@" + OFFICE));

            assertThat(register(attacker, NODE1, "right-from-guesser", "pass200"))
                    .as("node 1 drops the guesser's REGISTER as 200, even with the right password").isNull();
            assertThat(register(phone, NODE1, "right-from-phone", "pass200")).as("the user's own phone")
                    .startsWith("SIP/2.0 200 ");
        }
    }

    /** REGISTER as 200, then answers the 401 with this password; the second answer, or null when none comes. */
    private static String register(DatagramSocket socket, NodeProcess.Spec node, String callId, String password)
            throws IOException {
        String challenge = exchange(socket, node, registerRequest(socket, callId, 1, ""), callId, Duration.ofSeconds(5));
        assertThat(challenge).as("the 401 to " + callId).startsWith("SIP/2.0 401 ");
        int at = challenge.indexOf("nonce=\"") + "nonce=\"".length();
        String nonce = challenge.substring(at, challenge.indexOf('"', at));
        String uri = "sip:" + OFFICE;
        DigestResponse unsigned = new DigestResponse("200", OFFICE, nonce, uri, "", "MD5", "auth", "00000001", "0a4f113b");
        String response = DigestVerifier.expectedResponse(DigestAlgorithm.MD5,
                DigestAlgorithm.MD5.ha1("200", OFFICE, password), "REGISTER", unsigned);
        String authorization = "Authorization: Digest username=\"200\",realm=\"" + OFFICE + "\",nonce=\"" + nonce
                + "\",uri=\"" + uri + "\",response=\"" + response
                + "\",algorithm=MD5,qop=auth,nc=00000001,cnonce=\"0a4f113b\"\r\n";
        return exchange(socket, node, registerRequest(socket, callId, 2, authorization), callId, Duration.ofSeconds(2));
    }

    private static String registerRequest(DatagramSocket socket, String callId, int cseq, String authorization) {
        String self = socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
        return "REGISTER sip:" + OFFICE + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + self + ";rport;branch=z9hG4bK-" + callId + "-" + cseq + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:200@" + OFFICE + ">;tag=" + callId + "\r\n"
                + "To: <sip:200@" + OFFICE + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " REGISTER\r\n"
                + "Contact: <sip:200@" + self + ">\r\n"
                + "Expires: 60\r\n"
                + authorization
                + "Content-Length: 0\r\n\r\n";
    }

    private static String exchange(DatagramSocket socket, NodeProcess.Spec node, String request, String callId,
            Duration wait) throws IOException {
        send(socket, node, request);
        return receive(socket, callId, wait);
    }

    private static long dropped(NodeProcess node) throws Exception {
        Matcher m = Pattern.compile("\"dropped\"\\s*:\\s*(\\d+)").matcher(node.status().json());
        assertThat(m.find()).as("security.dropped in the status").isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as("%s in %s", name, json).isTrue();
        return m.group(1);
    }

    /** Sends an OPTIONS once and returns the answer, or null when none comes within the wait. */
    private static String answerTo(DatagramSocket socket, NodeProcess.Spec node, String callId, String extra,
            Duration wait) throws IOException {
        send(socket, node, options(socket, node, callId, extra));
        return receive(socket, callId, wait);
    }

    /** The first datagram carrying this Call-ID, or null when none comes within the wait. */
    private static String receive(DatagramSocket socket, String callId, Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        byte[] buffer = new byte[65535];
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException quiet) {
                return null;
            }
            String answer = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1);
            if (answer.contains("Call-ID: " + callId + "\r\n")) {
                return answer;
            }
        }
        return null;
    }

    private static void send(DatagramSocket socket, NodeProcess.Spec node, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.ISO_8859_1);
        socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(node.host(), node.sipPort())));
    }

    private static String options(DatagramSocket socket, NodeProcess.Spec node, String callId, String extra) {
        String self = SCANNER + ":" + socket.getLocalPort();
        String target = node.host() + ":" + node.sipPort();
        return "OPTIONS sip:" + target + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + self + ";rport;branch=z9hG4bK-" + callId + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:probe@" + self + ">;tag=" + callId + "\r\n"
                + "To: <sip:" + target + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + extra
                + "Content-Length: 0\r\n\r\n";
    }
}
