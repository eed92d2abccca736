package io.gridpbx.sip.overload;

import java.time.Duration;

/**
 * The shedding rule's knobs.
 *
 * @param targetDelay    queue delay the node aims to stay under; zero turns shedding off
 * @param interval       how long the delay must stay above the target before new work is shed,
 *                       so that a burst the node absorbs on its own is not refused
 * @param criticalDelay  queue delay past which follow-ups (requests with credentials) are shed too
 * @param retryAfter     the Retry-After of an overload 503: how long a phone should avoid the node
 * @param socketNice     the nice value of the thread that reads the UDP socket (-20 to 19; 0: the
 *                       process's), so that it keeps reading on a saturated box and the backlog forms
 *                       where the throttle measures it, not in the kernel's buffer
 */
public record OverloadSettings(Duration targetDelay, Duration interval, Duration criticalDelay, Duration retryAfter,
        int socketNice) {

    /** The shortest time the delay must stay above its target before a node sheds (declared first: DEFAULTS uses it). */
    private static final Duration NODE_INTERVAL = Duration.ofSeconds(1);

    /**
     * 100 ms target, 1 s interval, 300 ms critical, Retry-After 2 s: see {@link #forNode}.
     */
    public static final OverloadSettings DEFAULTS = forNode(Duration.ofMillis(100), Duration.ofSeconds(2));


    public OverloadSettings {
        if (targetDelay.isNegative() || interval.isNegative() || criticalDelay.compareTo(targetDelay) < 0) {
            throw new IllegalArgumentException("overload settings need 0 <= target <= critical and interval >= 0");
        }
        if (retryAfter.toSeconds() < 1) {
            throw new IllegalArgumentException("Retry-After must be at least one second");
        }
        if (socketNice < -20 || socketNice > 19) {
            throw new IllegalArgumentException("the socket thread's nice value is from -20 to 19, not " + socketNice);
        }
    }

    /** Settings that leave the socket thread at the process's priority. */
    public OverloadSettings(Duration targetDelay, Duration interval, Duration criticalDelay, Duration retryAfter) {
        this(targetDelay, interval, criticalDelay, retryAfter, 0);
    }

    /** The same with the socket thread at this nice value. */
    public OverloadSettings withSocketNice(int nice) {
        return new OverloadSettings(targetDelay, interval, criticalDelay, retryAfter, nice);
    }

    /** A target with the interval at twice and the critical delay at three times it. */
    public static OverloadSettings of(Duration targetDelay, Duration retryAfter) {
        return new OverloadSettings(targetDelay, targetDelay.multipliedBy(2), targetDelay.multipliedBy(3), retryAfter);
    }

    /**
     * A node's settings: the target far enough under T1 (500 ms, RFC 3261 section 17.1.1.1) that no
     * admitted request waits long enough to be retransmitted, and the interval at least a second, so
     * that a GC pause or a neighbour's burst is absorbed rather than shed: with a 200 ms interval the
     * fresh-clone CI run saw a node on a shared two-core box shed 37 of 1,000 calls offered at 100/s.
     * An overload that lasts keeps the delay up and is shed a second later.
     */
    public static OverloadSettings forNode(Duration targetDelay, Duration retryAfter) {
        Duration interval = targetDelay.multipliedBy(2);
        return new OverloadSettings(targetDelay, interval.compareTo(NODE_INTERVAL) < 0 ? NODE_INTERVAL : interval,
                targetDelay.multipliedBy(3), retryAfter);
    }

    public boolean enabled() {
        return !targetDelay.isZero();
    }
}
