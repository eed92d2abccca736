package io.gridpbx.sip.jain;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import io.gridpbx.core.MutableClock;
import io.gridpbx.sip.SipCounters;
import io.gridpbx.sip.overload.AdmissionThrottle;
import io.gridpbx.sip.overload.OverloadSettings;
import java.net.DatagramPacket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The queue between JAIN-SIP's UDP receiver and the listener pool: stamps handed over, stale requests dropped. */
class JainSipReceiveQueueTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
    private final SipCounters counters = new SipCounters();
    private final AdmissionThrottle throttle = new AdmissionThrottle(OverloadSettings.DEFAULTS, clock);
    private final JainSipQueueDelay delay = new JainSipQueueDelay(clock, throttle);
    private final JainSipReceiveQueue queue = new JainSipReceiveQueue(delay, counters);

    @Test
    void theThreadThatTakesADatagram_learnsHowLongItWaited() throws InterruptedException {
        queue.offer(datagram("REGISTER sip:example.com SIP/2.0\r\n", clock.millis()));
        clock.advance(Duration.ofMillis(120));

        assertThat(queue.take()).isNotNull();
        clock.advance(Duration.ofMillis(5)); // parsing
        assertThat(delay.ofCurrentRequest()).isEqualTo(125);
    }

    @Test
    void theStampIsConsumed_soANonUdpRequestOnThisThreadUsesTheLatestFreshMeasurement() throws InterruptedException {
        queue.offer(datagram("OPTIONS sip:example.com SIP/2.0\r\n", clock.millis()));
        clock.advance(Duration.ofMillis(80));
        queue.take();
        assertThat(delay.ofCurrentRequest()).isEqualTo(80);

        assertThat(delay.ofCurrentRequest()).as("latest, fresh").isEqualTo(80);
        clock.advance(Duration.ofSeconds(2));
        assertThat(delay.ofCurrentRequest()).as("latest, too old to say anything").isZero();
    }

    @Test
    void aRequestThatWaitedPastT1_isDroppedUnparsed_andTheNextOneIsHandedOver() throws InterruptedException {
        DatagramQueuedMessageDispatch stale = datagram("INVITE sip:a@example.com SIP/2.0\r\n", clock.millis());
        queue.offer(stale);
        clock.advance(Duration.ofMillis(400));
        DatagramQueuedMessageDispatch fresh = datagram("INVITE sip:a@example.com SIP/2.0\r\n", clock.millis());
        queue.offer(fresh);
        clock.advance(Duration.ofMillis(101));

        assertThat(queue.take()).isSameAs(fresh);
        assertThat(counters.staleDrops()).isEqualTo(1);
    }

    @Test
    void aResponse_isNeverDropped_howeverLongItWaited() throws InterruptedException {
        DatagramQueuedMessageDispatch ringing = datagram("SIP/2.0 180 Ringing\r\n", clock.millis());
        queue.offer(ringing);
        clock.advance(Duration.ofSeconds(3));

        assertThat(queue.poll(1, TimeUnit.MILLISECONDS)).isSameAs(ringing);
        assertThat(counters.staleDrops()).isZero();
    }

    @Test
    void aFullQueue_dropsTheDatagram_andCountsIt() {
        JainSipReceiveQueue small = new JainSipReceiveQueue(2, delay, counters);

        assertThat(small.offer(datagram("OPTIONS sip:a SIP/2.0\r\n", clock.millis()))).isTrue();
        assertThat(small.offer(datagram("OPTIONS sip:b SIP/2.0\r\n", clock.millis()))).isTrue();
        assertThat(small.offer(datagram("OPTIONS sip:c SIP/2.0\r\n", clock.millis()))).isFalse();
        assertThat(counters.staleDrops()).isEqualTo(1);
    }

    @Test
    void everyDelayTaken_feedsTheThrottle_andAStandingQueueThrottlesNewRequests() throws InterruptedException {
        for (int i = 0; i < 30; i++) {
            throttle.queued(); // the door let two in for every one the listeners take
            throttle.queued();
            queue.offer(datagram("OPTIONS sip:example.com SIP/2.0\r\n", clock.millis()));
            clock.advance(Duration.ofMillis(300));
            queue.take();
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(throttle.admitted()).isLessThan(1.0);
    }

    private static DatagramQueuedMessageDispatch datagram(String text, long receivedAt) {
        byte[] buffer = new byte[8192];
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, buffer, 0, bytes.length);
        return new DatagramQueuedMessageDispatch(new DatagramPacket(buffer, bytes.length), receivedAt);
    }
}
