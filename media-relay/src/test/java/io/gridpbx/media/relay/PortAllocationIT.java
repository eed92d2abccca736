package io.gridpbx.media.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.util.LeakPresenceDetector;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The port pool against real sockets: pairs, ports held by others, running dry, and giving ports back. */
@Timeout(30)
class PortAllocationIT {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private MediaRelayServer relay;

    private void start(String range) {
        relay = MediaRelayServer.start(MediaRelayConfig.of("127.0.0.1", "198.51.100.1", range).withIoThreads(1));
    }

    @AfterEach
    void stop() {
        relay.close();
        LeakPresenceDetector.check();
    }

    private RelaySession open(String callId) throws Exception {
        return relay.open(callId, "a", "b").get(5, TimeUnit.SECONDS);
    }

    private static DatagramSocket hold(int port) throws SocketException {
        return new DatagramSocket(new InetSocketAddress(LOOPBACK, port));
    }

    private static void assertBindable(int... ports) throws SocketException {
        for (int port : ports) {
            try (DatagramSocket ignored = hold(port)) {
                assertThat(ignored.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void eachLegGetsAnEvenRtpPortAndTheOddRtcpPortBeside_bothBound_advertisedNotBound() throws Exception {
        start("23300-23309");
        RelaySession session = open("pairs");
        for (RelayLeg leg : session.legs()) {
            MediaEndpoint endpoint = leg.localEndpoint();
            assertThat(endpoint.host()).isEqualTo("198.51.100.1");
            assertThat(endpoint.rtpPort() % 2).isZero();
            assertThat(endpoint.rtcpPort()).isEqualTo(endpoint.rtpPort() + 1);
            assertThatThrownBy(() -> hold(endpoint.rtpPort())).isInstanceOf(BindException.class);
            assertThatThrownBy(() -> hold(endpoint.rtcpPort())).isInstanceOf(BindException.class);
        }
        assertThat(relay.totals().portsInUse()).isEqualTo(4);
    }

    @Test
    void muxedLeg_takesOnePort() throws Exception {
        start("23360-23369");
        RelaySession session = relay.open("mux", List.of(LegSpec.muxed("a"), LegSpec.muxed("b")))
                .get(5, TimeUnit.SECONDS);
        assertThat(session.leg("a").localEndpoint().rtcpMux()).isTrue();
        assertThat(relay.totals().portsInUse()).isEqualTo(2);
    }

    @Test
    void aPortAnotherProcessHolds_isSkipped() throws Exception {
        start("23310-23315");
        try (DatagramSocket squatter = hold(23310)) {
            RelaySession session = open("squatted");
            assertThat(session.legs()).extracting(leg -> leg.localEndpoint().rtpPort())
                    .containsExactly(23312, 23314);
        }
    }

    @Test
    void whenOnlyTheRtcpPortIsHeld_theBoundRtpPortIsClosedAgain() throws Exception {
        start("23320-23325");
        try (DatagramSocket squatter = hold(23321)) {
            RelaySession session = open("half-pair");
            assertThat(session.legs()).extracting(leg -> leg.localEndpoint().rtpPort())
                    .containsExactly(23322, 23324);
            assertBindable(23320);
            assertThat(relay.totals().portsInUse()).isEqualTo(4);
        }
    }

    @Test
    void poolRunsDry_failsClearly_andRecoversWhenASessionCloses() throws Exception {
        start("23330-23333");
        RelaySession first = open("first");

        assertThatThrownBy(() -> open("second"))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(PortPoolExhaustedException.class).hasMessageContaining("23330-23333");
        assertThat(relay.totals().sessions()).isEqualTo(1);
        assertThat(relay.totals().portsInUse()).isEqualTo(4);

        first.close().get(5, TimeUnit.SECONDS);
        RelaySession third = open("third");
        assertThat(third.leg("a").localEndpoint().rtpPort()).isBetween(23330, 23332);
    }

    @Test
    void aSessionThatCannotGetItsSecondLeg_leavesNothingBound() throws Exception {
        start("23350-23353");
        try (DatagramSocket squatter = hold(23353)) {
            assertThatThrownBy(() -> open("one-leg-short"))
                    .cause().isInstanceOf(PortPoolExhaustedException.class);
        }
        assertThat(relay.totals().sessions()).isZero();
        assertThat(relay.totals().portsInUse()).isZero();
        assertBindable(23350, 23351, 23352, 23353);
    }

    @Test
    void closeReturnsEveryPort_soTheyBindAgain() throws Exception {
        start("23340-23343");
        RelaySession session = open("closing");
        session.close().get(5, TimeUnit.SECONDS);

        assertThat(session.isClosed()).isTrue();
        assertThat(relay.totals().portsInUse()).isZero();
        assertThat(relay.totals().sessions()).isZero();
        assertBindable(23340, 23341, 23342, 23343);
        assertThat(open("again").legs()).hasSize(2);
    }

    @Test
    void theSameCallAndTagsCannotBeOpenedTwice() throws Exception {
        start("23370-23379");
        open("twice");
        assertThatThrownBy(() -> open("twice")).cause().isInstanceOf(IllegalStateException.class);
        assertThat(relay.totals().portsInUse()).isEqualTo(4);
    }
}
