package io.gridpbx.media.relay;

import static io.gridpbx.media.relay.Eventually.eventually;
import static io.gridpbx.media.relay.UdpPhone.LOOPBACK;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.epoll.Epoll;
import io.netty.util.LeakPresenceDetector;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real UDP on loopback: phones talk through the relay; the latch window is moved by a manual ticker. */
@Timeout(30)
class MediaRelayServerIT {

    private final ManualTicker ticker = new ManualTicker();
    private final List<UdpPhone> phones = new ArrayList<>();
    private MediaRelayServer relay;

    private void start(boolean nativeTransport) {
        relay = MediaRelayServer.start(MediaRelayConfig.of("127.0.0.1", "127.0.0.1", "23200-23239")
                .withIoThreads(1).withNativeTransport(nativeTransport), Clock.systemUTC(), ticker);
    }

    private UdpPhone phone() {
        UdpPhone phone = new UdpPhone();
        phones.add(phone);
        return phone;
    }

    private RelaySession call(UdpPhone alice, UdpPhone bob) throws Exception {
        RelaySession session = relay.open("call-" + alice.port(), "alice", "bob").get(5, TimeUnit.SECONDS);
        session.leg("alice").expect(LOOPBACK, alice.port(), alice.port() + 1);
        session.leg("bob").expect(LOOPBACK, bob.port(), bob.port() + 1);
        return session;
    }

    @AfterEach
    void stop() {
        relay.close();
        phones.forEach(UdpPhone::close);
        // With -Dio.netty.customResourceLeakDetector=io.netty.util.LeakPresenceDetector (set by the
        // pom), this fails if any buffer the relay received was neither forwarded nor released.
        LeakPresenceDetector.check();
    }

    @ParameterizedTest(name = "native transport wanted: {0}")
    @ValueSource(booleans = {true, false})
    void twoPhonesTalkBothWaysThroughTheRelay(boolean nativeTransport) throws Exception {
        start(nativeTransport);
        assertThat(relay.nativeTransport()).isEqualTo(nativeTransport && Epoll.isAvailable());
        UdpPhone alice = phone();
        UdpPhone bob = phone();
        RelaySession session = call(alice, bob);
        int aliceSends = session.leg("alice").localEndpoint().rtpPort();
        int bobSends = session.leg("bob").localEndpoint().rtpPort();

        for (int seq = 0; seq < 50; seq++) {
            alice.send(RtpPackets.rtp(seq, 160L * seq, 0xA11CEL), aliceSends);
            assertThat(RtpPackets.sequenceOf(bob.receive())).isEqualTo(seq);
            bob.send(RtpPackets.rtp(1000 + seq, 160L * seq, 0xB0BL), bobSends);
            assertThat(RtpPackets.sequenceOf(alice.receive())).isEqualTo(1000 + seq);
        }

        LegStats aliceStats = session.leg("alice").stats().get(5, TimeUnit.SECONDS);
        assertThat(aliceStats.packets()).isEqualTo(50);
        assertThat(aliceStats.packetsLost()).isZero();
        assertThat(aliceStats.latchedRtp()).isEqualTo(alice.address());
        assertThat(relay.totals().packetsRelayed()).isEqualTo(100);
        assertThat(relay.totals().bytesRelayed()).isEqualTo(100 * 172);
    }

    @Test
    void rtcpTravelsBetweenTheOddPorts() throws Exception {
        start(true);
        UdpPhone alice = phone();
        UdpPhone bob = phone();
        UdpPhone bobRtcp = phone();
        RelaySession session = relay.open("call-rtcp", "alice", "bob").get(5, TimeUnit.SECONDS);
        session.leg("alice").expect(LOOPBACK, alice.port(), alice.port() + 1);
        session.leg("bob").expect(LOOPBACK, bob.port(), bobRtcp.port()); // a=rtcp names another port (RFC 3605)

        alice.send(RtpPackets.rtcp(0xA11CEL), session.leg("alice").localEndpoint().rtcpPort());
        assertThat(bobRtcp.receive()).isEqualTo(RtpPackets.rtcp(0xA11CEL));
    }

    @Test
    void muxedLeg_sendsItsRtcpToThePairedLegsRtcpPort() throws Exception {
        start(true);
        UdpPhone alice = phone();
        UdpPhone bob = phone();
        UdpPhone bobRtcp = phone();
        RelaySession session = relay.open("call-mux", List.of(LegSpec.muxed("alice"), LegSpec.pair("bob")))
                .get(5, TimeUnit.SECONDS);
        MediaEndpoint aliceSide = session.leg("alice").localEndpoint();
        assertThat(aliceSide.rtcpMux()).isTrue();
        session.leg("alice").expect(LOOPBACK, alice.port(), alice.port());
        session.leg("bob").expect(LOOPBACK, bob.port(), bobRtcp.port());

        alice.send(RtpPackets.rtcp(1), aliceSide.rtpPort());
        alice.send(RtpPackets.rtp(1, 160, 1), aliceSide.rtpPort());
        assertThat(bobRtcp.receive()).isEqualTo(RtpPackets.rtcp(1));
        assertThat(RtpPackets.sequenceOf(bob.receive())).isEqualTo(1);
    }

    @Test
    void phoneBehindNat_isLatchedOnItsRealPort_notTheOneItsSdpClaims() throws Exception {
        start(true);
        UdpPhone aliceClaimed = phone(); // what her SDP says; nothing is sent from there
        UdpPhone aliceNatted = phone();
        UdpPhone bob = phone();
        RelaySession session = call(aliceClaimed, bob);

        aliceNatted.send(RtpPackets.rtp(1, 160, 1), session.leg("alice").localEndpoint().rtpPort());
        assertThat(RtpPackets.sequenceOf(bob.receive())).isEqualTo(1);
        bob.send(RtpPackets.rtp(500, 160, 2), session.leg("bob").localEndpoint().rtpPort());

        assertThat(RtpPackets.sequenceOf(aliceNatted.receive())).isEqualTo(500);
        assertThat(session.leg("alice").stats().get(5, TimeUnit.SECONDS).latchedRtp())
                .isEqualTo(aliceNatted.address());
    }

    @Test
    void hijackFromAThirdSocketAfterTheWindow_isIgnoredAndCounted() throws Exception {
        start(true);
        UdpPhone alice = phone();
        UdpPhone bob = phone();
        UdpPhone mallory = phone();
        RelaySession session = call(alice, bob);
        int aliceSends = session.leg("alice").localEndpoint().rtpPort();
        alice.send(RtpPackets.rtp(1, 160, 1), aliceSends);
        assertThat(RtpPackets.sequenceOf(bob.receive())).isEqualTo(1);
        ticker.advance(MediaRelayConfig.DEFAULT_LATCH_WINDOW.plusSeconds(1));

        mallory.send(RtpPackets.rtp(666, 0, 666), aliceSends);
        alice.send(RtpPackets.rtp(2, 320, 1), aliceSends);

        // One loop serves both sockets in arrival order: the forged packet would have come first.
        assertThat(RtpPackets.sequenceOf(bob.receive())).isEqualTo(2);
        eventually(() -> assertThat(relay.totals().dropped(DropReason.UNEXPECTED_SOURCE)).isEqualTo(1));
        LegStats aliceStats = session.leg("alice").stats().get(5, TimeUnit.SECONDS);
        assertThat(aliceStats.dropped(DropReason.UNEXPECTED_SOURCE)).isEqualTo(1);
        assertThat(aliceStats.latchedRtp()).isEqualTo(alice.address());
        assertThat(aliceStats.packets()).isEqualTo(2);
    }

    @Test
    void garbageFromThePeer_isDroppedAndTheCallGoesOn() throws Exception {
        start(false);
        UdpPhone alice = phone();
        UdpPhone bob = phone();
        RelaySession session = call(alice, bob);
        int aliceSends = session.leg("alice").localEndpoint().rtpPort();

        alice.send(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}, aliceSends);
        alice.send(new byte[1600], aliceSends);
        alice.send(RtpPackets.rtp(9, 160, 1), aliceSends);

        assertThat(RtpPackets.sequenceOf(bob.receive())).isEqualTo(9);
        eventually(() -> {
            assertThat(relay.totals().dropped(DropReason.MALFORMED)).isEqualTo(1);
            assertThat(relay.totals().dropped(DropReason.OVERSIZE)).isEqualTo(1);
        });
    }

    @Test
    void silentSession_isReportedIdle_laterWhenOnHold() throws Exception {
        start(true);
        UdpPhone alice = phone();
        UdpPhone bob = phone();
        RelaySession talking = call(alice, bob);
        RelaySession silent = relay.open("call-silent", "a", "b").get(5, TimeUnit.SECONDS);
        Duration timeout = Duration.ofSeconds(30);
        Duration holdTimeout = Duration.ofMinutes(5);

        ticker.advance(Duration.ofSeconds(29));
        alice.send(RtpPackets.rtp(1, 160, 1), talking.leg("alice").localEndpoint().rtpPort());
        assertThat(bob.receive()).isNotNull();
        ticker.advance(Duration.ofSeconds(2));
        assertThat(relay.idleSessions(timeout, holdTimeout)).containsExactly(silent);

        silent.onHold(true);
        assertThat(relay.idleSessions(timeout, holdTimeout)).isEmpty();
        ticker.advance(Duration.ofMinutes(5));
        assertThat(relay.idleSessions(timeout, holdTimeout)).containsExactlyInAnyOrder(silent, talking);

        silent.close().get(5, TimeUnit.SECONDS);
        assertThat(relay.idleSessions(timeout, holdTimeout)).containsExactly(talking);
        assertThat(relay.find("call-silent", "a", "b")).isEmpty();
        assertThat(relay.find(talking.callId(), "alice", "bob")).contains(talking);
    }
}
