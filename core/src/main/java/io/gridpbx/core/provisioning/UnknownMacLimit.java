package io.gridpbx.core.provisioning;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The rate limit on fetches that name no known phone (and on wrong credentials for a known one): a
 * source that earns {@code misses} 404s or 401s within one window is answered 429 until the window
 * ends, so the MAC space (vendor prefixes make it small) cannot be walked to harvest accounts, nor a
 * known phone's password guessed. Fixed windows per source, like the SIP edge's probe rule; the
 * table is capped, and a full table starts over. Per node: a scanner that spreads over the nodes gets
 * that many more tries, which still keeps a walk of a vendor's MAC range out of reach.
 */
public final class UnknownMacLimit {

    private static final int MAX_SOURCES = 100_000;

    private final int misses;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, Window> windows = new HashMap<>();

    public UnknownMacLimit(int misses, Duration window, Clock clock) {
        if (misses < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the unknown-MAC limit needs at least one miss and a positive window");
        }
        this.misses = misses;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Whether {@code source} has used up its misses in the current window (its fetch gets 429). */
    public synchronized boolean limited(String source) {
        Window window = windows.get(source);
        return window != null && window.current(clock.millis(), windowMillis) && window.count >= misses;
    }

    /** Counts a fetch from {@code source} that named no known phone. */
    public synchronized void miss(String source) {
        long now = clock.millis();
        Window window = windows.get(source);
        if (window == null || !window.current(now, windowMillis)) {
            if (windows.size() >= MAX_SOURCES) {
                windows.clear();
            }
            window = new Window(now);
            windows.put(source, window);
        }
        window.count++;
    }

    private static final class Window {
        private final long start;
        private int count;

        Window(long start) {
            this.start = start;
        }

        boolean current(long now, long length) {
            return now - start < length;
        }
    }
}
