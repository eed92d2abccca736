package io.gridpbx.node.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.MutableClock;
import io.gridpbx.core.alerts.AlertKind;
import io.gridpbx.core.alerts.Condition;
import io.gridpbx.core.alerts.InMemoryAlertBoard;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertMetricsTest {

    @Test
    void everyKindHasAGauge_countingItsActiveAlerts_readAtMostOnceASecond() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-05T23:00:00Z"));
        InMemoryAlertBoard board = new InMemoryAlertBoard();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AlertMetrics.register(registry, board, clock);
        board.raise(new Condition(AlertKind.NODE_LEFT, "10.0.0.2:5701", "left", 1), clock.instant(), "n1");
        board.raise(new Condition(AlertKind.NODE_LEFT, "10.0.0.3:5701", "left", 1), clock.instant(), "n1");

        assertThat(gauge(registry, "node-left")).isEqualTo(2);
        assertThat(gauge(registry, "registration-drop")).isZero();

        board.clear("node-left:10.0.0.2:5701", clock.instant(), "n1");
        assertThat(gauge(registry, "node-left")).as("within the second").isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        assertThat(gauge(registry, "node-left")).isEqualTo(1);
        assertThat(registry.find("gridpbx.alerts.active").gauges()).hasSize(AlertKind.values().length);
    }

    private static double gauge(SimpleMeterRegistry registry, String alert) {
        return registry.get("gridpbx.alerts.active").tag("alert", alert).gauge().value();
    }
}
