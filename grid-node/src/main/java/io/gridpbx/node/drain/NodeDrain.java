package io.gridpbx.node.drain;

import io.gridpbx.core.dialog.DialogRegistry;
import io.gridpbx.sip.SipServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes this node out of service: out of DNS at once, no new calls or registrations, the calls it
 * set up allowed to finish until the deadline, then a clean leave. Started once; asking again
 * reports the drain in progress.
 */
public final class NodeDrain implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeDrain.class);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    /**
     * How long the node stays after its last call ended: the final BYE's 200 may be lost and the BYE
     * retransmitted (over UDP at 0.5, 1.5 and 3.5 s), and this node is the one in its Record-Route.
     */
    static final Duration LINGER = Duration.ofSeconds(4);

    /** Where a drain stands, for the API, the node status and the metrics. */
    public record State(boolean draining, @Nullable Instant startedAt, @Nullable Instant deadline, int callsSettingUp,
            int callsInProgress) {
    }

    private final SipServer sip;
    private final Runnable withdrawFromDns;
    private final DialogRegistry dialogs;
    private final String nodeId;
    private final Clock clock;
    private final Runnable leave;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean left = new AtomicBoolean();
    private volatile @Nullable Instant startedAt;
    private volatile @Nullable Instant deadline;
    private volatile @Nullable Instant idleSince;
    private volatile int lastSettingUp;
    private volatile int lastInProgress;

    /**
     * @param nodeId          this node's id, as its dialogs carry it
     * @param withdrawFromDns takes this node out of the DNS answers ({@code LiveNodes::withdraw})
     * @param leave           ends this node cleanly (closes the application, which leaves the cluster)
     */
    public NodeDrain(SipServer sip, Runnable withdrawFromDns, DialogRegistry dialogs, String nodeId,
            Clock clock, Runnable leave) {
        this(sip, withdrawFromDns, dialogs, nodeId, clock, leave, Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("gridpbx-drain").daemon().factory()));
    }

    NodeDrain(SipServer sip, Runnable withdrawFromDns, DialogRegistry dialogs, String nodeId, Clock clock, Runnable leave,
            ScheduledExecutorService timer) {
        this.sip = sip;
        this.withdrawFromDns = withdrawFromDns;
        this.timer = timer;
        this.dialogs = dialogs;
        this.nodeId = nodeId;
        this.clock = clock;
        this.leave = leave;
    }

    /** Starts draining with this deadline for the calls in progress; a second call changes nothing. */
    public synchronized State start(Duration allowed) {
        if (allowed.isNegative()) {
            throw new IllegalArgumentException("the deadline must not be negative: " + allowed);
        }
        if (startedAt == null) {
            Instant now = clock.instant();
            startedAt = now;
            deadline = now.plus(allowed);
            withdrawFromDns.run();
            sip.drain();
            LOG.info("draining: out of DNS, no new calls; calls in progress have until {} ({} s)", deadline,
                    allowed.toSeconds());
            timer.scheduleWithFixedDelay(this::check, 0, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
        return state();
    }

    /** Where the drain stands; while it runs, the calls are counted now (one grid query), not at the last check. */
    public State state() {
        if (startedAt == null) {
            return new State(false, null, null, 0, 0);
        }
        try {
            return new State(true, startedAt, deadline, sip.callsSettingUp(), dialogs.activeSetUpBy(nodeId));
        } catch (RuntimeException e) {
            return new State(true, startedAt, deadline, lastSettingUp, lastInProgress);
        }
    }

    public boolean draining() {
        return startedAt != null;
    }

    void check() {
        try {
            lastSettingUp = sip.callsSettingUp();
            lastInProgress = dialogs.activeSetUpBy(nodeId);
            Instant now = clock.instant();
            if (lastSettingUp + lastInProgress > 0) {
                idleSince = null;
                if (deadline != null && now.isAfter(deadline)) {
                    LOG.warn("drain deadline reached with {} call(s) in progress and {} setting up: leaving anyway",
                            lastInProgress, lastSettingUp);
                    leaveNow();
                }
                return;
            }
            Instant idle = idleSince;
            if (idle == null) {
                idleSince = now;
                LOG.info("drained: no call in progress; leaving the cluster in {} s", LINGER.toSeconds());
            } else if (!now.isBefore(idle.plus(LINGER))) {
                leaveNow();
            }
        } catch (RuntimeException e) {
            // The grid may be busy: the next check asks again, and the deadline still holds.
            LOG.debug("drain check failed: {}", e.toString());
        }
    }

    private void leaveNow() {
        if (!left.compareAndSet(false, true)) {
            return;
        }
        timer.shutdown();
        LOG.info("drain complete after {} s: leaving the cluster",
                Duration.between(startedAt == null ? clock.instant() : startedAt, clock.instant()).toSeconds());
        Thread.ofPlatform().name("gridpbx-leave").start(leave);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
