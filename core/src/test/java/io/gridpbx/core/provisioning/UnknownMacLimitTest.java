package io.gridpbx.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UnknownMacLimitTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final UnknownMacLimit limit = new UnknownMacLimit(3, Duration.ofMinutes(1), clock);

    @Test
    void aSourceIsLimitedAfterItsMisses_untilTheWindowEnds() {
        limit.miss("192.0.2.1");
        limit.miss("192.0.2.1");
        assertThat(limit.limited("192.0.2.1")).isFalse();

        limit.miss("192.0.2.1");
        assertThat(limit.limited("192.0.2.1")).isTrue();
        assertThat(limit.limited("192.0.2.2")).as("another source").isFalse();

        clock.advance(Duration.ofMinutes(1));
        assertThat(limit.limited("192.0.2.1")).isFalse();
    }

    @Test
    void missesOfAnEndedWindow_doNotCountInTheNext() {
        limit.miss("192.0.2.1");
        limit.miss("192.0.2.1");
        clock.advance(Duration.ofSeconds(61));
        limit.miss("192.0.2.1");

        assertThat(limit.limited("192.0.2.1")).isFalse();
    }
}
