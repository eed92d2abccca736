package io.gridpbx.sip;

import java.util.concurrent.atomic.LongAdder;

/** Request and rejection counters of one node, cheap enough for the hot path. */
public final class SipCounters {

    private final LongAdder requests = new LongAdder();
    private final LongAdder registrations = new LongAdder();
    private final LongAdder callsForwarded = new LongAdder();
    private final LongAdder rejections = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder inDialogRefused = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final LongAdder shed = new LongAdder();
    private final LongAdder staleDrops = new LongAdder();
    private final LongAdder gridTimeouts = new LongAdder();

    public void request() {
        requests.increment();
    }

    public void registration() {
        registrations.increment();
    }

    public void callForwarded() {
        callsForwarded.increment();
    }

    public void rejection() {
        rejections.increment();
    }

    public void failure() {
        failures.increment();
    }

    /** An in-dialog request (or ACK) that no dialog of this cluster proved: refused or absorbed. */
    public void inDialogRefusal() {
        inDialogRefused.increment();
    }

    public long inDialogRefused() {
        return inDialogRefused.sum();
    }

    /** A message dropped unanswered for its form: a datagram too large to read whole, a malformed response. */
    public void malformed() {
        malformed.increment();
    }

    /** A request turned away with 503 because the node is overloaded. */
    public void requestShed() {
        shed.increment();
    }

    /**
     * A datagram dropped unparsed: a request that waited in the receive queue past the point where
     * it was retransmitted, or any datagram that found the queue full.
     */
    public void staleDrop() {
        staleDrops.increment();
    }

    /** A request answered 503 because the grid did not answer within its deadline. */
    public void gridTimeout() {
        gridTimeouts.increment();
    }

    public long requests() {
        return requests.sum();
    }

    public long registrations() {
        return registrations.sum();
    }

    public long callsForwarded() {
        return callsForwarded.sum();
    }

    public long rejections() {
        return rejections.sum();
    }

    /** Messages dropped unanswered because of their form. */
    public long malformedDropped() {
        return malformed.sum();
    }

    /** Requests whose handling threw: each is a bug to fix. */
    public long failures() {
        return failures.sum();
    }

    public long shed() {
        return shed.sum();
    }

    public long staleDrops() {
        return staleDrops.sum();
    }

    public long gridTimeouts() {
        return gridTimeouts.sum();
    }
}
