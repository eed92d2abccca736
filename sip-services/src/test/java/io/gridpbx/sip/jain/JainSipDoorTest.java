package io.gridpbx.sip.jain;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.MutableClock;
import io.gridpbx.core.security.Ban;
import io.gridpbx.core.security.BanReason;
import io.gridpbx.core.security.EdgeGuard;
import io.gridpbx.core.security.EdgeThresholds;
import io.gridpbx.core.security.LocalBanList;
import io.gridpbx.sip.SipCounters;
import io.gridpbx.sip.overload.AdmissionThrottle;
import io.gridpbx.sip.overload.OverloadSettings;
import io.gridpbx.sip.overload.Urgency;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The socket thread's door: new requests turned away with a raw 503 while the throttle says so,
 * everything else (and everything while the node keeps up) queued untouched.
 */
class JainSipDoorTest {

    private static final String REGISTER = """
            REGISTER sip:office.demo.gridpbx.test SIP/2.0\r
            Via: SIP/2.0/UDP 127.0.0.9:5062;branch=z9hG4bK-1;rport\r
            v: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-0\r
            Max-Forwards: 70\r
            From: <sip:alice@office.demo.gridpbx.test>;tag=abc\r
            To: <sip:alice@office.demo.gridpbx.test>\r
            Call-ID: 1234@127.0.0.9\r
            CSeq: 1 REGISTER\r
            Contact: <sip:alice@127.0.0.9:5062>\r
            Content-Length: 0\r
            \r
            """;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
    private final AdmissionThrottle throttle = new AdmissionThrottle(OverloadSettings.DEFAULTS, clock);
    private final SipCounters counters = new SipCounters();
    private final LocalBanList bans = new LocalBanList(clock, 100);
    private final EdgeGuard guard = new EdgeGuard(EdgeThresholds.DEFAULTS, bans, ban -> { }, clock, "n1");
    private final List<DatagramPacket> sent = new ArrayList<>();
    private final JainSipDoor door = new JainSipDoor(throttle, guard, counters, 2, sent::add);

    @Test
    void aNodeThatKeepsUp_queuesEverything_andAnswersNothing() throws Exception {
        assertThat(door.admits(packet(REGISTER, "127.0.0.9"))).isTrue();
        assertThat(sent).isEmpty();
    }

    @Test
    void throttled_aNewRequestTurnedAway_getsAStateless503_echoingItsHeaders() throws Exception {
        throttleToTheFloor();

        int queued = 0;
        for (int i = 0; i < 100; i++) {
            queued += door.admits(packet(REGISTER, "127.0.0.9")) ? 1 : 0;
        }

        assertThat(queued).isBetween(4, 6);
        assertThat(sent).hasSize(100 - queued);
        DatagramPacket answer = sent.getFirst();
        assertThat(answer.getAddress().getHostAddress()).isEqualTo("127.0.0.9");
        assertThat(answer.getPort()).isEqualTo(5062);
        String text = new String(answer.getData(), 0, answer.getLength(), StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("SIP/2.0 503 Overloaded\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.9:5062;branch=z9hG4bK-1;rport\r\n"
                + "v: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-0\r\n"
                + "From: <sip:alice@office.demo.gridpbx.test>;tag=abc\r\n"
                + "To: <sip:alice@office.demo.gridpbx.test>;tag=");
        assertThat(text).contains("\r\nCall-ID: 1234@127.0.0.9\r\nCSeq: 1 REGISTER\r\n")
                .endsWith("\r\nRetry-After: 2\r\nContent-Length: 0\r\n\r\n")
                .doesNotContain("Contact");
        assertThat(answer.getLength()).isLessThan(REGISTER.length());
        assertThat(new String(sent.get(1).getData(), 0, sent.get(1).getLength(), StandardCharsets.ISO_8859_1))
                .as("a retransmission gets the same To tag").isEqualTo(text);
        assertThat(counters.shed()).isEqualTo(sent.size());
        assertThat(counters.requests()).isEqualTo(sent.size());
    }

    @Test
    void throttled_followUpsInDialogRequestsAndResponses_areQueued() throws Exception {
        throttleToTheFloor();
        String withCredentials = REGISTER.replace("Content-Length", "Authorization: Digest username=\"alice\"\r\nContent-Length");
        String inDialog = REGISTER.replace("REGISTER sip", "INFO sip").replace("gridpbx.test>\r\nCall", "gridpbx.test> ; TAG = x9\r\nCall");
        String compactTo = REGISTER.replace("To: <sip:alice@office.demo.gridpbx.test>", "t: sip:alice@office.demo.gridpbx.test;tag=1");
        for (String text : List.of(withCredentials, inDialog, compactTo, REGISTER.replace("REGISTER sip", "BYE sip"),
                REGISTER.replace("REGISTER sip", "OPTIONS sip"), "SIP/2.0 200 OK\r\nVia: x\r\n\r\n")) {
            for (int i = 0; i < 20; i++) {
                assertThat(door.admits(packet(text, "127.0.0.9"))).as(text).isTrue();
            }
        }
        assertThat(sent).isEmpty();
    }

    @Test
    void throttled_aRequestTheDoorCannotAnswer_isLeftToTheParser() throws Exception {
        throttleToTheFloor();
        String noCallId = REGISTER.replace("Call-ID: 1234@127.0.0.9\r\n", "");
        String folded = REGISTER.replace("Max-Forwards: 70\r\n", "Subject: a\r\n b\r\n");
        for (String text : List.of(noCallId, folded, "REGISTER\r\n\r\n", "\u0000\u0001garbage")) {
            for (int i = 0; i < 20; i++) {
                assertThat(door.admits(packet(text, "127.0.0.9"))).isTrue();
            }
        }
        assertThat(sent).isEmpty();
    }

    @Test
    void throttled_aBannedSource_getsNoAnswerAtAll() throws Exception {
        throttleToTheFloor();
        Instant now = clock.instant();
        bans.add(new Ban("127.0.0.66", null, BanReason.FLOOD, now, now.plus(Duration.ofMinutes(5)), "n1"));

        for (int i = 0; i < 100; i++) {
            door.admits(packet(REGISTER, "127.0.0.66"));
        }

        assertThat(sent).isEmpty();
        assertThat(guard.dropped()).isGreaterThanOrEqualTo(90);
    }

    @Test
    void rawReading_judgesAsTheListenerDoes() {
        assertThat(urgencyOf(REGISTER)).isEqualTo(Urgency.NEW);
        assertThat(urgencyOf(REGISTER.replace("REGISTER sip", "ACK sip"))).isEqualTo(Urgency.ESSENTIAL);
        assertThat(urgencyOf(REGISTER.replace("REGISTER sip", "CANCEL sip"))).isEqualTo(Urgency.ESSENTIAL);
        assertThat(urgencyOf(REGISTER.replace("Content-Length", "proxy-authorization: Digest x\r\nContent-Length")))
                .isEqualTo(Urgency.FOLLOW_UP);
        assertThat(urgencyOf(REGISTER.replace("To: <sip:alice@office.demo.gridpbx.test>", "To: <sip:alice@x;tag=1>")))
                .as("a tag inside the URI is no To tag").isEqualTo(Urgency.NEW);
        assertThat(RawRequest.read(bytes("SIP/2.0 180 Ringing\r\n\r\n"), 0, 23)).isNull();
    }

    private static Urgency urgencyOf(String text) {
        byte[] bytes = bytes(text);
        RawRequest request = RawRequest.read(bytes, 0, bytes.length);
        assertThat(request).isNotNull();
        return request.urgency();
    }

    /** A standing queue of 5 s for 30 s, ten datagrams queued for one taken: the throttle lets in its floor, one new request in twenty. */
    private void throttleToTheFloor() {
        for (int i = 0; i < 30_000; i++) {
            for (int q = 0; q < 10; q++) {
                throttle.queued();
            }
            throttle.measured(5_000);
            clock.advance(Duration.ofMillis(1));
        }
        assertThat(throttle.admitted()).isLessThan(0.06);
    }

    private static DatagramPacket packet(String text, String source) throws Exception {
        byte[] buffer = new byte[8192];
        byte[] bytes = bytes(text);
        System.arraycopy(bytes, 0, buffer, 100, bytes.length);
        return new DatagramPacket(buffer, 100, bytes.length, InetAddress.getByName(source), 5062);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
