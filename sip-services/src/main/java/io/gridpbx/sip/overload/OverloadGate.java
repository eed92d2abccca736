package io.gridpbx.sip.overload;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides, before any grid call or digest work, whether a request is served or turned away with
 * 503. The signal is queue delay: how long the request waited between the socket and the
 * listener. It is the node's real backlog as the phone feels it: CPU, grid round trips and GC all
 * show up in it, and a delay past T1 (500 ms) is exactly what makes phones retransmit and a node
 * collapse under its own retransmissions.
 *
 * <p>As in CoDel (RFC 8289), one late request is a burst, not overload: the node is overloaded
 * once every delay measured for {@code interval} was above the target, and no longer as soon as
 * one is under it. While overloaded, {@link Urgency#NEW} requests are shed and follow-ups pass
 * until the delay reaches the critical level. Shedding costs a parse and a stateless 503, a few
 * times less than serving, so the backlog drains while the node keeps serving at capacity.
 *
 * <p>Thread-safe and lock-free: every listener thread feeds it its own measurement.
 */
public final class OverloadGate {

    private static final long NOT_DELAYED = Long.MIN_VALUE;

    private final OverloadSettings settings;
    private final Clock clock;
    private final long targetMillis;
    private final long intervalMillis;
    private final long criticalMillis;
    /** When the delays started to exceed the target without a break, or {@link #NOT_DELAYED}. */
    private final AtomicLong delayedSince = new AtomicLong(NOT_DELAYED);

    public OverloadGate(OverloadSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.targetMillis = settings.targetDelay().toMillis();
        this.intervalMillis = settings.interval().toMillis();
        this.criticalMillis = settings.criticalDelay().toMillis();
    }

    /**
     * Takes one measurement and says whether this request is served.
     *
     * @param queueDelayMillis how long this request waited before the listener got it
     */
    public boolean admits(Urgency urgency, long queueDelayMillis) {
        if (!settings.enabled()) {
            return true;
        }
        boolean overloaded = overloaded(queueDelayMillis);
        return switch (urgency) {
            case ESSENTIAL -> true;
            case FOLLOW_UP -> !overloaded || queueDelayMillis <= criticalMillis;
            case NEW -> !overloaded;
        };
    }

    /** Whether the last measurements say the node is overloaded (for the status page). */
    public boolean overloaded() {
        long since = delayedSince.get();
        return since != NOT_DELAYED && clock.millis() - since >= intervalMillis;
    }

    public OverloadSettings settings() {
        return settings;
    }

    private boolean overloaded(long queueDelayMillis) {
        if (queueDelayMillis <= targetMillis) {
            if (delayedSince.get() != NOT_DELAYED) {
                delayedSince.set(NOT_DELAYED);
            }
            return false;
        }
        long now = clock.millis();
        long since = delayedSince.get();
        if (since == NOT_DELAYED) {
            // Another thread may have started the episode just now: either start is as good.
            delayedSince.compareAndSet(NOT_DELAYED, now);
            return intervalMillis == 0;
        }
        return now - since >= intervalMillis;
    }
}
