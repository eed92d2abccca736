package io.gridpbx.node.alerts;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.gridpbx.core.alerts.Alert;
import io.gridpbx.core.alerts.AlertBoard;
import io.gridpbx.core.alerts.AlertKind;
import io.gridpbx.core.alerts.AlertSignal;
import io.gridpbx.core.alerts.AlertTransitions;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the alert signals on a timer and on membership changes. Cluster-wide signals are asked by
 * the oldest member only (the first of the member list, the same on every member); a member that
 * becomes the oldest resumes from the alerts already raised. Each node asks its own signals about
 * itself on a second thread (a database check may wait seconds). Every raise and clear goes through the
 * board's atomic operations and is delivered by the member whose call made it.
 */
final class AlertEvaluator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluator.class);

    private final HazelcastInstance grid;
    private final AlertBoard board;
    private final MemberRoster roster;
    private final List<AlertSignal> clusterSignals;
    private final List<AlertSignal> nodeSignals;
    private final AlertDelivery delivery;
    private final Clock clock;
    private final String self;
    private final ScheduledExecutorService clusterTimer = timer("alerts-cluster");
    private final ScheduledExecutorService nodeTimer = timer("alerts-node");
    private final Map<AlertSignal, String> lastFailure = new ConcurrentHashMap<>();
    private final UUID membershipRegistration;
    private boolean evaluating;

    /**
     * @param signals every signal besides the roster (which this evaluator always asks), cluster- and node-scoped
     */
    AlertEvaluator(HazelcastInstance grid, AlertBoard board, MemberRoster roster, List<AlertSignal> signals,
            AlertDelivery delivery, Clock clock, Duration interval) {
        this.grid = grid;
        this.board = board;
        this.roster = roster;
        this.clusterSignals = new java.util.ArrayList<>(List.of(roster));
        this.nodeSignals = new java.util.ArrayList<>();
        for (AlertSignal signal : signals) {
            (scope(signal) == AlertKind.Scope.CLUSTER ? clusterSignals : nodeSignals).add(signal);
        }
        this.delivery = delivery;
        this.clock = clock;
        this.self = roster.self();
        roster.join();
        this.membershipRegistration = grid.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                evaluateClusterSoon();
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                evaluateClusterSoon();
            }
        });
        long every = interval.toMillis();
        clusterTimer.scheduleWithFixedDelay(this::evaluateCluster, every, every, TimeUnit.MILLISECONDS);
        nodeTimer.scheduleWithFixedDelay(this::evaluateNode, every, every, TimeUnit.MILLISECONDS);
    }

    private static AlertKind.Scope scope(AlertSignal signal) {
        Iterator<AlertKind> kinds = signal.kinds().iterator();
        AlertKind.Scope scope = kinds.next().scope();
        kinds.forEachRemaining(kind -> {
            if (kind.scope() != scope) {
                throw new IllegalArgumentException("a signal decides kinds of one scope: " + signal.kinds());
            }
        });
        return scope;
    }

    private void evaluateClusterSoon() {
        try {
            clusterTimer.execute(this::evaluateCluster);
        } catch (RejectedExecutionException stopping) {
            // closed: nothing left to evaluate
        }
    }

    /** Runs on the cluster thread (tests may call it too): the oldest member asks the cluster-wide signals. */
    synchronized void evaluateCluster() {
        try {
            if (!isOldest()) {
                evaluating = false;
                return;
            }
            if (!evaluating) {
                LOG.info("this member is the oldest: it evaluates the cluster's alerts");
                List<Alert> active = board.active();
                clusterSignals.forEach(signal -> signal.resume(active.stream()
                        .filter(alert -> signal.kinds().contains(alert.kind())).toList()));
                evaluating = true;
            }
            clusterSignals.forEach(signal -> apply(signal, alert -> true));
            clearForgottenNodes();
        } catch (RuntimeException e) {
            // The member is stopping, or a split: the next round tries again.
            LOG.debug("cluster alerts not evaluated: {}", e.toString());
        }
    }

    /** Runs on the node thread: this node's own conditions, with this node as subject. */
    void evaluateNode() {
        synchronized (nodeSignals) {
            evaluateOwnSignals();
        }
    }

    private void evaluateOwnSignals() {
        try {
            roster.join();
            nodeSignals.forEach(signal -> apply(signal, alert -> alert.subject().equals(self)));
        } catch (RuntimeException e) {
            LOG.debug("node alerts not evaluated: {}", e.toString());
        }
    }

    /**
     * A node's own alerts (its backlog, its database) can only be cleared by that node; once an operator
     * forgot it, it will not, so the evaluator clears them.
     */
    private void clearForgottenNodes() {
        for (Alert alert : board.active()) {
            if (alert.kind().scope() == AlertKind.Scope.NODE && !roster.knows(alert.subject())) {
                clear(alert.id());
            }
        }
    }

    private boolean isOldest() {
        Member oldest = grid.getCluster().getMembers().iterator().next();
        return oldest.localMember();
    }

    private void apply(AlertSignal signal, Predicate<Alert> mine) {
        AlertTransitions transitions;
        try {
            transitions = AlertTransitions.between(signal.kinds(), mine, signal.conditions(), board.active());
            if (lastFailure.remove(signal) != null) {
                LOG.info("alerts of {} evaluated again", signal.kinds());
            }
        } catch (RuntimeException e) {
            // Unknown now: neither raise nor clear. Logged once per different failure.
            if (!e.toString().equals(lastFailure.put(signal, e.toString()))) {
                LOG.warn("cannot evaluate alerts of {}: {}", signal.kinds(), e.toString());
            }
            return;
        }
        for (var condition : transitions.raise()) {
            board.raise(condition, clock.instant(), self).ifPresent(alert -> {
                LOG.warn("ALERT raised: {} {} ({})", alert.kind().key(), alert.subject(), alert.detail());
                delivery.deliver(AlertEvent.raised(alert));
            });
        }
        transitions.clear().forEach(this::clear);
    }

    private void clear(String id) {
        board.clear(id, clock.instant(), self).ifPresent(alert -> {
            LOG.info("ALERT cleared: {} {} (raised {} by {})", alert.kind().key(), alert.subject(),
                    alert.raisedAt(), alert.raisedBy());
            delivery.deliver(AlertEvent.cleared(alert));
        });
    }

    private static ScheduledExecutorService timer(String name) {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).daemon().factory());
    }

    /** Stops evaluating; a planned stop takes this member off the roster, so no "node left" follows it. */
    @Override
    public void close() {
        clusterTimer.shutdownNow();
        nodeTimer.shutdownNow();
        try {
            clusterTimer.awaitTermination(5, TimeUnit.SECONDS);
            nodeTimer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            grid.getCluster().removeMembershipListener(membershipRegistration);
            roster.leave();
        } catch (RuntimeException e) {
            LOG.debug("not taken off the alert roster: {}", e.toString());
        }
    }
}
