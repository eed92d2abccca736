package io.gridpbx.core.security;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts per key over a sliding window, estimated from two fixed ones: the count in the current
 * window plus the previous window's count weighted by the share of it that still lies within one
 * window of now. A burst that straddles a window boundary is counted whole, not split in two halves
 * that each stay under a limit (a fixed window alone lets twice the limit through). A new window
 * also starts, with no past, as soon as the current one counts {@code maxKeys} keys, so memory stays
 * bounded whatever the number of sources. Two map reads and one increment per count.
 */
final class WindowCounter {

    private static final ConcurrentHashMap<String, AtomicInteger> NOTHING = new ConcurrentHashMap<>();

    private final Clock clock;
    private final long windowMillis;
    private final int maxKeys;
    private volatile Window current;

    private record Window(long startedAtMillis, ConcurrentHashMap<String, AtomicInteger> counts,
            ConcurrentHashMap<String, AtomicInteger> previous) {
    }

    WindowCounter(Clock clock, Duration window, int maxKeys) {
        this.clock = clock;
        this.windowMillis = window.toMillis();
        this.maxKeys = maxKeys;
        this.current = new Window(clock.millis(), new ConcurrentHashMap<>(), NOTHING);
    }

    /**
     * Counts one more for the key and returns its estimated count within the last window. Between two
     * counts the estimate rises by one at most, but it may fall (the past window's share shrinks) and
     * cross a value again: a caller refuses by {@code >=}, and an action meant once per crossing ({@code ==})
     * may come again after such a fall.
     */
    int increment(String key) {
        long millis = clock.millis();
        Window window = window(millis);
        int counted = window.counts().computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        AtomicInteger before = window.previous().get(key);
        if (before == null) {
            return counted;
        }
        long stillWithin = Math.max(0, windowMillis - (millis - window.startedAtMillis()));
        return counted + (int) (before.get() * stillWithin / windowMillis);
    }

    /** How many keys the current window counts. */
    int size() {
        return current.counts().size();
    }

    private Window window(long millis) {
        Window now = current;
        long elapsed = millis - now.startedAtMillis();
        if (elapsed < windowMillis && now.counts().size() < maxKeys) {
            return now;
        }
        synchronized (this) {
            if (current == now) {
                current = elapsed >= windowMillis ? next(now, millis) : new Window(millis, new ConcurrentHashMap<>(), now.counts());
            }
            return current;
        }
    }

    /** The window after this one, on the same boundaries; with no past when the last one ended a window ago. */
    private Window next(Window last, long millis) {
        long windows = (millis - last.startedAtMillis()) / windowMillis;
        long start = last.startedAtMillis() + windows * windowMillis;
        return new Window(start, new ConcurrentHashMap<>(), windows == 1 ? last.counts() : NOTHING);
    }
}
