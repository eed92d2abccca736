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
 * RFC 4475's torture messages, each sent over a real socket to a real JAIN-SIP node, get the answer
 * the RFC calls for. The texts follow RFC 4475 section 3 with the hosts and Vias rewritten to
 * loopback (a Via names the test socket, so that the answer comes back to it).
 */
@Timeout(60)
class TortureMessagesIT {

    private static final int NODE_PORT = 41470;
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

    /** RFC 4475 3.1.2.3 (scalar02): Max-Forwards above 255 is a syntax error, refused before any challenge. */
    @Test
    void overlargeMaxForwards_gets400NamingTheHeader() throws IOException {
        String answer = udpAnswer(sip("""
                REGISTER sip:%s SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bKsfzscalar02
                From: <sip:210@%s>;tag=239232jh3
                To: <sip:210@%s>
                Call-ID: scalar02.1
                Max-Forwards: 300
                CSeq: 1 REGISTER
                Contact: <sip:210@127.0.0.1:${port}>
                Content-Length: 0
                """.formatted(OFFICE, OFFICE, OFFICE)), "scalar02.1");

        assertThat(answer).startsWith("SIP/2.0 400 Bad Header: Max-Forwards\r\n");
    }

    /** RFC 4475 3.1.2.3 (scalar02): a CSeq number above 2**31 is refused with 400 (the RI's own answer). */
    @Test
    void overlargeCSeq_gets400() throws IOException {
        String answer = udpAnswer(sip("""
                REGISTER sip:%s SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bKsfzscalar02b
                From: <sip:210@%s>;tag=239232jh3
                To: <sip:210@%s>
                Call-ID: scalar02.2
                Max-Forwards: 70
                CSeq: 36893488147419103232 REGISTER
                Contact: <sip:210@127.0.0.1:${port}>
                Content-Length: 0
                """.formatted(OFFICE, OFFICE, OFFICE)), "scalar02.2");

        assertThat(answer).startsWith("SIP/2.0 400 ");
    }

    /** RFC 4475 3.1.2.6 (ncl): a negative Content-Length is refused with 400. */
    @Test
    void negativeContentLength_gets400() throws IOException {
        String answer = udpAnswer(sip("""
                INVITE sip:201@%s SIP/2.0
                Max-Forwards: 254
                To: <sip:201@%s>
                From: <sip:200@%s>;tag=32394234
                Call-ID: ncl.0ha0isndaksdj2193423r542w35
                CSeq: 0 INVITE
                Via: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bKkdjuw
                Contact: <sip:200@127.0.0.1:${port}>
                Content-Type: application/sdp
                Content-Length: -999
                """.formatted(OFFICE, OFFICE, OFFICE)) + "v=0\r\n", "ncl.0ha0isndaksdj2193423r542w35");

        assertThat(answer).startsWith("SIP/2.0 400 ");
    }

    /** RFC 4475 3.1.2.8 (lwsruri): whitespace inside the Request-URI: 400. */
    @Test
    void requestUriWithEmbeddedWhitespace_gets400() throws IOException {
        String answer = udpAnswer(sip("""
                INVITE sip:201@%s; lr SIP/2.0
                To: <sip:201@%s>
                From: <sip:200@%s>;tag=asdfasdf
                Call-ID: lwsruri.asdfasdoeoi2323-asdfwrn23-asd834rk423
                CSeq: 2130706432 INVITE
                Via: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bKkdjuw2395
                Contact: <sip:200@127.0.0.1:${port}>
                Max-Forwards: 70
                Content-Length: 0
                """.formatted(OFFICE, OFFICE, OFFICE)), "lwsruri.asdfasdoeoi2323");

        assertThat(answer).startsWith("SIP/2.0 400 ");
    }

    /** RFC 4475 3.1.2.12 (baddate): a Date in a zone other than GMT is a syntax error: 400 naming Date. */
    @Test
    void dateNotInGmt_gets400NamingTheHeader() throws IOException {
        String answer = udpAnswer(sip("""
                INVITE sip:201@%s SIP/2.0
                To: <sip:201@%s>
                From: <sip:200@%s>;tag=2234923
                Call-ID: baddate.239423mnsadf3j23lj42--sedfnm234
                CSeq: 1392934 INVITE
                Via: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bKkdjuw
                Date: Fri, 01 Jan 2010 16:00:00 EST
                Contact: <sip:200@127.0.0.1:${port}>
                Max-Forwards: 70
                Content-Length: 0
                """.formatted(OFFICE, OFFICE, OFFICE)), "baddate.239423mnsadf3j23lj42");

        assertThat(answer).startsWith("SIP/2.0 400 Bad Header: Date\r\n");
    }

    /** RFC 4475 3.1.2.16 (badvers): a SIP version other than 2.0 gets 505. */
    @Test
    void unknownProtocolVersion_gets505() throws IOException {
        String answer = udpAnswer(sip("""
                OPTIONS sip:127.0.0.1:%d SIP/7.0
                Via: SIP/7.0/UDP 127.0.0.1:${port};branch=z9hG4bKkdjuw
                To: <sip:t.watson@%s>
                From: <sip:200@%s>;tag=838293
                Call-ID: badvers.0ha0isndaksdj2193423r542w35
                CSeq: 0 OPTIONS
                Max-Forwards: 70
                Content-Length: 0
                """.formatted(NODE_PORT, OFFICE, OFFICE)), "badvers.0ha0isndaksdj");

        assertThat(answer).startsWith("SIP/2.0 505 ");
    }

    /** RFC 4475 3.1.2.17 (mismatch01): the CSeq method differs from the request's: 400. */
    @Test
    void cseqMethodMismatch_gets400() throws IOException {
        String answer = udpAnswer(sip("""
                OPTIONS sip:127.0.0.1:%d SIP/2.0
                To: <sip:j.user@%s>
                From: <sip:200@%s>;tag=34525
                Max-Forwards: 6
                Call-ID: mismatch01.sj3499ssscp3d8sdg0
                CSeq: 8 INVITE
                Via: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bKkdjuw
                Content-Length: 0
                """.formatted(NODE_PORT, OFFICE, OFFICE)), "mismatch01.sj3499ssscp3d8sdg0");

        assertThat(answer).startsWith("SIP/2.0 400 ");
    }

    /** RFC 4475 3.1.2.18 (multi01): several values of single-valued headers (here Max-Forwards): 400. */
    @Test
    void multipleMaxForwards_gets400() throws IOException {
        String answer = udpAnswer(sip("""
                INVITE sip:201@%s SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bKkdjuw
                Max-Forwards: 70
                To: <sip:201@%s>
                From: <sip:200@%s>;tag=3413415
                Call-ID: multi01.98asdh@192.0.2.1
                CSeq: 59 INVITE
                Max-Forwards: 5
                Contact: <sip:200@127.0.0.1:${port}>
                Content-Length: 0
                """.formatted(OFFICE, OFFICE, OFFICE)), "multi01.98asdh@192.0.2.1");

        assertThat(answer).startsWith("SIP/2.0 400 Duplicate Header: Max-Forwards\r\n");
    }

    /** RFC 4475 3.3.9 (mcl01): two Content-Length values: 400. */
    @Test
    void multipleContentLengths_gets400() throws IOException {
        String answer = udpAnswer(sip("""
                OPTIONS sip:127.0.0.1:%d SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bK-mcl01
                Call-ID: mcl01.fhn2323orihawfdoa3o4r52o3irsdf
                From: <sip:200@%s>;tag=3234233
                To: <sip:200@%s>
                CSeq: 1 OPTIONS
                Max-Forwards: 70
                Content-Length: 0
                Content-Length: 4
                """.formatted(NODE_PORT, OFFICE, OFFICE)), "mcl01.fhn2323orihawfdoa3o4r52o3irsdf");

        assertThat(answer).startsWith("SIP/2.0 400 ");
    }

    /** RFC 4475 3.3.2 (unkscm): a Request-URI scheme the node does not know: 416. */
    @Test
    void unknownRequestUriScheme_gets416() throws IOException {
        String answer = udpAnswer(sip("""
                OPTIONS nobodyKnowsThisScheme:totallyopaquecontent SIP/2.0
                To: <sip:201@%s>
                From: <sip:200@%s>;tag=384
                Max-Forwards: 3
                Call-ID: unkscm.nasdfasser0q239nwsdfasdkl34
                CSeq: 3923423 OPTIONS
                Via: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bKkdjuw
                Content-Length: 0
                """.formatted(OFFICE, OFFICE)), "unkscm.nasdfasser0q239nwsdfasdkl34");

        assertThat(answer).startsWith("SIP/2.0 416 ");
    }

    /** RFC 4475 3.3.3 (novelsc): a known but atypical scheme (soap.beep) in the Request-URI: 416. */
    @Test
    void atypicalRequestUriScheme_gets416() throws IOException {
        String answer = udpAnswer(sip("""
                OPTIONS soap.beep://192.0.2.103:3002 SIP/2.0
                To: <sip:201@%s>
                From: <sip:200@%s>;tag=384
                Max-Forwards: 3
                Call-ID: novelsc.asdfasser0q239nwsdfasdkl34
                CSeq: 3923423 OPTIONS
                Via: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bKkdjuw
                Content-Length: 0
                """.formatted(OFFICE, OFFICE)), "novelsc.asdfasser0q239nwsdfasdkl34");

        assertThat(answer).startsWith("SIP/2.0 416 ");
    }

    /** RFC 4475 3.3.5 (bext01): an OPTIONS to the node that requires unknown options: 420 listing them in Unsupported. */
    @Test
    void requireAndProxyRequireOfUnknownOptions_get420WithUnsupported() throws IOException {
        String answer = udpAnswer(sip("""
                OPTIONS sip:127.0.0.1:%d SIP/2.0
                To: <sip:j_user@%s>
                From: <sip:200@%s>;tag=242etr
                Max-Forwards: 6
                Call-ID: bext01.0ha0isndaksdj
                Require: nothingSupportedHere
                Proxy-Require: noProxiesSupportThis, nothingSupportedHere
                CSeq: 8 OPTIONS
                Via: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bKkdjuw
                Content-Length: 0
                """.formatted(NODE_PORT, OFFICE, OFFICE)), "bext01.0ha0isndaksdj");

        assertThat(answer).startsWith("SIP/2.0 420 ");
        String unsupported = answer.lines().filter(line -> line.startsWith("Unsupported:")).findFirst().orElse("");
        assertThat(unsupported).contains("noProxiesSupportThis").contains("nothingSupportedHere");
    }

    /** RFC 3261 section 8.2.2.3: the registrar is the UAS of a REGISTER, so an unknown Require gets 420, not a challenge. */
    @Test
    void registerRequiringAnUnknownOption_gets420BeforeAnyChallenge() throws IOException {
        String answer = udpAnswer(register("require-reg", "Require: path\r\n"), "require-reg");

        assertThat(answer).startsWith("SIP/2.0 420 ").contains("Unsupported: path");
    }

    /**
     * RFC 3261 section 16.3: a proxy leaves Require to the UAS, so an INVITE with Require: 100rel
     * and timer passes the screen and meets the proxy's own rule, the 407 challenge.
     */
    @Test
    void proxiedInviteRequiring100relAndTimer_isNotRefusedForIt() throws IOException {
        String answer = udpAnswer(sip("""
                INVITE sip:201@%s SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bK-req100rel
                Max-Forwards: 70
                From: <sip:200@%s>;tag=r100
                To: <sip:201@%s>
                Call-ID: require-100rel
                CSeq: 1 INVITE
                Require: 100rel, timer
                Session-Expires: 1800
                Contact: <sip:200@127.0.0.1:${port}>
                Content-Length: 0
                """.formatted(OFFICE, OFFICE, OFFICE)), "require-100rel");

        assertThat(answer).startsWith("SIP/2.0 407 ");
    }

    /** RFC 4475 3.3.7 (regaut01): an Authorization of an unknown scheme is ignored, and the registrar challenges. */
    @Test
    void registerWithAnUnknownAuthorizationScheme_isChallenged() throws IOException {
        String answer = udpAnswer(register("regaut01", "Authorization: NoOneKnowsThisScheme opaque-data=here\r\n"),
                "regaut01");

        assertThat(answer).startsWith("SIP/2.0 401 ");
    }

    /** Parsing comes before authentication: a REGISTER with a broken Expires is refused, never challenged. */
    @Test
    void registerWithABrokenExpires_gets400NotAChallenge() throws IOException {
        String answer = udpAnswer(register("bad-expires", "Expires: soon\r\n"), "bad-expires");

        assertThat(answer).startsWith("SIP/2.0 400 Bad Header: Expires\r\n");
    }

    /** Over TCP the RI drops a broken header silently; the node refuses the request naming it, as over UDP. */
    @Test
    void brokenHeaderOverTcp_gets400NamingTheHeader() throws IOException {
        try (RawSip.Tcp phone = new RawSip.Tcp(NODE_PORT)) {
            phone.send(register("tcp-bad-expires", "Expires: soon\r\n").replace("SIP/2.0/UDP", "SIP/2.0/TCP"));

            assertThat(phone.read("tcp-bad-expires", WAIT)).startsWith("SIP/2.0 400 Bad Header: Expires\r\n");
        }
    }

    @Test
    void unknownVersionOverTcp_gets505() throws IOException {
        try (RawSip.Tcp phone = new RawSip.Tcp(NODE_PORT)) {
            phone.send(register("tcp-badvers", "").replace(" SIP/2.0\r\n", " SIP/3.0\r\n")
                    .replace("SIP/2.0/UDP", "SIP/2.0/TCP"));

            assertThat(phone.read("tcp-badvers", WAIT)).startsWith("SIP/2.0 505 ");
        }
    }

    /**
     * A datagram larger than the node's 8 KiB receive buffer cannot be read whole (the kernel cuts
     * it): it is dropped and counted, unanswered, and the node goes on answering.
     */
    @Test
    void datagramOverTheSizeLimit_isDroppedAndCounted() throws IOException {
        long droppedBefore = node.counters().malformedDropped();
        String huge = register("oversized", "X-Padding: " + "a".repeat(9000) + "\r\n");
        try (RawSip.Udp phone = new RawSip.Udp(NODE_PORT)) {
            assertThat(phone.answer(huge, "oversized", Duration.ofSeconds(2))).isEmpty();
            assertThat(node.counters().malformedDropped()).isGreaterThan(droppedBefore);
            assertThat(phone.answer(register("after-oversized", ""), "after-oversized", WAIT)).get().asString()
                    .startsWith("SIP/2.0 401 ");
        }
    }

    private static String udpAnswer(String message, String callId) throws IOException {
        try (RawSip.Udp phone = new RawSip.Udp(NODE_PORT)) {
            return phone.answer(message, callId, WAIT)
                    .orElseThrow(() -> new AssertionError("no answer with Call-ID " + callId + " within " + WAIT));
        }
    }

    private static String register(String callId, String extraHeaders) {
        return sip("""
                REGISTER sip:%s SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bK-%s
                Max-Forwards: 70
                From: <sip:210@%s>;tag=f-%s
                To: <sip:210@%s>
                Call-ID: %s
                CSeq: 1 REGISTER
                Contact: <sip:210@127.0.0.1:${port}>
                """.formatted(OFFICE, callId, OFFICE, callId, OFFICE, callId)) .replace("\r\n\r\n", "\r\n")
                + extraHeaders + "Content-Length: 0\r\n\r\n";
    }

    /** The text block with CRLF line ends and the blank line that ends the headers. */
    private static String sip(String text) {
        return text.replace("\n", "\r\n") + "\r\n";
    }
}
