package io.gridpbx.sip;

import static io.gridpbx.sip.LoopbackNode.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** What {@code SipFuzzIT} found, one test per finding, each failing before its fix. */
@Timeout(60)
class FuzzFindingsIT {

    private static final int NODE_PORT = 41478;
    private static final Duration WAIT = Duration.ofSeconds(4);
    private static LoopbackNode node;
    private final ListAppender<ILoggingEvent> stackLog = new ListAppender<>();

    @BeforeAll
    static void startNode() {
        node = LoopbackNode.start(NODE_PORT);
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @BeforeEach
    void captureStackLog() {
        stackLog.start();
        ((Logger) LoggerFactory.getLogger("gov.nist")).addAppender(stackLog);
    }

    @AfterEach
    void releaseStackLog() {
        ((Logger) LoggerFactory.getLogger("gov.nist")).detachAppender(stackLog);
    }

    /**
     * A datagram whose first line is a header (lines swapped): the RI's automatic 400 copied the Via
     * by its position in the text, threw StringIndexOutOfBoundsException and logged the packet at
     * ERROR. It is dropped and counted.
     */
    @Test
    void datagramStartingWithAHeader_isDroppedQuietly() throws IOException {
        long droppedBefore = node.counters().malformedDropped();
        String swapped = request("REGISTER", "swapped-lines", "UDP", "")
                .replaceFirst("^(REGISTER [^\r]*)\r\n(Via: [^\r]*)", "$2\r\n$1");
        try (RawSip.Udp phone = new RawSip.Udp(NODE_PORT)) {
            assertThat(phone.answer(swapped, "swapped-lines", Duration.ofSeconds(1))).isEmpty();
        }
        assertThat(node.counters().malformedDropped()).isGreaterThan(droppedBefore);
        assertNoStackErrors();
    }

    /**
     * "User-Agent:" followed by two spaces parses to a header without products, and the registrar
     * threw a NullPointerException on it (a 500; seed 5795882481529, message 2601).
     */
    @Test
    void registerWithAUserAgentAfterTwoSpaces_isChallenged() throws IOException {
        try (RawSip.Udp phone = new RawSip.Udp(NODE_PORT)) {
            String answer = phone.answer(request("REGISTER", "empty-agent", "UDP", "User-Agent:  fuzz/1.0\r\n"), "empty-agent", WAIT)
                    .orElseThrow();
            assertThat(answer).startsWith("SIP/2.0 401 ");
        }
        assertThat(node.counters().failures()).isZero();
    }

    /** Over TCP the RI answered a CSeq naming another method with 400, then logged the message at ERROR. */
    @Test
    void cseqMethodMismatchOverTcp_gets400WithoutAStackError() throws IOException {
        try (RawSip.Tcp phone = new RawSip.Tcp(NODE_PORT)) {
            phone.send(request("REGISTER", "tcp-mismatch", "TCP", "").replace("CSeq: 1 REGISTER", "CSeq: 1 INVITE"));

            assertThat(phone.read("tcp-mismatch", WAIT)).startsWith("SIP/2.0 400 CSeq Method Does Not Match");
        }
        assertNoStackErrors();
    }

    /** Over TCP a message whose first line is no start line is dropped, and the next one on the connection is served. */
    @Test
    void streamMessageWithoutAStartLine_isDroppedAndTheConnectionGoesOn() throws IOException {
        try (RawSip.Tcp phone = new RawSip.Tcp(NODE_PORT)) {
            phone.send(request("REGISTER", "tcp-no-start", "TCP", "").replaceFirst("^REGISTER [^\r]*\r\n", "\tREGISTER\r\n"));
            phone.send(request("REGISTER", "tcp-after-no-start", "TCP", ""));

            String answers = phone.read("tcp-after-no-start", WAIT);
            assertThat(answers).startsWith("SIP/2.0 401 ").doesNotContain("tcp-no-start");
        }
        assertNoStackErrors();
    }

    /** A Via with a transport the node does not speak ("UEP") left no way to answer: the send threw (seed 6162522555626). */
    @Test
    void viaWithAnUnknownTransport_isDroppedWithoutAFailure() throws IOException {
        long droppedBefore = node.counters().malformedDropped();
        try (RawSip.Udp phone = new RawSip.Udp(NODE_PORT)) {
            assertThat(phone.answer(request("REGISTER", "via-uep", "UEP", ""), "via-uep", Duration.ofSeconds(1))).isEmpty();
        }
        assertThat(node.counters().malformedDropped()).isGreaterThan(droppedBefore);
        assertThat(node.counters().failures()).isZero();
    }

    /**
     * A datagram whose Via is lost (a CR glued it to the start line) and whose CSeq names another
     * method: the RI built its 400 for the mismatch without a Via and threw (seed 1). Dropped.
     */
    @Test
    void datagramWithoutAViaAndAMismatchedCSeq_isDroppedQuietly() throws IOException {
        String noVia = request("INVITE", "no-via-mismatch", "UDP", "").replaceFirst("\r\nVia: [^\r]*", "")
                .replace("CSeq: 1 INVITE", "CSeq: 1 REGISTER");
        try (RawSip.Udp phone = new RawSip.Udp(NODE_PORT)) {
            assertThat(phone.answer(noVia, "no-via-mismatch", Duration.ofSeconds(1))).isEmpty();
        }
        assertNoStackErrors();
    }

    private void assertNoStackErrors() {
        assertThat(stackLog.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR));
    }

    private static String request(String method, String callId, String transport, String extra) {
        return method + " sip:" + OFFICE + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:${port};rport;branch=z9hG4bK-" + callId + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:210@" + OFFICE + ">;tag=f-" + callId + "\r\n"
                + "To: <sip:210@" + OFFICE + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Contact: <sip:210@127.0.0.1:${port}>\r\n"
                + extra
                + "Content-Length: 0\r\n\r\n";
    }
}
