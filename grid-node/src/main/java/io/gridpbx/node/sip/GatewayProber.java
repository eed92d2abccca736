package io.gridpbx.node.sip;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.Partition;
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.GatewayProbing;
import io.gridpbx.core.trunking.TrunkingView;
import io.gridpbx.sip.SipServer;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes the gateways this member is in charge of, every interval: a gateway belongs to the member
 * that owns its id's partition, so each one is probed by exactly one member, and by another within a
 * round when that member dies (its partitions move).
 */
public final class GatewayProber implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayProber.class);

    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("gateway-prober").daemon().factory());

    private GatewayProber() {
    }

    /** Probes through this node's SIP stack. */
    public static GatewayProber start(HazelcastInstance grid, TrunkingView trunking, SipServer sip,
            GatewayProbing.HealthBoard board, java.time.Clock clock, Duration interval, Duration timeout) {
        return start(grid, trunking, gateway -> sip.probe(gateway, timeout), board, clock, interval, timeout);
    }

    /** @param probe sends OPTIONS to a gateway, completing with the answer's status (408: none within {@code timeout}) */
    public static GatewayProber start(HazelcastInstance grid, TrunkingView trunking,
            Function<Gateway, CompletionStage<Integer>> probe, GatewayProbing.HealthBoard board, java.time.Clock clock,
            Duration interval, Duration timeout) {
        GatewayProber prober = new GatewayProber();
        GatewayProbing probing = new GatewayProbing(probe, board, clock);
        prober.schedule.scheduleWithFixedDelay(() -> {
            try {
                // Waits for the round, so that a slow round never overlaps the next.
                probing.round(trunking.gateways(), id -> mine(grid, id)).toCompletableFuture()
                        .get(timeout.toMillis() + interval.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.debug("gateway probe round: {}", e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return prober;
    }

    private static boolean mine(HazelcastInstance grid, String gatewayId) {
        Partition partition = grid.getPartitionService().getPartition(gatewayId);
        Member owner = partition.getOwner();
        return owner != null && owner.localMember();
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
