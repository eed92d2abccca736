package io.gridpbx.sip;

import static io.gridpbx.sip.LoopbackNode.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.auth.DigestResponse;
import io.gridpbx.core.auth.DigestVerifier;
import io.gridpbx.core.location.Binding;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIP over TLS (RFC 3261 sections 26.2 and 26.3) on a real JAIN-SIP node with its self-signed
 * certificate: phones register and call over TLS, a call reaches a TLS phone over the connection it
 * registered on (RFC 5626 section 5.3: its Contact names a port nothing listens on), and a client
 * that speaks plain SIP to the TLS port gets no SIP answer.
 *
 * <p>Debian's SIPp 3.6.1 is built without OpenSSL ("To use a TLS transport you must compile SIPp
 * with OpenSSL"), so the phones here are Java TLS sockets that speak SIP text.
 */
@Timeout(60)
class SipTlsIT {

    private static final int NODE_PORT = 41480;
    private static final int TLS_PORT = 41481;
    private static final Duration WAIT = Duration.ofSeconds(5);
    @TempDir
    static Path dataDir;
    private static LoopbackNode node;

    @BeforeAll
    static void startNode() {
        node = LoopbackNode.start(NODE_PORT,
                SelfSignedKeyStore.ensure(dataDir.resolve("tls"), "127.0.0.1", TLS_PORT, new SplittableRandom(7)));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void aPlainTcpClientOnTheTlsPort_getsNoSipAnswerAndIsClosed() throws Exception {
        try (RawSip.Tcp plain = new RawSip.Tcp(TLS_PORT)) {
            plain.send("OPTIONS sip:127.0.0.1:" + TLS_PORT + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/TCP 127.0.0.1:${port};branch=z9hG4bK-plain\r\n"
                    + "From: <sip:200@" + OFFICE + ">;tag=p\r\nTo: <sip:127.0.0.1>\r\nCall-ID: plain-on-tls\r\n"
                    + "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n");

            assertThat(plain.closedByNode(WAIT)).as("connection closed by the node").isTrue();
        }
        try (RawSip.Tcp plain = new RawSip.Tcp(TLS_PORT)) {
            plain.send("OPTIONS sip:127.0.0.1 SIP/2.0\r\nCall-ID: plain-on-tls-2\r\n\r\n");
            assertThat(plain.read("SIP/2.0", Duration.ofSeconds(2))).doesNotContain("SIP/2.0");
        }
    }

    @Test
    void phonesRegisterAndCallOverTls_andTheCallReachesTheCalleeOverItsOwnConnection() throws Exception {
        try (TlsPhone callee = new TlsPhone(TLS_PORT); TlsPhone caller = new TlsPhone(TLS_PORT)) {
            assertThat(callee.protocol()).isIn("TLSv1.3", "TLSv1.2");
            register(callee, "202", "pass202", "tls-reg-202");
            register(caller, "203", "pass203", "tls-reg-203");
            List<Binding> bindings = node.contactsOf("202", OFFICE);
            assertThat(bindings).singleElement().satisfies(binding ->
                    assertThat(binding.source()).isEqualTo("tls:127.0.0.1:" + callee.localPort()));

            String callId = "tls-call-" + System.nanoTime();
            caller.send(invite(callId, 1, ""));
            String challenge = caller.receive("CSeq: 1 INVITE", WAIT);
            assertThat(challenge).startsWith("SIP/2.0 407 ");
            caller.send(invite(callId, 2, proxyAuthorization(nonceOf(challenge), "203", "pass203", "INVITE",
                    "sip:202@" + OFFICE)));

            String invite = callee.receive("Call-ID: " + callId, WAIT);
            assertThat(invite).startsWith("INVITE sip:202@127.0.0.1:9;transport=tls SIP/2.0\r\n")
                    .contains("Via: SIP/2.0/TLS 127.0.0.1:" + TLS_PORT + ";")
                    // It names both phones' connections, so that the dialog's requests go down them too.
                    .containsPattern("Record-Route: <sip:127\\.0\\.0\\.1:" + TLS_PORT + ";transport=tls;lr;gf=tls~127\\.0\\.0\\.1~"
                            + callee.localPort() + ";gc=tls~127\\.0\\.0\\.1~" + caller.localPort() + ";gs=[A-Za-z0-9_-]+>");
            callee.send(answer(invite, 200, "OK"));

            String ok = caller.receive("CSeq: 2 INVITE\r\n", WAIT);
            while (ok.startsWith("SIP/2.0 1")) {
                ok = caller.receive("CSeq: 2 INVITE\r\n", WAIT);
            }
            assertThat(ok).startsWith("SIP/2.0 200 ")
                    .containsPattern("Record-Route: <sip:127\\.0\\.0\\.1:" + TLS_PORT + ";transport=tls;lr;gf=[^;]+;gc=[^;]+;gs=[A-Za-z0-9_-]+>");
        }
        assertThat(node.counters().failures()).isZero();
    }

    /**
     * RFC 4475 section 3.1.2.4 (scalarlg): a response whose Retry-After overflows is malformed, and a
     * proxy drops it rather than relay it; the callee's next, valid, response still goes through.
     */
    @Test
    void aMalformedResponseFromTheCallee_isDroppedAndTheNextOneRelayed() throws Exception {
        try (TlsPhone callee = new TlsPhone(TLS_PORT); TlsPhone caller = new TlsPhone(TLS_PORT)) {
            register(callee, "202", "pass202", "tls-reg-202-bad");
            register(caller, "203", "pass203", "tls-reg-203-bad");
            String callId = "tls-bad-response-" + System.nanoTime();
            caller.send(invite(callId, 1, ""));
            String challenge = caller.receive("CSeq: 1 INVITE", WAIT);
            caller.send(invite(callId, 2, proxyAuthorization(nonceOf(challenge), "203", "pass203", "INVITE",
                    "sip:202@" + OFFICE)));
            String invite = callee.receive("Call-ID: " + callId, WAIT);

            long droppedBefore = node.counters().malformedDropped();
            callee.send(answer(invite, 180, "Ringing").replace("Content-Length: 0\r\n",
                    "Retry-After: 949302838503028349304023988\r\nContent-Length: 0\r\n"));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (node.counters().malformedDropped() == droppedBefore && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // until the node has read the 180
            }
            assertThat(node.counters().malformedDropped()).as("the 180 dropped").isGreaterThan(droppedBefore);
            callee.send(answer(invite, 200, "OK"));

            String relayed = caller.receive("CSeq: 2 INVITE\r\n", WAIT);
            while (relayed.startsWith("SIP/2.0 100 ")) {
                relayed = caller.receive("CSeq: 2 INVITE\r\n", WAIT);
            }
            assertThat(relayed).startsWith("SIP/2.0 200 ");
        }
    }

    private static void register(TlsPhone phone, String user, String password, String callId) throws Exception {
        phone.send(register(user, callId, 1, ""));
        String challenge = phone.receive("CSeq: 1 REGISTER", WAIT);
        assertThat(challenge).startsWith("SIP/2.0 401 ");
        String uri = "sip:" + OFFICE;
        phone.send(register(user, callId, 2, authorization("Authorization", nonceOf(challenge), user, password,
                "REGISTER", uri)));
        assertThat(phone.receive("CSeq: 2 REGISTER", WAIT)).startsWith("SIP/2.0 200 ");
    }

    private static String register(String user, String callId, int cseq, String authorization) {
        return "REGISTER sip:" + OFFICE + " SIP/2.0\r\n"
                + "Via: SIP/2.0/TLS 127.0.0.1:${port};rport;branch=z9hG4bK-" + callId + "-" + cseq + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@" + OFFICE + ">;tag=f-" + callId + "\r\n"
                + "To: <sip:" + user + "@" + OFFICE + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " REGISTER\r\n"
                // port 9 (discard): nothing listens there, so a call can only come over the connection
                + "Contact: <sip:" + user + "@127.0.0.1:9;transport=tls>\r\n"
                + "Expires: 600\r\n"
                + authorization
                + "Content-Length: 0\r\n\r\n";
    }

    private static String invite(String callId, int cseq, String authorization) {
        return "INVITE sip:202@" + OFFICE + " SIP/2.0\r\n"
                + "Via: SIP/2.0/TLS 127.0.0.1:${port};rport;branch=z9hG4bK-" + callId + "-" + cseq + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:203@" + OFFICE + ">;tag=caller-" + callId + "\r\n"
                + "To: <sip:202@" + OFFICE + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " INVITE\r\n"
                + "Contact: <sip:203@127.0.0.1:9;transport=tls>\r\n"
                + authorization
                + "Content-Length: 0\r\n\r\n";
    }

    /** A UAS's answer to a request it received (RFC 3261 section 8.2.6.2): its Vias, From, To with a tag, Call-ID, CSeq, Record-Route. */
    private static String answer(String request, int status, String reason) {
        StringBuilder response = new StringBuilder("SIP/2.0 " + status + " " + reason + "\r\n");
        for (String line : request.substring(0, request.indexOf("\r\n\r\n")).split("\r\n")) {
            String name = line.contains(":") ? line.substring(0, line.indexOf(':')).strip() : "";
            switch (name) {
                case "Via", "From", "Call-ID", "CSeq", "Record-Route" -> response.append(line).append("\r\n");
                case "To" -> response.append(line).append(";tag=callee\r\n");
                default -> {
                }
            }
        }
        return response.append("Contact: <sip:202@127.0.0.1:9;transport=tls>\r\nContent-Length: 0\r\n\r\n").toString();
    }

    private static String nonceOf(String challenge) {
        int at = challenge.indexOf("nonce=\"") + "nonce=\"".length();
        return challenge.substring(at, challenge.indexOf('"', at));
    }

    private static String proxyAuthorization(String nonce, String user, String password, String method, String uri) {
        return authorization("Proxy-Authorization", nonce, user, password, method, uri);
    }

    private static String authorization(String header, String nonce, String user, String password, String method,
            String uri) {
        DigestResponse unsigned = new DigestResponse(user, OFFICE, nonce, uri, "", "MD5", "auth", "00000001", "c0ffee");
        String response = DigestVerifier.expectedResponse(DigestAlgorithm.MD5,
                DigestAlgorithm.MD5.ha1(user, OFFICE, password), method, unsigned);
        return header + ": Digest username=\"" + user + "\",realm=\"" + OFFICE + "\",nonce=\"" + nonce + "\",uri=\""
                + uri + "\",response=\"" + response + "\",algorithm=MD5,qop=auth,nc=00000001,cnonce=\"c0ffee\"\r\n";
    }
}
