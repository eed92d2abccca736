package io.gridpbx.sip;

import static io.gridpbx.sip.LoopbackNode.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a node does with a TCP stream whose framing lies: the Content-Length says how many bytes
 * follow the headers (RFC 3261 section 18.3), and a node must not believe a number it cannot hold.
 */
@Timeout(60)
class TcpFramingIT {

    private static final int NODE_PORT = 41472;
    private static final Duration WAIT = Duration.ofSeconds(4);
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
    void hugeContentLength_neitherExhaustsTheHeapNorStopsTcp() throws IOException {
        for (int i = 0; i < 5; i++) {
            try (RawSip.Tcp attacker = new RawSip.Tcp(NODE_PORT)) {
                attacker.send(register("huge-cl-" + i, "2147483000"));
                attacker.closedByNode(Duration.ofMillis(300));
            }
        }
        assertTcpStillAnswers();
    }

    /** RFC 3261 section 21.4.11: over a stream a message over the limit is recognised whole, and answered 513. */
    @Test
    void messageOverTheSizeLimit_gets513AndTheConnectionGoesOn() throws IOException {
        try (RawSip.Tcp phone = new RawSip.Tcp(NODE_PORT)) {
            phone.send(register("too-large", "20000") + "x".repeat(20000));
            assertThat(phone.read("too-large", WAIT)).startsWith("SIP/2.0 513 ");

            phone.send(register("after-too-large", "0"));
            assertThat(phone.read("after-too-large", WAIT)).contains("SIP/2.0 401 ");
        }
    }

    @Test
    void contentLengthThatIsNotANumber_closesOnlyThatConnection() throws IOException {
        try (RawSip.Tcp attacker = new RawSip.Tcp(NODE_PORT)) {
            attacker.send(register("nan-cl", "lots"));
            attacker.closedByNode(Duration.ofMillis(500));
        }
        assertTcpStillAnswers();
    }

    private static void assertTcpStillAnswers() throws IOException {
        try (RawSip.Tcp phone = new RawSip.Tcp(NODE_PORT)) {
            String callId = "probe-" + System.nanoTime();
            phone.send(register(callId, "0"));
            assertThat(phone.read(callId, WAIT)).startsWith("SIP/2.0 401 ");
        }
        assertThat(node.counters().failures()).isZero();
    }

    private static String register(String callId, String contentLength) {
        return "REGISTER sip:" + OFFICE + " SIP/2.0\r\n"
                + "Via: SIP/2.0/TCP 127.0.0.1:${port};branch=z9hG4bK-" + callId + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:210@" + OFFICE + ">;tag=f-" + callId + "\r\n"
                + "To: <sip:210@" + OFFICE + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 REGISTER\r\n"
                + "Contact: <sip:210@127.0.0.1:${port};transport=tcp>\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n";
    }
}
