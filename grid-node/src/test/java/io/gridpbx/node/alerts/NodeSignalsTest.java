package io.gridpbx.node.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.alerts.AlertKind;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The conditions each node decides about itself. */
class NodeSignalsTest {

    @Test
    void theBacklogHoldsOverItsThresholdOnly() {
        AtomicLong pending = new AtomicLong(10_000);
        BacklogSignal signal = new BacklogSignal("10.0.0.1:5701", pending::get, 10_000);
        assertThat(signal.conditions()).isEmpty();

        pending.set(10_001);
        assertThat(signal.conditions()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("write-behind-backlog:10.0.0.1:5701");
            assertThat(c.figure()).isEqualTo(10_001);
        });
    }

    @Test
    void theDatabaseIsUnreachable_afterTwoFailedChecksInARow_andReachableAgainAtTheFirstGoodOne() {
        AtomicBoolean reachable = new AtomicBoolean(false);
        DatabaseSignal signal = new DatabaseSignal("10.0.0.1:5701", reachable::get);

        assertThat(signal.conditions()).as("one failure may be a Galera node restarting").isEmpty();
        assertThat(signal.conditions()).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(AlertKind.DATABASE_UNREACHABLE));
        reachable.set(true);
        assertThat(signal.conditions()).isEmpty();
        reachable.set(false);
        assertThat(signal.conditions()).isEmpty();
    }
}
