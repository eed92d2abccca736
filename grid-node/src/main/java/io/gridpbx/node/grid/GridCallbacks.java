package io.gridpbx.node.grid;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads on which the SIP path goes on once the grid answered: as many as the machine has
 * cores (the work is CPU only: build and send a message), plus one timer thread for the deadlines.
 * Hazelcast would otherwise run a {@code whenCompleteAsync} on the common fork-join pool, which on
 * a two-core machine has one thread and so starts a new thread for every callback.
 */
public final class GridCallbacks {

    private static final GridCallbacks SHARED = new GridCallbacks(Math.max(2, Runtime.getRuntime().availableProcessors()));

    private final ThreadPoolExecutor executor;
    private final ScheduledThreadPoolExecutor timer;

    /** @param threads how many callbacks run at once */
    public GridCallbacks(int threads) {
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                daemons("grid-callback-"));
        this.timer = new ScheduledThreadPoolExecutor(1, daemons("grid-deadline-"));
        // A deadline is cancelled as soon as its answer came, nearly always: do not keep it in the queue.
        timer.setRemoveOnCancelPolicy(true);
    }

    /** The pool every node of this JVM shares (tests start several nodes in one JVM). */
    public static GridCallbacks shared() {
        return SHARED;
    }

    Executor executor() {
        return executor;
    }

    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Deadlines still running: about the grid operations in flight. */
    public int pendingDeadlines() {
        return timer.getQueue().size();
    }

    /** Callbacks waiting for a thread: a backlog here means the node's CPU is short. */
    public int backlog() {
        return executor.getQueue().size();
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
