package io.gridpbx.sip.overload;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The share of new requests a node lets in, adjusted to hold its queue delay near the target: the
 * loss-based overload control of RFC 7339 (section 5.10.1, "loss"), which a node would otherwise ask
 * of its upstream peers, run by the node on itself at its socket, before a byte is parsed.
 *
 * <p>{@link OverloadGate} answers "is the node overloaded?" for each request; at a few times the
 * capacity that yes/no answer makes the node oscillate: everything new is shed until the backlog is
 * gone, then everything is let in until it has built up again, and each swing leaves requests late
 * enough to be retransmitted. This throttle instead converges on the share the node can serve.
 * Every {@link #PERIOD} it compares what the listener threads took off the queue (the node's real
 * throughput, while a queue stands) with what the socket thread put on it, and looks at the
 * smallest delay measured (the standing queue, as in CoDel, RFC 8289; one late request is a burst):
 * <ul>
 *   <li>above the target for the whole {@link OverloadSettings#interval()} (or already throttling):
 *       the share is scaled by taken / queued, less a margin that drains the standing queue, where
 *       "taken" is the throughput smoothed over the last periods ({@link #SMOOTHING})
 *       ({@link #DRAIN_MILLIS}); a queue that is already shrinking fast enough keeps the share. After
 *       a cut the share holds for one queue delay: the requests queued before the cut, and the
 *       follow-ups they bring, must be through before the cut shows in the measurements;</li>
 *   <li>under half the target: additive increase, {@code admitted += }{@link #INCREASE}, probing
 *       for capacity that came back;</li>
 *   <li>in between: hold.</li>
 * </ul>
 * Scaling by the measured throughput takes the share close to the right value in one period, where a
 * fixed multiplicative decrease would keep cutting for as long as the backlog built before it takes
 * to drain, and overshoot. Only new requests are throttled, so follow-ups keep arriving for a while:
 * the share then converges from above over a few periods instead of overshooting. Requests are let
 * in evenly ({@code admitted} = 0.75 lets in three of every four), not at random, so the figure
 * does what it says even over a few requests. A period without measurements changes nothing: an
 * idle node is not overloaded, and its first requests after a storm find it where the storm left it,
 * recovering within seconds.
 *
 * <p>Thread-safe: listener threads measure, the socket thread counts and asks.
 */
public final class AdmissionThrottle {

    /** How often the admitted share is adjusted: a few times per T1 (500 ms). */
    public static final long PERIOD = 100;
    static final double INCREASE = 0.03;
    /**
     * Weight of each period's throughput in the estimate the share is scaled by. A real node's
     * throughput per 100 ms swings threefold and more (GC, JIT, a load generator on the same cores):
     * scaled by one period's figure, the share chased each swing, cut deep on a slow period and left
     * the listeners idle on the next fast one.
     */
    static final double SMOOTHING = 0.2;
    /** A standing queue is drained at about this pace: its excess over the target, per second. */
    static final double DRAIN_MILLIS = 2000;
    /** The smallest drain factor: a long queue is drained over a few seconds, not at once. */
    static final double LEAST_DRAIN = 0.7;
    /** The most one cut takes away: measurements are noisy, and the next cut can take more. */
    static final double MOST_CUT = 0.5;
    /** Never shut out every new request: a node that admits none cannot see that it recovered. */
    static final double FLOOR = 0.05;
    private static final long NONE = Long.MIN_VALUE;

    private final OverloadSettings settings;
    private final Clock clock;
    private final long targetMillis;
    private final long intervalMillis;
    private volatile double admitted = 1.0;
    private final AtomicLong asked = new AtomicLong();
    private final AtomicLong queued = new AtomicLong();

    // The period being measured and the high-delay episode; guarded by this.
    private long periodStart = NONE;
    private long periodMinimum = Long.MAX_VALUE;
    private long periodTaken;
    private double smoothTaken = -1;
    private long highSince = NONE;
    private long holdUntil = NONE;

    public AdmissionThrottle(OverloadSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.targetMillis = settings.targetDelay().toMillis();
        this.intervalMillis = settings.interval().toMillis();
    }

    /** The socket thread put a datagram (any: request or response) on the listeners' queue. */
    public void queued() {
        queued.incrementAndGet();
    }

    /** A listener thread took a datagram off the queue; it had waited {@code queueDelayMillis}. */
    public void measured(long queueDelayMillis) {
        if (!settings.enabled()) {
            return;
        }
        long now = clock.millis();
        synchronized (this) {
            if (periodStart == NONE) {
                periodStart = now;
                queued.set(0);
            } else if (now - periodStart >= PERIOD) {
                adjust(now);
                periodStart = now;
                periodMinimum = Long.MAX_VALUE;
                periodTaken = 0;
            }
            periodMinimum = Math.min(periodMinimum, queueDelayMillis);
            periodTaken++;
        }
    }

    /** Whether the next new request (no dialog, no credentials) is let in. */
    public boolean admitsNew() {
        double share = admitted;
        if (share >= 1.0) {
            return true;
        }
        long n = asked.incrementAndGet();
        return (long) (n * share) != (long) ((n - 1) * share);
    }

    /** The share of new requests let in now, from {@link #FLOOR} to 1 (for the status page and tests). */
    public double admitted() {
        return admitted;
    }

    private void adjust(long now) {
        double share = admitted;
        long put = queued.getAndSet(0);
        smoothTaken = smoothTaken < 0 ? periodTaken : smoothTaken + SMOOTHING * (periodTaken - smoothTaken);
        if (periodMinimum > targetMillis) {
            if (highSince == NONE) {
                highSince = periodStart;
            }
            boolean throttling = share < 1.0 || now - highSince >= intervalMillis;
            if (throttling && now >= holdUntil) {
                double drain = Math.clamp(1 - (periodMinimum - targetMillis) / DRAIN_MILLIS, LEAST_DRAIN, 0.95);
                double ratio = put == 0 ? 1.0 : smoothTaken * drain / put;
                if (ratio < 1.0) {
                    admitted = Math.max(FLOOR, share * Math.max(ratio, MOST_CUT));
                    // what a cut changes shows once the requests queued before it are through
                    holdUntil = now + Math.max(PERIOD, periodMinimum);
                }
            }
            return;
        }
        highSince = NONE;
        if (periodMinimum * 2 < targetMillis && share < 1.0) {
            admitted = Math.min(1.0, share + INCREASE);
        }
    }
}
