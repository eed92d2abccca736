package io.gridpbx.node;

import com.hazelcast.core.HazelcastInstance;
import io.gridpbx.node.grid.WriteBehindBacklog;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The write-behind state in {@code /actuator/health}: this node's backlog per map and whether the
 * whole cluster is synced (nothing pending anywhere). A backlog is not "down": the grid keeps
 * serving; it is reported so that operators see it.
 */
@Component("persistence")
class PersistenceHealth implements HealthIndicator {

    private final WriteBehindBacklog backlog;

    PersistenceHealth(HazelcastInstance grid) {
        this.backlog = new WriteBehindBacklog(grid);
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up().withDetail("backlog", backlog.local());
        try {
            long cluster = backlog.clusterTotal();
            health.withDetail("clusterBacklog", cluster).withDetail("synced", cluster == 0);
        } catch (Exception e) {
            health.withDetail("synced", "unknown: " + e.getMessage());
        }
        return health.build();
    }
}
