package io.gridpbx.sip;

import static io.gridpbx.sip.LoopbackNode.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.auth.NonceService;
import io.gridpbx.sip.overload.OverloadSettings;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Overload shedding over real JAIN-SIP. The node's clock runs ahead of the stack's receive stamps,
 * so every request looks as if it had waited that long in the receive queue: the way to put a node
 * in a known backlog without flooding a shared machine. 150 ms ahead (target 50 ms, critical
 * 2 s): new requests get 503 with Retry-After and no digest work (at the socket, a growing share of
 * them as the door's throttle sees the backlog persist), a request answering a challenge is served,
 * a keepalive is answered. 600 ms ahead (past T1): requests are dropped unparsed.
 */
@Timeout(45)
class OverloadSheddingIT {

    private static final int BEHIND_PORT = 15063;
    private static final int FAR_BEHIND_PORT = 15064;
    /** Critical far above the skew: on a loaded machine parsing alone may add a hundred milliseconds. */
    private static final OverloadSettings SETTINGS = new OverloadSettings(Duration.ofMillis(50), Duration.ZERO,
            Duration.ofSeconds(2), Duration.ofSeconds(3));
    private static final Clock BEHIND = Clock.offset(Clock.systemUTC(), Duration.ofMillis(150));
    private static LoopbackNode behind;
    private static LoopbackNode farBehind;

    @BeforeAll
    static void startNodes() {
        behind = LoopbackNode.start(BEHIND_PORT, BEHIND, SETTINGS);
        farBehind = LoopbackNode.start(FAR_BEHIND_PORT, Clock.offset(Clock.systemUTC(), Duration.ofMillis(600)), SETTINGS);
    }

    @AfterAll
    static void stopNodes() {
        behind.close();
        farBehind.close();
    }

    @Test
    void newRegisters_underAStandingBacklog_areTurnedAwayAtTheSocket_with503AndRetryAfter() throws IOException {
        try (Phone phone = new Phone(BEHIND_PORT)) {
            String shed = null;
            // the door's throttle lowers the share of new requests it lets in period by period
            for (int i = 0; i < 200 && shed == null; i++) {
                phone.send(register("shed-" + i, 1, ""));
                String answer = phone.anyAnswerWithin(Duration.ofMillis(25));
                if (answer != null && answer.startsWith("SIP/2.0 503 ")) {
                    shed = answer;
                }
            }

            assertThat(shed).as("a 503 within 200 new REGISTERs").isNotNull();
            assertThat(shed).startsWith("SIP/2.0 503 Overloaded\r\n").contains("Retry-After: 3\r\n")
                    .containsPattern("\r\nTo: <sip:209@" + OFFICE + ">;tag=[0-9a-f]+\r\n")
                    .contains("\r\nVia: SIP/2.0/UDP 127.0.0.1:16193;rport;branch=z9hG4bK-shed-")
                    .doesNotContain("WWW-Authenticate");
            assertThat(behind.counters().shed()).isPositive();
        }
    }

    @Test
    void registerAnsweringAChallenge_isServed_whileNewWorkIsShed() throws IOException {
        NonceService cluster = new NonceService(LoopbackNode.NONCE_SECRET, BEHIND, new SplittableRandom(7),
                Duration.ofMinutes(5));
        String nonce = cluster.issue(OFFICE);
        try (Phone phone = new Phone(BEHIND_PORT)) {
            String answer = phone.answerTo(register("follow-up-1", 2, authorization(nonce)), "follow-up-1");

            assertThat(answer).startsWith("SIP/2.0 200 ");
        }
    }

    @Test
    void keepaliveToTheNode_isAnswered() throws IOException {
        try (Phone phone = new Phone(BEHIND_PORT)) {
            String answer = phone.answerTo("OPTIONS sip:127.0.0.1:" + BEHIND_PORT + " SIP/2.0\r\n"
                    + headers("OPTIONS", "keepalive-1", 1) + "Content-Length: 0\r\n\r\n", "keepalive-1");

            assertThat(answer).startsWith("SIP/2.0 200 ");
        }
    }

    @Test
    void requestThatWaitedPastT1_isDroppedUnparsed_withoutAnAnswer() throws IOException {
        long before = farBehind.counters().staleDrops();
        try (Phone phone = new Phone(FAR_BEHIND_PORT)) {
            phone.send(register("stale-1", 1, ""));

            assertThat(phone.anyAnswerWithin(Duration.ofSeconds(1))).isNull();
            assertThat(farBehind.counters().staleDrops()).isGreaterThan(before);
            assertThat(farBehind.counters().requests()).isZero();
        }
    }

    private static String register(String callId, long cseq, String authorization) {
        return "REGISTER sip:" + OFFICE + " SIP/2.0\r\n" + headers("REGISTER", callId, cseq)
                + "Contact: <sip:209@127.0.0.1:16193>\r\nExpires: 60\r\n" + authorization + "Content-Length: 0\r\n\r\n";
    }

    private static String headers(String method, String callId, long cseq) {
        return "Via: SIP/2.0/UDP 127.0.0.1:16193;rport;branch=z9hG4bK-" + callId + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:209@" + OFFICE + ">;tag=f-" + callId + "\r\n"
                + "To: <sip:209@" + OFFICE + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n";
    }

    /** Phone 209 (password pass209) answering a nonce, MD5 with qop=auth. */
    private static String authorization(String nonce) {
        return DigestPhone.registerAuthorization("209", OFFICE, "pass209", DigestAlgorithm.MD5, nonce, "00000001");
    }

    /** A bare UDP phone on 127.0.0.1:16193 (each test opens and closes its own). */
    private static final class Phone implements AutoCloseable {

        private final DatagramSocket socket;
        private final InetSocketAddress node;

        Phone(int nodePort) throws IOException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 16193));
            node = new InetSocketAddress(InetAddress.getLoopbackAddress(), nodePort);
        }

        void send(String message) throws IOException {
            byte[] bytes = message.getBytes(StandardCharsets.ISO_8859_1);
            socket.send(new DatagramPacket(bytes, bytes.length, node));
        }

        /** Sends, and sends again every 500 ms like a phone (T1), until an answer with this Call-ID comes (5 s). */
        String answerTo(String request, String callId) throws IOException {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                send(request);
                String answer = anyAnswerWithin(Duration.ofMillis(500));
                if (answer != null && answer.contains("Call-ID: " + callId + "\r\n")) {
                    return answer;
                }
            }
            throw new AssertionError("no answer to " + callId + " within 5 s");
        }

        String anyAnswerWithin(Duration wait) throws IOException {
            socket.setSoTimeout((int) wait.toMillis());
            byte[] buffer = new byte[65535];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException quiet) {
                return null;
            }
            return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
