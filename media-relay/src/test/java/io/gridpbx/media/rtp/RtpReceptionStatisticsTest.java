package io.gridpbx.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** RFC 3550 A.1, A.3 and A.8 over crafted sequences, 20 ms G.711 packets unless said otherwise. */
class RtpReceptionStatisticsTest {

    private static final long SSRC = 0x1234L;
    private static final long MS = 1_000_000L;

    private final RtpReceptionStatistics stats = new RtpReceptionStatistics();

    /** Feeds packets sent every 20 ms (160 timestamp units) and arriving on time. */
    private void feed(int... sequences) {
        for (int seq : sequences) {
            int index = (seq - sequences[0]) & 0xFFFF;
            stats.onPacket(SSRC, seq, 1000 + 160L * index, 20 * MS * index, 8000);
        }
    }

    @Test
    void inOrderStream_losesNothing_andTheFirstPacketIsProbation() {
        feed(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(stats.packetsReceived()).isEqualTo(9);
        assertThat(stats.packetsExpected()).isEqualTo(9);
        assertThat(stats.packetsLost()).isZero();
        assertThat(stats.jitter()).isZero();
    }

    @Test
    void sequenceWrapsAt65535_andTheCycleCountGrows() {
        feed(65533, 65534, 65535, 0, 1, 2);
        assertThat(stats.extendedHighestSequence()).isEqualTo(65536 + 2);
        assertThat(stats.packetsExpected()).isEqualTo(5);
        assertThat(stats.packetsLost()).isZero();
    }

    @Test
    void gapsAcrossTheWrap_countAsLost() {
        feed(65530, 65531, 65532, /* 65533, 65534 lost */ 65535, 0, /* 1 lost */ 2);
        assertThat(stats.packetsReceived()).isEqualTo(5);
        assertThat(stats.packetsExpected()).isEqualTo(8);
        assertThat(stats.packetsLost()).isEqualTo(3);
    }

    @Test
    void reorderedPackets_areNotLost() {
        feed(10, 11, 13, 12, 14, 15);
        assertThat(stats.packetsLost()).isZero();
        assertThat(stats.extendedHighestSequence()).isEqualTo(15);
    }

    @Test
    void duplicates_makeLossNegative_asRfc3550Allows() {
        feed(10, 11, 12, 12, 13);
        assertThat(stats.packetsReceived()).isEqualTo(4);
        assertThat(stats.packetsExpected()).isEqualTo(3);
        assertThat(stats.packetsLost()).isEqualTo(-1);
    }

    @Test
    void probation_restartsWhenTheFirstPacketsAreNotInSequence() {
        feed(100, 200, 201, 202);
        // 100 and 200 do not follow each other: 201 ends probation and is the base.
        assertThat(stats.packetsReceived()).isEqualTo(2);
        assertThat(stats.packetsExpected()).isEqualTo(2);
    }

    @Test
    void aSingleBigJump_isIgnored_butTwoInSequenceResynchronise() {
        feed(1, 2, 3);
        stats.onPacket(SSRC, 40000, 0, 0, 8000);
        assertThat(stats.packetsReceived()).isEqualTo(2);
        stats.onPacket(SSRC, 40001, 160, 20 * MS, 8000);
        stats.onPacket(SSRC, 40002, 320, 40 * MS, 8000);
        // Before the jump: 2 expected, 2 received; after: 40001..40002.
        assertThat(stats.packetsReceived()).isEqualTo(4);
        assertThat(stats.packetsExpected()).isEqualTo(4);
        assertThat(stats.packetsLost()).isZero();
    }

    @Test
    void newSsrc_goesOnProbation_andTotalsCarryOver() {
        feed(1, 2, 3, /* 4 lost */ 5);
        assertThat(stats.packetsLost()).isEqualTo(1);
        stats.onPacket(0x9999L, 7000, 0, 0, 8000);
        stats.onPacket(0x9999L, 7001, 160, 20 * MS, 8000);
        stats.onPacket(0x9999L, 7003, 480, 60 * MS, 8000);
        assertThat(stats.packetsLost()).isEqualTo(2);
    }

    @Test
    void jitter_followsRfc3550A8_forOneLatePacket() {
        stats.onPacket(SSRC, 1, 0, 0, 8000);
        stats.onPacket(SSRC, 2, 160, 20 * MS, 8000);       // first counted: no transit difference yet
        stats.onPacket(SSRC, 3, 320, 50 * MS, 8000);       // 10 ms late: |D| = 80 units
        assertThat(stats.jitter()).isCloseTo(80 / 16.0, within(1e-9));
        stats.onPacket(SSRC, 4, 480, 60 * MS, 8000);       // back on time: |D| = 80 again
        assertThat(stats.jitter()).isCloseTo(5 + (80 - 5) / 16.0, within(1e-9));
        stats.onPacket(SSRC, 5, 640, 80 * MS, 8000);       // steady: D = 0
        assertThat(stats.jitter()).isCloseTo(9.6875 - 9.6875 / 16, within(1e-9));
    }

    @Test
    void jitter_survivesTheTimestampWrapping() {
        long nearWrap = 0xFFFF_FF00L;
        stats.onPacket(SSRC, 1, nearWrap, 0, 8000);
        stats.onPacket(SSRC, 2, nearWrap + 160, 20 * MS, 8000);
        stats.onPacket(SSRC, 3, (nearWrap + 320) & 0xFFFF_FFFFL, 40 * MS, 8000);
        assertThat(stats.jitter()).isZero();
    }

    @Test
    void jitter_usesTheClockRateGiven() {
        stats.onPacket(SSRC, 1, 0, 0, 48000);
        stats.onPacket(SSRC, 2, 960, 20 * MS, 48000);
        stats.onPacket(SSRC, 3, 1920, 41 * MS, 48000);    // 1 ms late at 48 kHz: 48 units
        assertThat(stats.jitter()).isCloseTo(48 / 16.0, within(1e-6));
    }
}
