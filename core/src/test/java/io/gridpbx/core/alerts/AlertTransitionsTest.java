package io.gridpbx.core.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertTransitionsTest {

    private static final Instant AT = Instant.parse("2026-12-05T23:00:00Z");

    @Test
    void newConditionsAreRaised_endedOnesCleared_andAlertsOfOtherKindsOrSubjectsLeftAlone() {
        Condition stillDown = new Condition(AlertKind.NODE_LEFT, "127.0.0.2:5701", "gone", 0);
        Condition newlyDown = new Condition(AlertKind.NODE_LEFT, "127.0.0.3:5701", "gone", 0);
        List<Alert> active = List.of(
                Alert.raise(stillDown, AT, "n1"),
                Alert.raise(new Condition(AlertKind.NODE_LEFT, "127.0.0.4:5701", "gone", 0), AT, "n1"),
                Alert.raise(new Condition(AlertKind.REGISTRATION_DROP, "cluster", "drop", 10), AT, "n1"));

        AlertTransitions plan = AlertTransitions.between(Set.of(AlertKind.NODE_LEFT), alert -> true,
                List.of(stillDown, newlyDown), active);

        assertThat(plan.raise()).containsExactly(newlyDown);
        assertThat(plan.clear()).containsExactly("node-left:127.0.0.4:5701");
    }

    @Test
    void aNodeClearsOnlyItsOwnAlerts() {
        List<Alert> active = List.of(
                Alert.raise(new Condition(AlertKind.WRITE_BEHIND_BACKLOG, "node1", "b", 1), AT, "node1"),
                Alert.raise(new Condition(AlertKind.WRITE_BEHIND_BACKLOG, "node2", "b", 1), AT, "node2"));

        AlertTransitions plan = AlertTransitions.between(Set.of(AlertKind.WRITE_BEHIND_BACKLOG),
                alert -> alert.subject().equals("node2"), List.of(), active);

        assertThat(plan.clear()).containsExactly("write-behind-backlog:node2");
        assertThat(plan.raise()).isEmpty();
        assertThat(AlertTransitions.between(Set.of(AlertKind.WRITE_BEHIND_BACKLOG), a -> true, List.of(),
                List.of()).isEmpty()).isTrue();
    }

    @Test
    void aSignalReportingAKindItDoesNotDecide_isAnError() {
        assertThatThrownBy(() -> AlertTransitions.between(Set.of(AlertKind.NODE_LEFT), a -> true,
                List.of(new Condition(AlertKind.GATEWAY_DOWN, "gw1", "down", 0)), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void kindsHaveStableKeys() {
        assertThat(AlertKind.WRITE_BEHIND_BACKLOG.key()).isEqualTo("write-behind-backlog");
        assertThat(AlertKind.ofKey("node-left")).isEqualTo(AlertKind.NODE_LEFT);
    }
}
