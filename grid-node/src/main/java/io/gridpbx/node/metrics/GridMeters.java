package io.gridpbx.node.metrics;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.ReplicaMigrationEvent;
import io.gridpbx.core.dialog.DialogRegistry;
import io.gridpbx.core.location.BindingStore;
import io.gridpbx.node.grid.WriteBehindBacklog;
import io.gridpbx.persistence.jdbc.Database;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's state as Prometheus gauges. What costs a grid or database round trip (registered
 * addresses, active dialogs, the database's reachability) is sampled in the background every two
 * seconds, so a scrape never waits on the grid and a slow grid never stalls a scrape.
 */
final class GridMeters implements MeterBinder, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GridMeters.class);
    static final long SAMPLE_SECONDS = 2;

    private final HazelcastInstance grid;
    private final BindingStore bindings;
    private final DialogRegistry dialogs;
    private final Database database;
    private final WriteBehindBacklog backlog;
    private final Map<String, Double> samples = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newScheduledThreadPool(2,
            Thread.ofPlatform().name("gridpbx-metrics-", 0).daemon().factory());
    private volatile int migrating;

    GridMeters(HazelcastInstance grid, BindingStore bindings, DialogRegistry dialogs, Database database) {
        this.grid = grid;
        this.bindings = bindings;
        this.dialogs = dialogs;
        this.database = database;
        this.backlog = new WriteBehindBacklog(grid);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("gridpbx.cluster.members", grid, g -> g.getCluster().getMembers().size())
                .description("members of the cluster this node sees").register(registry);
        sampled(registry, "gridpbx.registered.addresses", "addresses of record with a live registration, cluster-wide",
                () -> (double) bindings.addressCount());
        sampled(registry, "gridpbx.dialogs.active", "dialogs in progress, cluster-wide", () -> (double) dialogs.activeCount());
        sampled(registry, "gridpbx.database.up", "1 when this node reaches the database, 0 when it does not",
                () -> database.reachable(2) ? 1.0 : 0.0);
        sampled(registry, "gridpbx.partitions.local.safe",
                "1 when every partition this member owns has its backups in sync", () -> grid.getPartitionService()
                        .isLocalMemberSafe() ? 1.0 : 0.0);
        Gauge.builder("gridpbx.partitions.migrating", this, m -> m.migrating)
                .description("partition replica migrations planned and not yet done (reported by the oldest member)")
                .register(registry);
        grid.getPartitionService().addMigrationListener(new MigrationCounter());
        for (String map : WriteBehindBacklog.PERSISTED_MAPS) {
            Gauge.builder("gridpbx.writebehind.backlog", backlog, b -> b.local(map))
                    .description("changes this member owns that are not yet written to the database")
                    .tag("map", map).register(registry);
        }
    }

    /** A gauge whose value a background task refreshes; NaN until the first sample, and while sampling fails. */
    private void sampled(MeterRegistry registry, String name, String description, Supplier<Double> sample) {
        Gauge.builder(name, samples, s -> s.getOrDefault(name, Double.NaN)).description(description).register(registry);
        sampler.scheduleWithFixedDelay(() -> {
            try {
                samples.put(name, sample.get());
            } catch (RuntimeException e) {
                samples.remove(name);
                LOG.debug("cannot sample {}: {}", name, e.toString());
            }
        }, 0, SAMPLE_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }

    private final class MigrationCounter implements MigrationListener {

        @Override
        public void migrationStarted(MigrationState state) {
            migrating = state.getPlannedMigrations();
        }

        @Override
        public void migrationFinished(MigrationState state) {
            migrating = 0;
        }

        @Override
        public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
            progress(event.getMigrationState());
        }

        @Override
        public void replicaMigrationFailed(ReplicaMigrationEvent event) {
            progress(event.getMigrationState());
        }

        private void progress(MigrationState state) {
            migrating = Math.max(0, state.getPlannedMigrations() - state.getCompletedMigrations());
        }
    }
}
