package io.gridpbx.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A memory that forgets: two generations of a plain map, the current one taking new entries, swapped
 * every half window, or sooner when the current one is full. Without that cap an entry lives at least
 * half a window and at most a whole one; lookups and inserts are one map operation, and memory is
 * bounded by the insert rate times the window, and by twice the cap. A swap forced by the cap forgets
 * entries before their time, and {@link #forgottenBeforeMillis()} says since when that happened.
 */
final class Generations<V> {

    private final Clock clock;
    private final long halfWindowMillis;
    private final int maxPerGeneration;
    private volatile Generation<V> current;
    private volatile Generation<V> previous;
    private volatile long forgottenBeforeMillis = Long.MIN_VALUE;

    private record Generation<V>(long startedAtMillis, ConcurrentHashMap<String, V> entries) {
        Generation(long startedAtMillis) {
            this(startedAtMillis, new ConcurrentHashMap<>());
        }
    }

    Generations(Clock clock, Duration window) {
        this(clock, window, Integer.MAX_VALUE);
    }

    /** @param maxPerGeneration how many entries a generation takes before it is swapped early */
    Generations(Clock clock, Duration window, int maxPerGeneration) {
        this.clock = clock;
        this.halfWindowMillis = Math.max(1, window.toMillis() / 2);
        this.maxPerGeneration = maxPerGeneration;
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

    /**
     * Entries put before this time may have been forgotten before their half window was over, because
     * a generation filled up; {@link Long#MIN_VALUE} while that never happened.
     */
    long forgottenBeforeMillis() {
        return forgottenBeforeMillis;
    }

    private Generation<V> rotateIfDue() {
        Generation<V> now = current;
        long millis = clock.millis();
        boolean due = millis - now.startedAtMillis() >= halfWindowMillis;
        if (!due && now.entries().size() < maxPerGeneration) {
            return now;
        }
        synchronized (this) {
            if (current == now) {
                if (!due) {
                    // Full before its time: the previous generation goes early, with what it holds.
                    forgottenBeforeMillis = now.startedAtMillis();
                }
                // After a quiet spell of a whole window, the last generation is too old to keep.
                previous = millis - now.startedAtMillis() < 2 * halfWindowMillis ? now : new Generation<>(millis);
                current = new Generation<>(millis);
            }
            return current;
        }
    }
}
