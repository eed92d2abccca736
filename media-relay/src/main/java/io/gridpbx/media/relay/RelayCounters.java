package io.gridpbx.media.relay;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** The relay-wide counters, added to by every event loop without contention (one LongAdder each). */
final class RelayCounters {

    private final LongAdder packetsRelayed = new LongAdder();
    private final LongAdder bytesRelayed = new LongAdder();
    private final LongAdder[] drops = new LongAdder[DropReason.values().length];

    RelayCounters() {
        for (int i = 0; i < drops.length; i++) {
            drops[i] = new LongAdder();
        }
    }

    void relayed(int bytes) {
        packetsRelayed.increment();
        bytesRelayed.add(bytes);
    }

    void dropped(DropReason reason) {
        drops[reason.ordinal()].increment();
    }

    long packetsRelayed() {
        return packetsRelayed.sum();
    }

    long bytesRelayed() {
        return bytesRelayed.sum();
    }

    Map<DropReason, Long> drops() {
        Map<DropReason, Long> counts = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            counts.put(reason, drops[reason.ordinal()].sum());
        }
        return counts;
    }
}
