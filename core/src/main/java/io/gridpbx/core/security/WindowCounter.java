package io.gridpbx.core.security;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts per key in fixed sampling windows, like pike's: a new window starts empty when the last
 * one is over, or as soon as it counts {@code maxKeys} keys, so memory stays bounded whatever the
 * number of sources. One map operation per count.
 */
final class WindowCounter {

    private final Clock clock;
    private final long windowMillis;
    private final int maxKeys;
    private volatile Window current;

    private record Window(long startedAtMillis, ConcurrentHashMap<String, AtomicInteger> counts) {
    }

    WindowCounter(Clock clock, Duration window, int maxKeys) {
        this.clock = clock;
        this.windowMillis = window.toMillis();
        this.maxKeys = maxKeys;
        this.current = new Window(clock.millis(), new ConcurrentHashMap<>());
    }

    /** Counts one more for the key and returns its count in the current window. */
    int increment(String key) {
        return window().counts().computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    /** How many keys the current window counts. */
    int size() {
        return current.counts().size();
    }

    private Window window() {
        Window now = current;
        long millis = clock.millis();
        if (millis - now.startedAtMillis() < windowMillis && now.counts().size() < maxKeys) {
            return now;
        }
        synchronized (this) {
            if (current == now) {
                current = new Window(millis, new ConcurrentHashMap<>());
            }
            return current;
        }
    }
}
