package io.gridpbx.core.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RegistrationDropRuleTest {

    private static final Instant T0 = Instant.parse("2026-12-05T23:00:00Z");
    private final RegistrationDropRule rule = new RegistrationDropRule(30, Duration.ofMinutes(5), 20);

    @Test
    void aDropOfMoreThanThePercentWithinTheWindow_holds_untilTheCountIsBackWithinIt() {
        assertThat(rule.observe(T0, 1000)).isEmpty();
        assertThat(rule.observe(T0.plusSeconds(60), 800)).as("20 % is under 30 %").isEmpty();

        var drop = rule.observe(T0.plusSeconds(120), 690);
        assertThat(drop).hasValueSatisfying(c -> {
            assertThat(c.kind()).isEqualTo(AlertKind.REGISTRATION_DROP);
            assertThat(c.id()).isEqualTo("registration-drop:cluster");
            assertThat(c.figure()).isEqualTo(1000);
            assertThat(c.detail()).contains("from 1000 to 690");
        });
        assertThat(rule.observe(T0.plusSeconds(900), 690)).as("still down, long after the window").isPresent();
        assertThat(rule.observe(T0.plusSeconds(960), 700)).as("back to 70 %: the drop is no more than 30 %")
                .isEmpty();
    }

    @Test
    void aSlowDeclineSpreadOverMoreThanTheWindow_isNoDrop() {
        long count = 1000;
        for (int minute = 0; minute <= 30; minute++) {
            assertThat(rule.observe(T0.plusSeconds(60L * minute), count)).as("minute %d", minute).isEmpty();
            count -= 20;
        }
    }

    @Test
    void smallCounts_areNotJudged() {
        rule.observe(T0, 19);
        assertThat(rule.observe(T0.plusSeconds(1), 0)).isEmpty();
    }

    @Test
    void aResumedDrop_holdsAgainstTheCountItFellFrom() {
        rule.resume(1000);
        assertThat(rule.observe(T0, 600)).hasValueSatisfying(c -> assertThat(c.figure()).isEqualTo(1000));
        assertThat(rule.observe(T0.plusSeconds(1), 990)).isEmpty();
    }

    @Test
    void aPercentOutsideOneToHundred_isRefused() {
        assertThatThrownBy(() -> new RegistrationDropRule(0, Duration.ofMinutes(5), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
