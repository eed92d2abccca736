package io.gridpbx.core.presence;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Turns a burst of changes to one resource into one round of NOTIFYs (RFC 6665 section 4.2.2 asks a
 * notifier to rate-limit its NOTIFYs): the first change schedules the round {@link #WINDOW_MILLIS}
 * later; changes before it runs join it. A change during a round schedules the next one, so the
 * last state is always sent.
 */
public final class NotifyCoalescer {

    public static final long WINDOW_MILLIS = 100;

    private final ScheduledExecutorService timer;
    private final long windowMillis;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    public NotifyCoalescer(ScheduledExecutorService timer) {
        this(timer, WINDOW_MILLIS);
    }

    public NotifyCoalescer(ScheduledExecutorService timer, long windowMillis) {
        this.timer = timer;
        this.windowMillis = windowMillis;
    }

    /** Runs {@code round} once within the window, however many times {@code key} is submitted meanwhile. */
    public void submit(String key, Runnable round) {
        if (pending.add(key)) {
            try {
                timer.schedule(() -> {
                    pending.remove(key);
                    round.run();
                }, windowMillis, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                pending.remove(key); // the node is stopping: a later change must not find the key taken for ever
            }
        }
    }
}
