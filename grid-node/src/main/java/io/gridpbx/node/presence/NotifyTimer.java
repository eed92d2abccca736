package io.gridpbx.node.presence;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The timer of the NOTIFY coalescer's windows: one daemon thread, whose rounds only start grid reads.
 * Not a bean of its own type: a {@link ScheduledExecutorService} bean would become Spring's scheduler.
 */
final class NotifyTimer implements AutoCloseable {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("presence-notify").daemon().factory());

    ScheduledExecutorService executor() {
        return executor;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
