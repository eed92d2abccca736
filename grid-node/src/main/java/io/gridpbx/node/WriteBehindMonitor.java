package io.gridpbx.node;

import com.hazelcast.core.HazelcastInstance;
import io.gridpbx.node.grid.WriteBehindBacklog;
import io.gridpbx.persistence.store.JdbcLocationStore;
import io.gridpbx.persistence.store.JdbcSubscriptionStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Watches this node's write-behind backlog: one warning when it grows past the threshold (the
 * database is slow or away) and one line when it has drained. It also purges long-expired
 * registration and presence subscription rows, and flushes the backlog to the database when the node stops.
 */
@Component
class WriteBehindMonitor implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(WriteBehindMonitor.class);
    private static final Duration FLUSH_LIMIT = Duration.ofSeconds(20);

    private final WriteBehindBacklog backlog;
    private final JdbcLocationStore locations;
    private final JdbcSubscriptionStore subscriptions;
    private final Clock clock;
    private final long threshold;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("gridpbx-backlog").daemon().factory());
    private boolean behind;
    private long behindSinceMillis;
    private long peak;

    WriteBehindMonitor(HazelcastInstance grid, JdbcLocationStore locations, JdbcSubscriptionStore subscriptions,
            Clock clock, NodeProperties properties) {
        this.backlog = new WriteBehindBacklog(grid);
        this.locations = locations;
        this.subscriptions = subscriptions;
        this.clock = clock;
        this.threshold = properties.db().backlogWarnThreshold();
        timer.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::purge, 5, 300, TimeUnit.SECONDS);
    }

    private void check() {
        try {
            long pending = backlog.localTotal();
            if (!behind && pending > threshold) {
                behind = true;
                behindSinceMillis = clock.millis();
                peak = pending;
                LOG.warn("write-behind backlog {} entries (over {}): the database is slow or unreachable; {}",
                        pending, threshold, backlog.local());
            } else if (behind) {
                peak = Math.max(peak, pending);
                if (pending == 0) {
                    behind = false;
                    LOG.info("write-behind backlog drained after {} s (peak {} entries)",
                            (clock.millis() - behindSinceMillis) / 1000, peak);
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("cannot read the write-behind backlog: {}", e.toString());
        }
    }

    private void purge() {
        try {
            int purged = locations.purgeExpired();
            if (purged > 0) {
                LOG.info("purged {} expired registration rows", purged);
            }
        } catch (Exception e) {
            LOG.debug("purge of expired registrations failed, next try in 5 minutes: {}", e.toString());
        }
        try {
            int purged = subscriptions.purgeExpired();
            if (purged > 0) {
                LOG.info("purged {} expired presence subscription rows", purged);
            }
        } catch (Exception e) {
            LOG.debug("purge of expired subscriptions failed, next try in 5 minutes: {}", e.toString());
        }
    }

    /** Runs before the grid member shuts down: what this node owns goes to the database first. */
    @Override
    public void destroy() {
        timer.shutdownNow();
        long pending = backlog.localTotal();
        // A store that keeps failing (the database is away) would make a flush wait for ever: bound it.
        // Whatever is not flushed stays queued on the backups of the members that stay.
        CompletableFuture<List<String>> flush = CompletableFuture.supplyAsync(backlog::flush,
                task -> Thread.ofPlatform().daemon().name("write-behind-flush").start(task));
        try {
            for (String failure : flush.get(FLUSH_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("could not flush before stopping ({} entries pending on this node): {}", pending, failure);
            }
            if (pending > 0) {
                LOG.info("flushed {} pending writes before stopping", pending);
            }
        } catch (TimeoutException e) {
            LOG.warn("stopping without flushing {} pending writes: the store did not take them within {} s",
                    pending, FLUSH_LIMIT.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("could not flush before stopping: {}", e.getCause().toString());
        }
    }
}
