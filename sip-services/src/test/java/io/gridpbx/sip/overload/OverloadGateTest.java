package io.gridpbx.sip.overload;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The shedding rule on its own: queue delays in, admit or shed out, time from a clock the test moves. */
class OverloadGateTest {

    /** Target 50 ms, interval 100 ms, critical 150 ms. */
    private static final OverloadSettings SETTINGS = OverloadSettings.of(Duration.ofMillis(50), Duration.ofSeconds(2));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
    private final OverloadGate gate = new OverloadGate(SETTINGS, clock);

    @Test
    void delaysUnderTheTarget_admitEverything() {
        for (int i = 0; i < 1000; i++) {
            assertThat(gate.admits(Urgency.NEW, 50)).isTrue();
            clock.advance(Duration.ofMillis(1));
        }
        assertThat(gate.overloaded()).isFalse();
    }

    @Test
    void aBurstShorterThanTheInterval_isAbsorbed_notShed() {
        assertThat(gate.admits(Urgency.NEW, 200)).isTrue();
        clock.advance(Duration.ofMillis(99));
        assertThat(gate.admits(Urgency.NEW, 200)).isTrue();
        assertThat(gate.overloaded()).isFalse();
    }

    @Test
    void delayAboveTheTargetForTheWholeInterval_shedsNewRequests() {
        gate.admits(Urgency.NEW, 80);
        clock.advance(Duration.ofMillis(100));

        assertThat(gate.admits(Urgency.NEW, 80)).isFalse();
        assertThat(gate.overloaded()).isTrue();
    }

    @Test
    void whileOverloaded_followUpsPassUntilTheDelayIsCritical() {
        gate.admits(Urgency.NEW, 80);
        clock.advance(Duration.ofMillis(150));

        assertThat(gate.admits(Urgency.NEW, 120)).isFalse();
        assertThat(gate.admits(Urgency.FOLLOW_UP, 120)).isTrue();
        assertThat(gate.admits(Urgency.FOLLOW_UP, 150)).isTrue();
        assertThat(gate.admits(Urgency.FOLLOW_UP, 151)).isFalse();
    }

    @Test
    void essentialRequests_areNeverShed() {
        gate.admits(Urgency.NEW, 80);
        clock.advance(Duration.ofSeconds(10));

        assertThat(gate.admits(Urgency.ESSENTIAL, 5_000)).isTrue();
        assertThat(gate.overloaded()).isTrue();
    }

    @Test
    void oneDelayUnderTheTarget_endsTheEpisode_andANewOneWaitsItsOwnInterval() {
        gate.admits(Urgency.NEW, 80);
        clock.advance(Duration.ofMillis(100));
        assertThat(gate.admits(Urgency.NEW, 80)).isFalse();

        assertThat(gate.admits(Urgency.NEW, 10)).isTrue();
        assertThat(gate.overloaded()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(gate.admits(Urgency.NEW, 80)).isTrue();
        clock.advance(Duration.ofMillis(99));
        assertThat(gate.admits(Urgency.NEW, 80)).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(gate.admits(Urgency.NEW, 80)).isFalse();
    }

    @Test
    void essentialRequests_stillFeedTheMeasurement() {
        gate.admits(Urgency.ESSENTIAL, 80);
        clock.advance(Duration.ofMillis(100));

        assertThat(gate.admits(Urgency.NEW, 80)).isFalse();
    }

    @Test
    void aZeroTarget_turnsSheddingOff() {
        OverloadGate off = new OverloadGate(OverloadSettings.of(Duration.ZERO, Duration.ofSeconds(2)), clock);
        off.admits(Urgency.NEW, 10_000);
        clock.advance(Duration.ofSeconds(10));

        assertThat(off.admits(Urgency.NEW, 10_000)).isTrue();
    }

    @Test
    void settingsWithACriticalDelayUnderTheTarget_areRefused() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new OverloadSettings(
                Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofSeconds(1)));
    }
}
