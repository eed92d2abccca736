package io.gridpbx.node.sip;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.ReplicaMigrationEvent;
import io.gridpbx.core.trunking.GatewayRegistering;
import io.gridpbx.core.trunking.RegistrationBoard;
import io.gridpbx.core.trunking.TrunkingView;
import io.gridpbx.sip.SipServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps registered at their carriers the gateways this member is in charge of: a gateway belongs to
 * the member that owns its id's partition, so exactly one member registers it. Ownership is read at
 * every check and at once when partitions move or a member leaves, so when the registering member dies
 * the member its partition passes to registers its own Contact within a check of the grid noticing
 * (some seconds); a member that lets a gateway go, or leaves gracefully, removes its own binding.
 */
public final class GatewayRegistrar implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayRegistrar.class);
    /** How long a removal may hold up a graceful leave. */
    private static final Duration LEAVE_PATIENCE = Duration.ofSeconds(3);

    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("gateway-registrar").daemon().factory());
    private final HazelcastInstance grid;
    private final TrunkingView trunking;
    private final GatewayRegistering registering;
    private final UUID migrations;
    private final UUID membership;

    private GatewayRegistrar(HazelcastInstance grid, TrunkingView trunking, GatewayRegistering.Sender sender,
            RegistrationBoard board, Clock clock, String node, Duration retryAfter) {
        this.grid = grid;
        this.trunking = trunking;
        // Answers arrive on SIP threads: they are handled on this registrar's thread, so that a SIP
        // thread never waits for a round in progress (which may be opening a TCP connection).
        GatewayRegistering.Sender onThisThread = (gateway, expires) -> sender.register(gateway, expires)
                .whenCompleteAsync((outcome, failure) -> { }, schedule);
        this.registering = new GatewayRegistering(onThisThread, board, clock, node, retryAfter);
        this.migrations = grid.getPartitionService().addMigrationListener(new MigrationListener() {
            @Override
            public void migrationStarted(MigrationState state) {
            }

            @Override
            public void migrationFinished(MigrationState state) {
                checkSoon(); // partitions moved: some gateways may have come here, or gone
            }

            @Override
            public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
            }

            @Override
            public void replicaMigrationFailed(ReplicaMigrationEvent event) {
            }
        });
        this.membership = grid.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                checkSoon(); // its partitions' backups here may have become their owners
            }
        });
    }

    /** Registers through this node's SIP stack; a REGISTER waits {@code patience} for its answer. */
    public static GatewayRegistrar start(HazelcastInstance grid, TrunkingView trunking, SipServer sip,
            RegistrationBoard board, Clock clock, String node, Duration checkEvery, Duration retryAfter,
            Duration patience) {
        return start(grid, trunking, (gateway, expires) -> sip.register(gateway, expires, patience), board, clock, node,
                checkEvery, retryAfter);
    }

    /**
     * @param sender     sends one REGISTER (its challenge answered) and completes with the answer
     * @param checkEvery how often ownership and due refreshes are looked at
     * @param retryAfter the pause after a first failure, doubled at each one in a row
     */
    public static GatewayRegistrar start(HazelcastInstance grid, TrunkingView trunking,
            GatewayRegistering.Sender sender, RegistrationBoard board, Clock clock, String node, Duration checkEvery,
            Duration retryAfter) {
        GatewayRegistrar registrar = new GatewayRegistrar(grid, trunking, sender, board, clock, node, retryAfter);
        registrar.schedule.scheduleWithFixedDelay(registrar::check, 0, checkEvery.toMillis(), TimeUnit.MILLISECONDS);
        return registrar;
    }

    /** The gateways this member holds a registration of. */
    public List<String> registered() {
        return registering.registered();
    }

    private void checkSoon() {
        try {
            schedule.execute(this::check);
        } catch (RejectedExecutionException closed) {
            // closing: the leave removes what this member holds
        }
    }

    private void check() {
        try {
            registering.round(trunking.gateways(), this::mine);
        } catch (RuntimeException e) {
            LOG.debug("gateway registration round: {}", e.toString());
        }
    }

    private boolean mine(String gatewayId) {
        Partition partition = grid.getPartitionService().getPartition(gatewayId);
        Member owner = partition.getOwner();
        return owner != null && owner.localMember();
    }

    /** Removes this member's registrations (a graceful leave: the next owners register theirs), then stops checking. */
    @Override
    public void close() {
        try {
            grid.getPartitionService().removeMigrationListener(migrations);
            grid.getCluster().removeMembershipListener(membership);
        } catch (RuntimeException gridGone) {
            // the member is already down: nothing to unlisten
        }
        try {
            // Before the thread stops: the carriers' answers to the removals are handled on it.
            registering.stop().toCompletableFuture().get(LEAVE_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.info("leaving with registrations not yet removed: {}", e.toString());
        } finally {
            schedule.shutdownNow();
        }
    }
}
