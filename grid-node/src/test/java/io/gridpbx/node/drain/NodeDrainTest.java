package io.gridpbx.node.drain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.dialog.DialogId;
import io.gridpbx.core.dialog.DialogRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NodeDrainTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    private final MutableClock clock = new MutableClock();
    private final CountingSipServer sip = new CountingSipServer();
    private final CountingDialogs dialogs = new CountingDialogs();
    private final AtomicInteger withdrawals = new AtomicInteger();
    private final CountDownLatch left = new CountDownLatch(1);
    private final AtomicInteger leaves = new AtomicInteger();
    // The test drives the checks itself: the drain's own timer never fires within a test.
    private final NeverFiring timer = new NeverFiring();
    private final NodeDrain drain = new NodeDrain(sip, withdrawals::incrementAndGet, dialogs, "10.0.0.1:5060", clock,
            () -> {
                leaves.incrementAndGet();
                left.countDown();
            }, timer);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void starting_withdrawsFromDnsAndStopsNewWork_once() {
        dialogs.count = 3;
        NodeDrain.State state = drain.start(Duration.ofMinutes(5));
        drain.start(Duration.ofSeconds(1));

        assertThat(withdrawals).hasValue(1);
        assertThat(sip.drains()).isEqualTo(1);
        assertThat(state.draining()).isTrue();
        assertThat(state.deadline()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(state.callsInProgress()).as("counted when asked").isEqualTo(3);
    }

    @Test
    void withCallsInProgress_itStays_andLeavesOnlyAfterTheLastEndedAndTheLingerPassed() throws Exception {
        dialogs.count = 2;
        sip.settingUp(1);
        drain.start(Duration.ofMinutes(5));
        drain.check();
        clock.advance(Duration.ofMinutes(1));
        drain.check();
        assertThat(leaves).hasValue(0);

        dialogs.count = 0;
        drain.check();
        assertThat(leaves).as("a call still setting up").hasValue(0);
        sip.settingUp(0);
        drain.check();
        clock.advance(NodeDrain.LINGER.minusMillis(1));
        drain.check();
        assertThat(leaves).as("lingering for a retransmitted BYE").hasValue(0);
        clock.advance(Duration.ofMillis(1));
        drain.check();
        assertThat(left.await(5, TimeUnit.SECONDS)).isTrue();
        drain.check();
        assertThat(leaves).hasValue(1);
    }

    @Test
    void atTheDeadline_itLeavesEvenWithCallsInProgress() throws Exception {
        dialogs.count = 4;
        drain.start(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        drain.check();
        assertThat(leaves).hasValue(0);
        clock.advance(Duration.ofMillis(1));
        drain.check();
        assertThat(left.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aNegativeDeadline_isRefused_andANodeNotDrainingReportsNothing() {
        assertThatThrownBy(() -> drain.start(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(drain.state()).isEqualTo(new NodeDrain.State(false, null, null, 0, 0));
        assertThat(withdrawals).hasValue(0);
    }

    private final class MutableClock extends Clock {
        private Instant now = T0;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final class CountingDialogs implements DialogRegistry {
        volatile int count;

        @Override
        public void started(Dialog dialog) {
        }

        @Override
        public void ended(DialogId id) {
        }

        @Override
        public void targetRefreshed(DialogId id, String senderTag, String senderContact, String responderContact) {
        }

        @Override
        public CompletionStage<Optional<Dialog>> find(DialogId id) {
            return java.util.concurrent.CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public int activeCount() {
            return count;
        }

        @Override
        public int activeSetUpBy(String nodeId) {
            return nodeId.equals("10.0.0.1:5060") ? count : 0;
        }

        @Override
        public List<Dialog> activeWithin(String domain) {
            return List.of();
        }
    }

    /** The drain's timer, with its periodic check postponed beyond any test. */
    private static final class NeverFiring extends java.util.concurrent.ScheduledThreadPoolExecutor {
        NeverFiring() {
            super(1);
        }

        @Override
        public java.util.concurrent.ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay,
                long delay, TimeUnit unit) {
            return super.scheduleWithFixedDelay(command, 1, 1, TimeUnit.HOURS);
        }
    }
}
