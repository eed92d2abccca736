package io.gridpbx.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A memory that forgets: two generations of a plain map, the current one taking new entries, swapped
 * every half window. An entry lives at least half a window and at most a whole one; lookups and
 * inserts are one map operation, and memory is bounded by the insert rate times the window.
 */
final class Generations<V> {

    private final Clock clock;
    private final long halfWindowMillis;
    private volatile Generation<V> current;
    private volatile Generation<V> previous;

    private record Generation<V>(long startedAtMillis, ConcurrentHashMap<String, V> entries) {
        Generation(long startedAtMillis) {
            this(startedAtMillis, new ConcurrentHashMap<>());
        }
    }

    Generations(Clock clock, Duration window) {
        this.clock = clock;
        this.halfWindowMillis = Math.max(1, window.toMillis() / 2);
        this.current = new Generation<>(clock.millis());
        this.previous = new Generation<>(clock.millis());
    }

    /** The map that takes new entries, after the swap if one is due. */
    ConcurrentHashMap<String, V> current() {
        return rotateIfDue().entries();
    }

    /** The entries of the generation before, still remembered; read after {@link #current()}. */
    ConcurrentHashMap<String, V> previous() {
        return previous.entries();
    }

    private Generation<V> rotateIfDue() {
        Generation<V> now = current;
        long millis = clock.millis();
        if (millis - now.startedAtMillis() < halfWindowMillis) {
            return now;
        }
        synchronized (this) {
            if (current == now) {
                // After a quiet spell of a whole window, the last generation is too old to keep.
                previous = millis - now.startedAtMillis() < 2 * halfWindowMillis ? now : new Generation<>(millis);
                current = new Generation<>(millis);
            }
            return current;
        }
    }
}
