package io.gridpbx.sip.jain;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import io.gridpbx.sip.SipCounters;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The queue between JAIN-SIP's UDP receiver thread and its listener pool, in place of the RI's
 * plain {@code LinkedBlockingQueue}. On each take it hands the datagram's receive stamp to
 * {@link JainSipQueueDelay}, and it drops, unparsed, a request that waited longer than T1
 * (500 ms, RFC 3261 section 17.1.1.1): its sender has retransmitted it by then, so a newer copy is
 * already behind it and parsing this one is pure waste. Responses are never dropped there: they
 * complete work already done and are not all retransmitted (a 180 is sent once). The queue is
 * bounded too: the RI gives every datagram an 8 KiB buffer, so a flood that outruns the pool would
 * otherwise grow the heap without limit; a datagram that finds it full is dropped by the receiver.
 * Before a datagram is queued it has passed the {@link JainSipDoor}, where an overloaded node turns
 * new requests away ({@link JainSipUdpProcessor}).
 */
final class JainSipReceiveQueue extends LinkedBlockingQueue<DatagramQueuedMessageDispatch> {

    static final long STALE_MILLIS = 500;
    /** About a second of datagrams at the node's capacity, 128 MiB of buffers at most. */
    static final int CAPACITY = 16_384;

    private final transient JainSipQueueDelay delay;
    private final transient SipCounters counters;
    JainSipReceiveQueue(JainSipQueueDelay delay, SipCounters counters) {
        this(CAPACITY, delay, counters);
    }

    JainSipReceiveQueue(int capacity, JainSipQueueDelay delay, SipCounters counters) {
        super(capacity);
        this.delay = delay;
        this.counters = counters;
    }

    /** The receiver thread offers and ignores the answer: a full queue drops the datagram, counted. */
    @Override
    public boolean offer(DatagramQueuedMessageDispatch work) {
        if (super.offer(work)) {
            return true;
        }
        counters.staleDrop();
        return false;
    }

    @Override
    public DatagramQueuedMessageDispatch take() throws InterruptedException {
        while (true) {
            DatagramQueuedMessageDispatch work = super.take();
            if (handOver(work)) {
                return work;
            }
        }
    }

    /** The RI polls instead of taking when its thread auditor is on. */
    @Override
    public @Nullable DatagramQueuedMessageDispatch poll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (true) {
            DatagramQueuedMessageDispatch work = super.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (work == null || handOver(work)) {
                return work;
            }
        }
    }

    private boolean handOver(DatagramQueuedMessageDispatch work) {
        if (delay.taken(work.getReceptionTime()) > STALE_MILLIS && !isResponse(work)) {
            counters.staleDrop();
            return false;
        }
        return true;
    }

    private static boolean isResponse(DatagramQueuedMessageDispatch work) {
        return RawRequest.isResponse(work.packet.getData(), work.packet.getOffset(), work.packet.getLength());
    }
}
