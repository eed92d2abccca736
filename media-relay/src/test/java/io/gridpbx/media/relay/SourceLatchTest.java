package io.gridpbx.media.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Learning and hijack protection of one socket (RFC 4961 symmetric RTP, rtpengine's modes). */
class SourceLatchTest {

    private static final Duration WINDOW = Duration.ofSeconds(3);
    private static final InetSocketAddress SDP = new InetSocketAddress("192.0.2.10", 4000);
    private static final InetSocketAddress NATTED = new InetSocketAddress("192.0.2.10", 61000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("198.51.100.7", 4000);
    private static final InetSocketAddress OTHER_STRANGER = new InetSocketAddress("198.51.100.8", 5000);

    private final ManualTicker ticker = new ManualTicker();

    private SourceLatch latch(LatchMode mode) {
        return new SourceLatch(mode, WINDOW, ticker);
    }

    private boolean admit(SourceLatch latch, InetSocketAddress source) {
        return latch.admit(source, ticker.nanos());
    }

    private void closeWindow() {
        ticker.advance(WINDOW.plusMillis(1));
    }

    @Test
    void learn_latchesTheFirstSourceInTheWindow_andSendsBackToIt() {
        SourceLatch latch = latch(LatchMode.LEARN);
        latch.expect(SDP);
        assertThat(latch.destination()).isEqualTo(SDP);
        assertThat(admit(latch, NATTED)).isTrue();
        assertThat(latch.latched()).isEqualTo(NATTED);
        assertThat(latch.destination()).isEqualTo(NATTED);
    }

    @Test
    void learn_prefersTheSdpAddressOverAStrangerInTheWindow() {
        SourceLatch latch = latch(LatchMode.LEARN);
        latch.expect(SDP);
        assertThat(admit(latch, STRANGER)).isTrue();
        assertThat(admit(latch, NATTED)).isTrue();
        assertThat(admit(latch, SDP)).isTrue();
        assertThat(latch.latched()).isEqualTo(SDP);
        // Now the stranger ranks below what is latched.
        assertThat(admit(latch, STRANGER)).isFalse();
    }

    @Test
    void learn_keepsTheFirstOfTwoStrangers() {
        SourceLatch latch = latch(LatchMode.LEARN);
        assertThat(admit(latch, STRANGER)).isTrue();
        assertThat(admit(latch, OTHER_STRANGER)).isFalse();
        assertThat(latch.latched()).isEqualTo(STRANGER);
    }

    @Test
    void learn_afterTheWindow_dropsEveryoneButTheLatchedSource() {
        SourceLatch latch = latch(LatchMode.LEARN);
        latch.expect(SDP);
        admit(latch, NATTED);
        closeWindow();
        assertThat(admit(latch, STRANGER)).isFalse();
        assertThat(admit(latch, SDP)).isFalse();
        assertThat(admit(latch, NATTED)).isTrue();
        assertThat(latch.destination()).isEqualTo(NATTED);
    }

    @Test
    void learn_aLegSilentThroughTheWindow_stillLatchesItsSdpAddress_butNotAStranger() {
        SourceLatch latch = latch(LatchMode.LEARN);
        latch.expect(SDP);
        closeWindow();
        assertThat(admit(latch, STRANGER)).isFalse();
        assertThat(admit(latch, NATTED)).isTrue();
        assertThat(admit(latch, SDP)).isFalse();
    }

    @Test
    void learn_withoutAnSdpAddress_latchesWhoeverComesFirst_evenLate() {
        SourceLatch latch = latch(LatchMode.LEARN);
        closeWindow();
        assertThat(admit(latch, STRANGER)).isTrue();
        assertThat(admit(latch, OTHER_STRANGER)).isFalse();
    }

    @Test
    void relatch_letsANewSourceTakeOver_whileTheOldOneFlowsUntilThen() {
        SourceLatch latch = latch(LatchMode.LEARN);
        admit(latch, STRANGER);
        closeWindow();
        latch.relatch();
        assertThat(admit(latch, STRANGER)).isTrue();
        assertThat(admit(latch, OTHER_STRANGER)).isTrue();
        assertThat(latch.latched()).isEqualTo(OTHER_STRANGER);
        closeWindow();
        assertThat(admit(latch, STRANGER)).isFalse();
    }

    @Test
    void expect_withANewAddress_reopensTheWindowForIt() {
        SourceLatch latch = latch(LatchMode.LEARN);
        latch.expect(SDP);
        admit(latch, SDP);
        closeWindow();
        InetSocketAddress moved = new InetSocketAddress("203.0.113.5", 7000);
        latch.expect(moved);
        assertThat(admit(latch, moved)).isTrue();
        assertThat(latch.latched()).isEqualTo(moved);
    }

    @Test
    void strictAddress_acceptsAnyPortOfTheSdpAddress_butNoStranger() {
        SourceLatch latch = latch(LatchMode.STRICT_ADDRESS);
        latch.expect(SDP);
        assertThat(admit(latch, STRANGER)).isFalse();
        assertThat(admit(latch, NATTED)).isTrue();
        closeWindow();
        assertThat(admit(latch, SDP)).isFalse(); // another port of the same address, after the window
        assertThat(admit(latch, NATTED)).isTrue();
    }

    @Test
    void strictAddress_withoutAnSdpAddress_acceptsNothing() {
        SourceLatch latch = latch(LatchMode.STRICT_ADDRESS);
        assertThat(admit(latch, STRANGER)).isFalse();
        assertThat(latch.destination()).isNull();
    }

    @Test
    void strictAddressAndPort_acceptsOnlyTheExactSdpSource() {
        SourceLatch latch = latch(LatchMode.STRICT_ADDRESS_AND_PORT);
        latch.expect(SDP);
        assertThat(admit(latch, NATTED)).isFalse();
        assertThat(admit(latch, STRANGER)).isFalse();
        assertThat(admit(latch, SDP)).isTrue();
        latch.expect(new InetSocketAddress("203.0.113.5", 7000));
        assertThat(latch.latched()).isNull(); // the old source no longer fits the mode
        assertThat(admit(latch, SDP)).isFalse();
    }
}
