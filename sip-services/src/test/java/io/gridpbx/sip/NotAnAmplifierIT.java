package io.gridpbx.sip;

import static io.gridpbx.sip.LoopbackNode.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A node must not amplify a spoofed request (RFC 3261 section 26.3.2.4 and RFC 5393's concern):
 * whatever an unauthenticated source sends, it gets one answer per datagram, never retransmitted
 * (no transaction, no Timer G towards an address that may not be the sender's), and the answer is
 * not much larger than the request.
 */
@Timeout(60)
class NotAnAmplifierIT {

    private static final int NODE_PORT = 15066;
    /**
     * A refusal copies the request's Via, From, To, Call-ID and CSeq and adds a reason or a challenge:
     * measured 0.56 for a 403 and 1.14 for a 407 to an INVITE with SDP, 1.64 for a 401 to a bare
     * REGISTER with MD5 and SHA-256 offered (two WWW-Authenticate headers). Twice the request at most
     * leaves a reflector nothing to gain (DNS or NTP reflection multiplies by tens).
     */
    private static final double MOST_BYTES_PER_BYTE = 2.0;
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
    void anInviteWithoutCredentials_getsExactlyOne407_notMuchLargerThanItself() throws IOException {
        try (SourceSocket caller = new SourceSocket("127.0.0.28", NODE_PORT)) {
            String invite = invite(caller, "sip:200@" + OFFICE, "amp-invite");

            List<String> answers = answersWithin5s(caller, invite);

            assertThat(answers).hasSize(1);
            assertThat(answers.getFirst()).startsWith("SIP/2.0 407 ");
            assertNotMuchLarger(answers.getFirst(), invite);
        }
    }

    @Test
    void aRegisterWithoutCredentials_getsExactlyOne401() throws IOException {
        try (SourceSocket phone = new SourceSocket("127.0.0.28", NODE_PORT)) {
            String aor = "sip:201@" + OFFICE;
            String register = phone.request("REGISTER", "sip:" + OFFICE, aor, aor, "amp-register", 1, "Expires: 60\r\n");

            List<String> answers = answersWithin5s(phone, register);

            assertThat(answers).hasSize(1);
            assertThat(answers.getFirst()).startsWith("SIP/2.0 401 ");
            assertNotMuchLarger(answers.getFirst(), register);
        }
    }

    @Test
    void anInviteFromADomainWeDoNotServe_getsExactlyOne403() throws IOException {
        try (SourceSocket caller = new SourceSocket("127.0.0.28", NODE_PORT)) {
            String invite = invite(caller, "sip:100@nowhere.example", "amp-relay");

            List<String> answers = answersWithin5s(caller, invite);

            assertThat(answers).hasSize(1);
            assertThat(answers.getFirst()).startsWith("SIP/2.0 403 ");
            assertNotMuchLarger(answers.getFirst(), invite);
        }
    }

    /** Sends the request once and collects every datagram that comes back in the next 5 s. */
    private static List<String> answersWithin5s(SourceSocket source, String request) throws IOException {
        source.send(request);
        List<String> answers = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            String answer = source.receive(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            if (answer != null) {
                answers.add(answer);
            }
        }
        return answers;
    }

    private static void assertNotMuchLarger(String answer, String request) {
        int answerBytes = answer.getBytes(StandardCharsets.ISO_8859_1).length;
        int requestBytes = request.getBytes(StandardCharsets.ISO_8859_1).length;
        System.out.printf("amplification: %d bytes answered to %d bytes (%.2f)%n", answerBytes, requestBytes,
                (double) answerBytes / requestBytes);
        assertThat(answerBytes).as("answer of %d bytes to a request of %d", answerBytes, requestBytes)
                .isLessThanOrEqualTo((int) (requestBytes * MOST_BYTES_PER_BYTE));
    }

    /** A phone's INVITE with a small SDP offer (one G.711 stream), as softphones send it. */
    private static String invite(SourceSocket caller, String from, String callId) {
        String sdp = "v=0\r\no=- 1 1 IN IP4 " + caller.address + "\r\ns=-\r\nc=IN IP4 " + caller.address + "\r\nt=0 0\r\n"
                + "m=audio 40000 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n";
        return caller.request("INVITE", "sip:201@" + OFFICE, from, "sip:201@" + OFFICE, callId, 1,
                        "Content-Type: application/sdp\r\n")
                .replace("Content-Length: 0\r\n\r\n", "Content-Length: " + sdp.length() + "\r\n\r\n" + sdp);
    }
}
