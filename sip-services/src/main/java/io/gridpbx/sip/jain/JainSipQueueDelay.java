package io.gridpbx.sip.jain;

import io.gridpbx.sip.overload.AdmissionThrottle;
import java.time.Clock;

/**
 * How long the request a listener thread is handling waited between the socket and the listener.
 * JAIN-SIP stamps each UDP datagram when its receiver thread reads it and queues it for the
 * listener pool ({@code DatagramQueuedMessageDispatch}); {@link JainSipReceiveQueue} hands that
 * stamp to the pool thread that takes the datagram, and that same thread parses it and runs the
 * listener (the reentrant listener), so the stamp is kept per thread. A request that did not come
 * through the UDP queue (TCP) is judged by the UDP queue's latest delay while it is fresh: the
 * node's backlog is one, whatever the transport. Every measurement also goes to the node's
 * {@link AdmissionThrottle}, which sets the share of new requests let in at the socket.
 */
final class JainSipQueueDelay {

    private static final long NONE = Long.MIN_VALUE;
    /** A UDP measurement older than this says nothing about the node now. */
    private static final long FRESH_MILLIS = 1000;

    private final Clock clock;
    private final AdmissionThrottle throttle;
    /** Per thread: the receive stamp of the datagram taken, and whether the request being handled came as one. */
    private final ThreadLocal<long[]> receivedAt = ThreadLocal.withInitial(() -> new long[] {NONE, 0});
    private volatile long latestDelayMillis;
    private volatile long latestAtMillis = NONE;

    JainSipQueueDelay(Clock clock, AdmissionThrottle throttle) {
        this.clock = clock;
        this.throttle = throttle;
    }

    /**
     * A pool thread took a datagram stamped at {@code receivedAtMillis}; it handles it next, unless it
     * is a request too late to be worth it (then the next datagram it takes replaces the stamp).
     *
     * @return how long the datagram waited
     */
    long taken(long receivedAtMillis) {
        receivedAt.get()[0] = receivedAtMillis;
        long waited = Math.max(0, clock.millis() - receivedAtMillis);
        throttle.measured(waited);
        return waited;
    }

    /** The queue delay of the request this thread is about to handle, measured now; consumes the stamp. */
    long ofCurrentRequest() {
        long now = clock.millis();
        long[] mine = receivedAt.get();
        long stamp = mine[0];
        mine[1] = stamp != NONE ? 1 : 0;
        if (stamp != NONE) {
            mine[0] = NONE;
            long delay = Math.max(0, now - stamp);
            latestDelayMillis = delay;
            latestAtMillis = now;
            return delay;
        }
        long at = latestAtMillis;
        return at != NONE && now - at <= FRESH_MILLIS ? latestDelayMillis : 0;
    }

    /**
     * Whether the request last measured by {@link #ofCurrentRequest()} on this thread came as a UDP
     * datagram, and so past the {@link JainSipDoor}, which already decided whether it is let in.
     */
    boolean currentCameByDatagram() {
        return receivedAt.get()[1] == 1;
    }
}
