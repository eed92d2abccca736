package io.gridpbx.sip;

import static io.gridpbx.sip.LoopbackNode.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gridpbx.core.auth.DigestResponse;
import io.gridpbx.core.auth.DigestVerifier;
import io.gridpbx.core.digest.DigestAlgorithm;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * What a node does with input it must not act on: broken requests, requests that may not go
 * further, probes, and a flood of garbage. Every such message gets a clear SIP error or is
 * dropped, and the node goes on serving.
 */
@Timeout(45)
class MalformedInputIT {

    private static final int NODE_PORT = 15062;
    private static LoopbackNode node;

    @BeforeAll
    static void startNode() {
        node = LoopbackNode.start(NODE_PORT);
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void optionsToTheNode_isAnswered200WithAllow() {
        Sipp.scenario("options.xml", 16150).to(NODE_PORT).run().assertPassed();
    }

    @Test
    void inviteWithMaxForwardsZero_gets483() {
        Sipp.scenario("max_forwards_exhausted.xml", 16151).to(NODE_PORT).service("201")
                .key("domain", OFFICE).key("caller", "200").run().assertPassed();
    }

    /**
     * JAIN-SIP's parser refuses the message and answers 400 itself (our listener never sees it). The
     * RI quotes the broken header in the reason phrase; {@code JainSipMessageParserFactory} keeps it
     * on one line. SIPp cannot take this answer (it matches responses by their CSeq), so a bare
     * socket sends the request.
     */
    @Test
    void cseqWithoutANumber_gets400WithAOneLineStatus() throws IOException {
        try (Udp phone = new Udp()) {
            String answer = phone.answerTo(request("REGISTER", "bad-cseq", 1)
                    .replace("CSeq: 1 REGISTER", "CSeq: one REGISTER"), "bad-cseq");

            assertThat(answer).startsWith("SIP/2.0 400 ");
            assertWellFormedHeaders(answer);
        }
    }

    /**
     * RFC 3261 section 8.1.1.5: the CSeq method matches the request's. JAIN-SIP checks this before
     * the listener and answers 400 "Bad request" itself (our listener's own check is a second wall).
     */
    @Test
    void cseqNamingAnotherMethod_gets400() throws IOException {
        try (Udp phone = new Udp()) {
            String answer = phone.answerTo(request("REGISTER", "cseq-method", 1)
                    .replace("CSeq: 1 REGISTER", "CSeq: 1 INVITE"), "cseq-method");

            assertThat(answer).startsWith("SIP/2.0 400 ");
            assertWellFormedHeaders(answer);
        }
    }

    /** RFC 3261 section 8.1.1: Call-ID is mandatory. JAIN-SIP drops such a request without an answer. */
    @Test
    void requestWithoutCallId_isDropped() throws IOException {
        try (Udp phone = new Udp()) {
            phone.send(request("OPTIONS", "missing-call-id", 1).replaceFirst("Call-ID: [^\r]*\r\n", ""));

            assertThat(phone.answersUntilProbeAnswered()).isEmpty();
        }
    }

    /** A datagram that is not SIP at all has no Via to answer along: dropped. */
    @Test
    void datagramThatIsNotSip_isDropped() throws IOException {
        try (Udp phone = new Udp()) {
            phone.send("HELLO WORLD THIS IS NOT SIP\r\n\r\n");

            assertThat(phone.answersUntilProbeAnswered()).isEmpty();
        }
    }

    /** A request line without a Request-URI: JAIN-SIP answers 400, on one status line. */
    @Test
    void requestLineWithoutUri_gets400() throws IOException {
        try (Udp phone = new Udp()) {
            String answer = phone.answerTo(request("OPTIONS", "no-uri", 1)
                    .replaceFirst("^OPTIONS [^\r]*", "OPTIONS"), "no-uri");

            assertThat(answer).startsWith("SIP/2.0 400 ");
            assertWellFormedHeaders(answer);
        }
    }

    @Test
    void burstOfGarbage_leavesTheNodeServing() throws IOException {
        long failuresBefore = node.counters().failures();
        Logger stackLogger = (Logger) LoggerFactory.getLogger("gov.nist");
        ListAppender<ILoggingEvent> stackLog = new ListAppender<>();
        stackLog.start();
        stackLogger.addAppender(stackLog);
        SplittableRandom random = new SplittableRandom(42);
        try (Udp flooder = new Udp()) {
            for (int i = 0; i < 3000; i++) {
                flooder.send(garbage(i, random));
            }
        }
        try (Udp phone = new Udp()) {
            // queued behind the burst: once the probe is answered, the burst has been read
            assertThat(phone.answersUntilProbeAnswered()).isEmpty();
        } finally {
            stackLogger.detachAppender(stackLog);
        }
        // garbage is routine for a node on the internet: no stack errors, no log flood
        assertThat(stackLog.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR));

        Sipp.scenario("register.xml", 16154).to(NODE_PORT).service("210").credentials("210", "pass210")
                .key("domain", OFFICE).key("contact", "<sip:210@127.0.0.1:16154>").key("expires", "600")
                .timeout(Duration.ofSeconds(20)).run().assertPassed();
        assertThat(node.contactsOf("210", OFFICE)).hasSize(1);
        assertThat(node.counters().failures()).isEqualTo(failuresBefore).isZero();
    }

    /** The status line is one line and every line up to the blank line is a header (RFC 3261 section 7). */
    private static void assertWellFormedHeaders(String response) {
        String head = response.substring(0, response.indexOf("\r\n\r\n"));
        List<String> lines = head.lines().toList();
        assertThat(lines.getFirst()).matches("SIP/2\\.0 [1-6][0-9][0-9] [^\\r\\n]+");
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).matches("[A-Za-z-]+ *:.*"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Call-ID:"));
    }

    /** A mix of what a fuzzer, a scanner and a broken phone send. */
    private static String garbage(int i, SplittableRandom random) {
        return switch (i % 8) {
            case 0 -> randomBytes(random, 1 + random.nextInt(1400));
            case 1 -> request("INVITE", "burst-" + i, 1).replace("CSeq: 1 INVITE", "CSeq: " + random.nextInt() + "x");
            case 2 -> request("REGISTER", "burst-" + i, 1).replaceFirst("Via: [^\r]*\r\n", "");
            case 3 -> request("OPTIONS", "burst-" + i, 1).substring(0, 1 + random.nextInt(200));
            case 4 -> request("INVITE", "burst-" + i, 1).replace("Max-Forwards: 70", "Max-Forwards: -1");
            case 5 -> request("BYE", "burst-" + i, 1).replace("To: <sip:201@" + OFFICE + ">",
                    "To: <sip:201@" + OFFICE + ">;tag=x");
            case 6 -> request("REGISTER", "burst-" + i, 1).replace("Contact: <sip:200@127.0.0.1>",
                    "Contact: <sip:200@" + "x".repeat(random.nextInt(300)) + ">;expires=abc");
            default -> "\r\n\r\n";
        };
    }

    private static String randomBytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /**
     * RFC 7616 section 3.4: a right answer sent again in a new request (a captured REGISTER replayed,
     * same nonce and nonce-count) is challenged again as stale, and binds nothing; the phone's own next
     * request, counting up, is accepted. (A retransmission of the accepted request itself passes too,
     * in {@code DigestAuthenticatorTest}: over the wire JAIN-SIP may absorb such a copy before the
     * registrar sees it, so a socket test cannot tell which of the two answered.)
     */
    @Test
    void aCapturedRegisterReplayedAsANewRequest_isChallengedStale() throws IOException {
        try (Udp phone = new Udp()) {
            String callId = "replay-" + System.nanoTime();
            String challenge = phone.answerMatching(register(callId, 1, ""), "CSeq: 1 REGISTER");
            assertThat(challenge).startsWith("SIP/2.0 401 ");
            int at = challenge.indexOf("nonce=\"") + "nonce=\"".length();
            String nonce = challenge.substring(at, challenge.indexOf('"', at));
            String signed = authorization(nonce, "00000001");

            assertThat(phone.answerMatching(register(callId, 2, signed), "CSeq: 2 REGISTER")).startsWith("SIP/2.0 200 ");
            String replayed = phone.answerMatching(register(callId, 3, signed), "CSeq: 3 REGISTER");
            assertThat(replayed).startsWith("SIP/2.0 401 ").containsIgnoringCase("stale=true");
            assertThat(phone.answerMatching(register(callId, 4, authorization(nonce, "00000002")), "CSeq: 4 REGISTER"))
                    .startsWith("SIP/2.0 200 ");
        }
    }

    private static String register(String callId, long cseq, String authorization) {
        return "REGISTER sip:" + OFFICE + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:16191;rport;branch=z9hG4bK-" + callId + "-" + cseq + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:210@" + OFFICE + ">;tag=f-" + callId + "\r\n"
                + "To: <sip:210@" + OFFICE + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " REGISTER\r\n"
                + "Contact: <sip:210@127.0.0.1:16191>\r\n"
                + "Expires: 60\r\n"
                + authorization
                + "Content-Length: 0\r\n\r\n";
    }

    /** What phone 210 (password pass210) answers to that nonce, MD5 with qop=auth, as an Authorization line. */
    private static String authorization(String nonce, String nc) {
        String uri = "sip:" + OFFICE;
        DigestResponse unsigned = new DigestResponse("210", OFFICE, nonce, uri, "", "MD5", "auth", nc, "c0ffee42");
        String response = DigestVerifier.expectedResponse(DigestAlgorithm.MD5,
                DigestAlgorithm.MD5.ha1("210", OFFICE, "pass210"), "REGISTER", unsigned);
        return "Authorization: Digest username=\"210\",realm=\"" + OFFICE + "\",nonce=\"" + nonce + "\",uri=\"" + uri
                + "\",response=\"" + response + "\",algorithm=MD5,qop=auth,nc=" + nc + ",cnonce=\"c0ffee42\"\r\n";
    }

    private static String request(String method, String callId, long cseq) {
        return method + " sip:201@" + OFFICE + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:16190;rport;branch=z9hG4bK-" + callId + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:200@" + OFFICE + ">;tag=f-" + callId + "\r\n"
                + "To: <sip:201@" + OFFICE + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Contact: <sip:200@127.0.0.1>\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /** A bare UDP phone on 127.0.0.1, for what SIPp cannot send. */
    private static final class Udp implements AutoCloseable {

        private final DatagramSocket socket;
        private final InetSocketAddress node = new InetSocketAddress(InetAddress.getLoopbackAddress(), NODE_PORT);

        Udp() throws IOException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        }

        void send(String message) throws IOException {
            byte[] bytes = message.getBytes(StandardCharsets.ISO_8859_1);
            socket.send(new DatagramPacket(bytes, bytes.length, node));
        }

        /** Sends a request and returns the first answer that carries its Call-ID. */
        String answerTo(String request, String callId) throws IOException {
            return answerMatching(request, "Call-ID: " + callId + "\r\n");
        }

        /**
         * Sends a request and returns the first answer that contains {@code marker}. Like a phone, it
         * sends the request again every 500 ms until answered (RFC 3261 section 17.1.2.2, T1): a
         * datagram may be lost when the node's socket buffer is full.
         */
        String answerMatching(String request, String marker) throws IOException {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            byte[] buffer = new byte[65535];
            socket.setSoTimeout(500);
            while (true) {
                send(request);
                try {
                    while (true) {
                        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                        socket.receive(packet);
                        String answer = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1);
                        if (answer.contains(marker)) {
                            return answer;
                        }
                    }
                } catch (SocketTimeoutException quiet) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("no answer with " + marker.strip() + " within 5 s");
                    }
                }
            }
        }

        /**
         * Sends an OPTIONS probe and returns every answer received before the probe's own 200: since
         * the node answers in the order it reads, an answer to what came before would be among them.
         * Like a phone, the probe is retransmitted every 500 ms (RFC 3261 section 17.1.2.2, T1): a
         * datagram may be lost when the node's socket buffer overflows.
         */
        List<String> answersUntilProbeAnswered() throws IOException {
            String probeCallId = "probe-" + System.nanoTime();
            String probe = request("OPTIONS", probeCallId, 1)
                    .replace("OPTIONS sip:201@" + OFFICE, "OPTIONS sip:127.0.0.1:" + NODE_PORT);
            List<String> others = new ArrayList<>();
            byte[] buffer = new byte[65535];
            socket.setSoTimeout(500);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            send(probe);
            while (System.nanoTime() < deadline) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    send(probe);
                    continue;
                }
                String answer = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1);
                if (answer.contains("Call-ID: " + probeCallId + "\r\n")) {
                    assertThat(answer).startsWith("SIP/2.0 200 ");
                    return others;
                }
                others.add(answer.lines().findFirst().orElse(""));
            }
            throw new AssertionError("no answer to the OPTIONS probe within 10 s; other answers: " + others);
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
