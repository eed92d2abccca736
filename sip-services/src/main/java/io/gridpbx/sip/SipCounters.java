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
}
