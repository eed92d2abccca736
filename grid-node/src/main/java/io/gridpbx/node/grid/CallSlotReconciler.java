package io.gridpbx.node.grid;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link HazelcastCallSlots#reconcile} on this member every {@code every}, and soon after a member
 * leaves (once its partitions have moved), so that the slots of the calls a dead member carried come
 * back within seconds and no slot leaks past a round.
 */
public final class CallSlotReconciler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallSlotReconciler.class);
    /** How long a call may set up (ring) with no dialog before its slots count as leaked: Timer C's 3 minutes. */
    public static final Duration SETUP = Duration.ofMinutes(3);
    private static final Duration AFTER_MEMBER_LEFT = Duration.ofSeconds(2);

    private final HazelcastInstance grid;
    private final HazelcastCallSlots slots;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("call-slot-reconciler").daemon().factory());
    private final UUID membership;

    private CallSlotReconciler(HazelcastInstance grid, HazelcastCallSlots slots) {
        this.grid = grid;
        this.slots = slots;
        this.membership = grid.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                schedule.schedule(CallSlotReconciler.this::reconcile, AFTER_MEMBER_LEFT.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    public static CallSlotReconciler start(HazelcastInstance grid, HazelcastCallSlots slots, Duration every) {
        CallSlotReconciler reconciler = new CallSlotReconciler(grid, slots);
        reconciler.schedule.scheduleWithFixedDelay(reconciler::reconcile, every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
        return reconciler;
    }

    private void reconcile() {
        try {
            int released = slots.reconcile(SETUP);
            if (released > 0) {
                LOG.info("gave back the call slots of {} calls that no longer run", released);
            }
        } catch (RuntimeException e) {
            LOG.debug("call slot reconciliation: {}", e.toString());
        }
    }

    @Override
    public void close() {
        schedule.shutdownNow();
        try {
            grid.getCluster().removeMembershipListener(membership);
        } catch (RuntimeException stopping) {
            LOG.debug("call slot reconciler: {}", stopping.toString());
        }
    }
}
