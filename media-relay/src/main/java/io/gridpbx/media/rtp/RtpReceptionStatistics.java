package io.gridpbx.media.rtp;

/**
 * What a receiver learns about one RTP stream: packets expected and lost (RFC 3550 A.1 and A.3) and
 * interarrival jitter (RFC 3550 §6.4.1 and A.8).
 *
 * <p>Not thread-safe: one instance belongs to one socket's event loop. A change of SSRC starts the
 * per-source state again (a new source is on probation, RFC 3550 A.1) while the totals carry over.
 */
public final class RtpReceptionStatistics {

    // The constants RFC 3550 A.1 suggests.
    private static final int MAX_DROPOUT = 3000;
    private static final int MAX_MISORDER = 100;
    private static final int MIN_SEQUENTIAL = 2;
    private static final int SEQ_MOD = 1 << 16;

    private boolean started;
    private long ssrc;
    private int probation;
    private int maxSeq;
    private long cycles;
    private long baseSeq;
    private int badSeq;
    private long received;

    private long expectedBefore;
    private long receivedBefore;

    private boolean hasTransit;
    private long lastTimestamp;
    private long lastArrivalNanos;
    private double jitter;

    /**
     * Accounts for one RTP packet.
     *
     * @param ssrc         the packet's synchronization source
     * @param sequence     its 16-bit sequence number
     * @param timestamp    its 32-bit media timestamp
     * @param arrivalNanos its arrival on a monotonic clock, in nanoseconds
     * @param clockRate    the payload's timestamp rate in Hz (8000 for G.711)
     * @return whether the packet counts as received (false while the source is on probation, or for
     *         the first packet after a jump in sequence numbers)
     */
    public boolean onPacket(long ssrc, int sequence, long timestamp, long arrivalNanos, int clockRate) {
        if (!started || ssrc != this.ssrc) {
            startSource(ssrc, sequence);
        }
        boolean counted = updateSequence(sequence);
        if (counted) {
            updateJitter(timestamp, arrivalNanos, clockRate);
        }
        return counted;
    }

    /** Packets counted as received, duplicates included (RFC 3550 A.3). */
    public long packetsReceived() {
        return receivedBefore + received;
    }

    /** Packets expected from the extended highest sequence number and the base (RFC 3550 A.3). */
    public long packetsExpected() {
        return expectedBefore + expectedOfSource();
    }

    /** Expected minus received: the cumulative loss, negative when duplicates outnumber losses (RFC 3550 §6.4.1). */
    public long packetsLost() {
        return packetsExpected() - packetsReceived();
    }

    /** The extended highest sequence number received from the current source (RFC 3550 §6.4.1). */
    public long extendedHighestSequence() {
        return cycles + maxSeq;
    }

    /** The interarrival jitter estimate in timestamp units (RFC 3550 §6.4.1). */
    public double jitter() {
        return jitter;
    }

    private long expectedOfSource() {
        return received == 0 ? 0 : extendedHighestSequence() - baseSeq + 1;
    }

    private void startSource(long ssrc, int sequence) {
        expectedBefore += expectedOfSource();
        receivedBefore += received;
        this.ssrc = ssrc;
        started = true;
        initSequence(sequence);
        // RFC 3550 A.1: a new source is valid only after MIN_SEQUENTIAL packets in sequence.
        maxSeq = (sequence - 1) & (SEQ_MOD - 1);
        probation = MIN_SEQUENTIAL;
        hasTransit = false;
        jitter = 0;
    }

    private void initSequence(int sequence) {
        baseSeq = sequence;
        maxSeq = sequence;
        badSeq = SEQ_MOD + 1;
        cycles = 0;
        received = 0;
    }

    /** RFC 3550 A.1 {@code update_seq}, with unsigned 16-bit arithmetic. */
    private boolean updateSequence(int sequence) {
        int delta = (sequence - maxSeq) & (SEQ_MOD - 1);
        if (probation > 0) {
            if (sequence == ((maxSeq + 1) & (SEQ_MOD - 1))) {
                probation--;
                maxSeq = sequence;
                if (probation == 0) {
                    initSequence(sequence);
                    received++;
                    return true;
                }
            } else {
                probation = MIN_SEQUENTIAL - 1;
                maxSeq = sequence;
            }
            return false;
        }
        if (delta < MAX_DROPOUT) {
            if (sequence < maxSeq) {
                cycles += SEQ_MOD; // the 16-bit number wrapped
            }
            maxSeq = sequence;
        } else if (delta <= SEQ_MOD - MAX_MISORDER) {
            if (sequence != badSeq) {
                // A big jump: believe it only if the next packet follows it (the source restarted).
                badSeq = (sequence + 1) & (SEQ_MOD - 1);
                return false;
            }
            expectedBefore += expectedOfSource();
            receivedBefore += received;
            initSequence(sequence);
            hasTransit = false;
        }
        // else: a duplicate or a packet reordered by less than MAX_MISORDER; it still counts.
        received++;
        return true;
    }

    /**
     * RFC 3550 A.8: J += (|D| - J) / 16, with D the difference of relative transit times of two
     * packets. D is computed from differences so that the 32-bit timestamp may wrap and the arrival
     * clock needs no common origin with the sender's.
     */
    private void updateJitter(long timestamp, long arrivalNanos, int clockRate) {
        if (hasTransit) {
            double arrivalUnits = (arrivalNanos - lastArrivalNanos) * (clockRate / 1e9);
            int timestampUnits = (int) (timestamp - lastTimestamp);
            double d = arrivalUnits - timestampUnits;
            jitter += (Math.abs(d) - jitter) / 16;
        }
        hasTransit = true;
        lastTimestamp = timestamp;
        lastArrivalNanos = arrivalNanos;
    }
}
