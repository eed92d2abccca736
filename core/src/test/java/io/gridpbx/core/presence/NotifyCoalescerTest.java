package io.gridpbx.core.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NotifyCoalescerTest {

    private final ManualScheduler timer = new ManualScheduler();
    private final NotifyCoalescer coalescer = new NotifyCoalescer(timer);

    @Test
    void manySubmitsWithinTheWindow_runTheRoundOnce() {
        AtomicInteger rounds = new AtomicInteger();

        for (int i = 0; i < 5; i++) {
            coalescer.submit("200@office|presence", rounds::incrementAndGet);
        }

        assertThat(timer.pending()).isEqualTo(1);
        assertThat(timer.delaysMillis()).containsExactly(NotifyCoalescer.WINDOW_MILLIS);
        assertThat(rounds).hasValue(0);
        timer.runAll();
        assertThat(rounds).hasValue(1);
    }

    @Test
    void submitAfterTheRoundRan_schedulesAnother() {
        AtomicInteger rounds = new AtomicInteger();
        coalescer.submit("k", rounds::incrementAndGet);
        timer.runAll();

        coalescer.submit("k", rounds::incrementAndGet);

        assertThat(timer.pending()).isEqualTo(1);
        timer.runAll();
        assertThat(rounds).hasValue(2);
    }

    @Test
    void submitDuringTheRound_schedulesTheNextSoTheLastStateIsSent() {
        AtomicInteger rounds = new AtomicInteger();
        Runnable round = new Runnable() {
            @Override
            public void run() {
                if (rounds.incrementAndGet() == 1) {
                    coalescer.submit("k", this); // a change while the first round reads the state
                }
            }
        };
        coalescer.submit("k", round);

        assertThat(timer.runAll()).isEqualTo(2);
        assertThat(rounds).hasValue(2);
    }

    @Test
    void differentKeys_haveTheirOwnRounds() {
        AtomicInteger presence = new AtomicInteger();
        AtomicInteger dialog = new AtomicInteger();

        coalescer.submit("200|presence", presence::incrementAndGet);
        coalescer.submit("200|dialog", dialog::incrementAndGet);
        coalescer.submit("200|presence", presence::incrementAndGet);
        timer.runAll();

        assertThat(presence).hasValue(1);
        assertThat(dialog).hasValue(1);
    }

    @Test
    void windowGiven_isTheDelay() {
        new NotifyCoalescer(timer, 0).submit("k", () -> { });

        assertThat(timer.delaysMillis()).containsExactly(0L);
    }
}
