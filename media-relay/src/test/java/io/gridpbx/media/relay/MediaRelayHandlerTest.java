package io.gridpbx.media.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The relay handler in memory: one EmbeddedChannel per leg socket, a manual ticker for the latch window. */
class MediaRelayHandlerTest {

    private static final InetSocketAddress RELAY = new InetSocketAddress("127.0.0.1", 30000);
    private static final InetSocketAddress ALICE_SDP = new InetSocketAddress("192.0.2.10", 4000);
    private static final InetSocketAddress ALICE_NAT = new InetSocketAddress("192.0.2.10", 61000);
    private static final InetSocketAddress BOB_SDP = new InetSocketAddress("203.0.113.20", 5000);
    private static final InetSocketAddress MALLORY = new InetSocketAddress("198.51.100.66", 6666);
    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");

    private final ManualTicker ticker = new ManualTicker();
    private final RelayCounters counters = new RelayCounters();
    private final RelayContext context = new RelayContext(
            MediaRelayConfig.of("127.0.0.1", "203.0.113.1", "30000-30009").withMaxDatagramSize(200),
            Clock.fixed(START, ZoneOffset.UTC), ticker, counters);

    private EmbeddedChannel aliceRtp;
    private EmbeddedChannel bobRtp;
    private EmbeddedChannel bobRtcp;
    private RelaySession session;

    /** Alice's leg muxed or not, Bob's leg always a pair; the channels stand for the relay's sockets. */
    private void open(boolean aliceMuxed) {
        aliceRtp = new EmbeddedChannel();
        bobRtp = new EmbeddedChannel();
        bobRtcp = new EmbeddedChannel();
        session = new RelaySession("call-1",
                List.of(aliceMuxed ? LegSpec.muxed("alice") : LegSpec.pair("alice"), LegSpec.pair("bob")),
                aliceRtp.eventLoop(), context, closed -> { });
        attach(aliceRtp, session.leg("alice").rtpSocket());
        attach(bobRtp, session.leg("bob").rtpSocket());
        attach(bobRtcp, session.leg("bob").rtcpSocket());
        session.leg("alice").expect(ALICE_SDP.getAddress(), ALICE_SDP.getPort(), ALICE_SDP.getPort() + 1);
        session.leg("bob").expect(BOB_SDP.getAddress(), BOB_SDP.getPort(), BOB_SDP.getPort() + 1);
    }

    private static void attach(EmbeddedChannel channel, LegSocket socket) {
        channel.pipeline().addLast(new MediaRelayHandler(socket));
        socket.attach(channel);
    }

    private static DatagramPacket from(InetSocketAddress sender, ByteBuf content) {
        return new DatagramPacket(content, RELAY, sender);
    }

    /** Takes the datagram a socket sent, checks it holds the only reference, releases it; returns whom it went to. */
    private static InetSocketAddress relayedTo(EmbeddedChannel socket) {
        DatagramPacket out = socket.readOutbound();
        assertThat(out).isNotNull();
        ByteBuf content = out.content();
        assertThat(content.refCnt()).isEqualTo(1);
        out.release();
        assertThat(content.refCnt()).isZero();
        return out.recipient();
    }

    private LegStats stats(String leg) {
        return session.leg(leg).stats().join();
    }

    private void finish() {
        assertFalse(aliceRtp.finish());
        assertFalse(bobRtp.finish());
        assertFalse(bobRtcp.finish());
    }

    @Test
    void rtpFromAlice_leavesBobsSocket_forBob_inTheSameBuffer() {
        open(false);
        ByteBuf rtp = RtpPackets.rtpBuf(1);
        assertThat(aliceRtp.writeInbound(from(ALICE_SDP, rtp))).isFalse();

        DatagramPacket out = bobRtp.readOutbound();
        assertThat(out.recipient()).isEqualTo(BOB_SDP);
        assertThat(out.content()).isSameAs(rtp);
        assertThat(rtp.refCnt()).isEqualTo(1);
        out.release();
        assertThat(rtp.refCnt()).isZero();
        assertThat(stats("alice").packets()).isEqualTo(1);
        assertThat(stats("alice").bytes()).isEqualTo(172);
        assertThat(stats("alice").lastPacketAt()).isEqualTo(START);
        assertThat(counters.packetsRelayed()).isEqualTo(1);
        finish();
    }

    @Test
    void aliceBehindNat_isLatched_andBobsAnswerGoesToWhereSheReallyIs() {
        open(false);
        aliceRtp.writeInbound(from(ALICE_NAT, RtpPackets.rtpBuf(1)));
        relayedTo(bobRtp);

        ByteBuf answer = RtpPackets.rtpBuf(7);
        bobRtp.writeInbound(from(BOB_SDP, answer));
        DatagramPacket back = aliceRtp.readOutbound();
        assertThat(back.recipient()).isEqualTo(ALICE_NAT);
        back.release();
        assertThat(answer.refCnt()).isZero();
        assertThat(stats("alice").latchedRtp()).isEqualTo(ALICE_NAT);
        finish();
    }

    @Test
    void hijackAfterTheWindow_isDroppedCountedAndReleased() {
        open(false);
        aliceRtp.writeInbound(from(ALICE_NAT, RtpPackets.rtpBuf(1)));
        relayedTo(bobRtp);
        ticker.advance(Duration.ofSeconds(4));

        ByteBuf forged = RtpPackets.rtpBuf(2);
        aliceRtp.writeInbound(from(MALLORY, forged));
        assertThat((Object) bobRtp.readOutbound()).isNull();
        assertThat(forged.refCnt()).isZero();
        assertThat(stats("alice").dropped(DropReason.UNEXPECTED_SOURCE)).isEqualTo(1);
        assertThat(stats("alice").latchedRtp()).isEqualTo(ALICE_NAT);
        assertThat(counters.drops().get(DropReason.UNEXPECTED_SOURCE)).isEqualTo(1);
        finish();
    }

    @Test
    void inTheWindow_theSdpSourceWinsOverAStrangerWhoCameFirst() {
        open(false);
        aliceRtp.writeInbound(from(MALLORY, RtpPackets.rtpBuf(1)));
        relayedTo(bobRtp);
        aliceRtp.writeInbound(from(ALICE_SDP, RtpPackets.rtpBuf(2)));
        relayedTo(bobRtp);
        ByteBuf late = RtpPackets.rtpBuf(3);
        aliceRtp.writeInbound(from(MALLORY, late));

        assertThat((Object) bobRtp.readOutbound()).isNull();
        assertThat(late.refCnt()).isZero();
        assertThat(stats("alice").latchedRtp()).isEqualTo(ALICE_SDP);
        finish();
    }

    @Test
    void notRtp_isDroppedAsMalformed() {
        open(false);
        ByteBuf stun = Unpooled.wrappedBuffer(new byte[] {0x00, 0x01, 0x00, 0x00, 0x21, 0x12, (byte) 0xA4, 0x42,
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        ByteBuf runt = Unpooled.wrappedBuffer(new byte[] {(byte) 0x80, 0, 0, 1});
        aliceRtp.writeInbound(from(ALICE_SDP, stun));
        aliceRtp.writeInbound(from(ALICE_SDP, runt));

        assertThat((Object) bobRtp.readOutbound()).isNull();
        assertThat(stun.refCnt()).isZero();
        assertThat(runt.refCnt()).isZero();
        assertThat(stats("alice").dropped(DropReason.MALFORMED)).isEqualTo(2);
        assertThat(stats("alice").latchedRtp()).isNull(); // garbage latches nothing
        finish();
    }

    @Test
    void oversizeDatagram_isDropped() {
        open(false);
        byte[] big = new byte[201];
        System.arraycopy(RtpPackets.rtp(1, 0, 1), 0, big, 0, 172);
        ByteBuf oversize = Unpooled.wrappedBuffer(big);
        aliceRtp.writeInbound(from(ALICE_SDP, oversize));

        assertThat((Object) bobRtp.readOutbound()).isNull();
        assertThat(oversize.refCnt()).isZero();
        assertThat(stats("alice").dropped(DropReason.OVERSIZE)).isEqualTo(1);
        finish();
    }

    @Test
    void rtcpOnAMuxedPort_goesToThePeersRtcpSocket_andRtpToItsRtpSocket() {
        open(true);
        ByteBuf rtcp = RtpPackets.rtcpBuf();
        ByteBuf rtp = RtpPackets.rtpBuf(1);
        aliceRtp.writeInbound(from(ALICE_SDP, rtcp));
        aliceRtp.writeInbound(from(ALICE_SDP, rtp));

        DatagramPacket rtcpOut = bobRtcp.readOutbound();
        assertThat(rtcpOut.recipient()).isEqualTo(new InetSocketAddress(BOB_SDP.getAddress(), 5001));
        assertThat(rtcpOut.content()).isSameAs(rtcp);
        DatagramPacket rtpOut = bobRtp.readOutbound();
        assertThat(rtpOut.content()).isSameAs(rtp);
        assertThat((Object) bobRtp.readOutbound()).isNull();
        rtcpOut.release();
        rtpOut.release();
        assertThat(rtcp.refCnt()).isZero();
        assertThat(rtp.refCnt()).isZero();
        assertThat(stats("alice").rtcpPackets()).isEqualTo(1);
        assertThat(stats("alice").packets()).isEqualTo(1);
        finish();
    }

    @Test
    void rtcpFromAPairedLeg_goesBackThroughTheMuxedPort() {
        open(true);
        ByteBuf rtcp = RtpPackets.rtcpBuf();
        bobRtcp.writeInbound(from(new InetSocketAddress(BOB_SDP.getAddress(), 5001), rtcp));

        DatagramPacket out = aliceRtp.readOutbound();
        assertThat(out.recipient()).isEqualTo(ALICE_SDP); // muxed: RTCP to the RTP address
        out.release();
        assertThat(rtcp.refCnt()).isZero();
        finish();
    }

    @Test
    void rtpArrivingOnTheRtcpPort_isMalformed() {
        open(false);
        ByteBuf rtp = RtpPackets.rtpBuf(1);
        bobRtcp.writeInbound(from(BOB_SDP, rtp));
        assertThat((Object) aliceRtp.readOutbound()).isNull();
        assertThat(rtp.refCnt()).isZero();
        assertThat(stats("bob").dropped(DropReason.MALFORMED)).isEqualTo(1);
        finish();
    }

    @Test
    void withoutAnyAddressForThePeer_thePacketHasNowhereToGo() {
        open(false);
        session.leg("bob").expect(InetAddress.getLoopbackAddress(), 0, 0); // port 0: not yet known
        ByteBuf rtp = RtpPackets.rtpBuf(1);
        aliceRtp.writeInbound(from(ALICE_SDP, rtp));
        assertThat((Object) bobRtp.readOutbound()).isNull();
        assertThat(rtp.refCnt()).isZero();
        assertThat(stats("alice").dropped(DropReason.NO_DESTINATION)).isEqualTo(1);
        assertThat(stats("alice").packets()).isEqualTo(1); // received from Alice all the same
        finish();
    }

    @Test
    void afterTeardown_packetsAreDroppedAndTheSocketsClosed() {
        open(false);
        List<RelaySession> closed = new ArrayList<>();
        session = new RelaySession("call-2", List.of(LegSpec.pair("alice"), LegSpec.pair("bob")),
                aliceRtp.eventLoop(), context, closed::add);
        EmbeddedChannel socket = new EmbeddedChannel();
        attach(socket, session.leg("alice").rtpSocket());
        session.leg("bob").expect(BOB_SDP.getAddress(), BOB_SDP.getPort(), BOB_SDP.getPort() + 1);

        var closing = session.close();
        ByteBuf rtp = RtpPackets.rtpBuf(1);
        socket.writeInbound(from(ALICE_SDP, rtp)); // still in flight when the teardown began
        assertThat(rtp.refCnt()).isZero();
        assertThat(stats("alice").dropped(DropReason.SESSION_CLOSED)).isEqualTo(1);

        aliceRtp.runPendingTasks();
        assertThat(closing).isCompleted();
        assertThat(socket.isOpen()).isFalse();
        assertThat(closed).containsExactly(session);
        assertFalse(socket.finish());
        finish();
    }

    @Test
    void lossAndJitter_areMeasuredPerLeg() {
        open(false);
        for (int seq : new int[] {1, 2, 3, 5, 6}) {
            aliceRtp.writeInbound(from(ALICE_SDP, RtpPackets.rtpBuf(seq)));
            relayedTo(bobRtp);
            ticker.advance(Duration.ofMillis(seq == 3 ? 40 : 20));
        }
        LegStats alice = stats("alice");
        assertThat(alice.packetsExpected()).isEqualTo(5);
        assertThat(alice.packetsLost()).isEqualTo(1);
        assertThat(alice.jitterMillis()).isZero();
        assertThat(stats("bob").packets()).isZero();
        finish();
    }

    @Test
    void aFailedSend_isCounted_andTheSocketStaysOpen() {
        open(false);
        bobRtp.pipeline().fireExceptionCaught(new PortUnreachableException("ICMP port unreachable"));
        bobRtp.checkException(); // nothing reached the end of the pipeline
        assertThat(bobRtp.isOpen()).isTrue();
        assertThat(stats("bob").dropped(DropReason.SOCKET_ERROR)).isEqualTo(1);
        finish();
    }

    @Test
    void somethingOtherThanADatagram_passesOnUntouched() {
        open(false);
        assertThat(aliceRtp.writeInbound("not a datagram")).isTrue();
        assertThat((Object) aliceRtp.readInbound()).isEqualTo("not a datagram");
        finish();
    }
}
