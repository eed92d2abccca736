package io.gridpbx.media.ng;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** What the ng port has seen since start, for metrics and tests. */
public final class NgCounters {

    private final AtomicLongArray commands = new AtomicLongArray(NgCommand.values().length);
    private final LongAdder malformed = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder retransmissions = new LongAdder();

    void command(NgCommand command) {
        commands.incrementAndGet(command.ordinal());
    }

    void droppedMalformed() {
        malformed.increment();
    }

    void answeredError() {
        errors.increment();
    }

    void answeredFromCache() {
        retransmissions.increment();
    }

    /** Requests of a command ({@code "offer"}...) dispatched, answered with a new reply. */
    public long commands(String name) {
        return NgCommand.of(name).map(command -> commands.get(command.ordinal())).orElse(0L);
    }

    /** Datagrams dropped unanswered: not {@code <cookie> <bencoded dictionary>}. */
    public long malformed() {
        return malformed.sum();
    }

    /** Requests answered {@code result: error}. */
    public long errors() {
        return errors.sum();
    }

    /** Requests answered from the reply cache (a cookie seen before). */
    public long retransmissions() {
        return retransmissions.sum();
    }
}
