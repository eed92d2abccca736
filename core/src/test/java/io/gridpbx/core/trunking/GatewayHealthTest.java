package io.gridpbx.core.trunking;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.trunking.GatewayHealth.State;
import org.junit.jupiter.api.Test;

class GatewayHealthTest {

    @Test
    void twoSilentProbesTakeAGatewayDown_twoAnswersBringItBack_oneLuckyAnswerDoesNot() {
        GatewayHealth health = GatewayHealth.unknown("a", 0);
        assertThat(health.takesCalls()).as("a new gateway takes calls at once").isTrue();

        health = health.after(408, 1);
        assertThat(health.state()).isEqualTo(State.UP);
        health = health.after(503, 2);
        assertThat(health.state()).isEqualTo(State.DOWN);
        assertThat(health.sinceMillis()).isEqualTo(2);
        assertThat(health.takesCalls()).isFalse();

        health = health.after(200, 3);
        assertThat(health.state()).isEqualTo(State.RECOVERING);
        assertThat(health.takesCalls()).isFalse();
        health = health.after(408, 4);
        assertThat(health.state()).as("a flapping carrier falls back at once").isEqualTo(State.DOWN);

        health = health.after(404, 5).after(200, 6);
        assertThat(health.state()).as("any answer below 500 means it lives").isEqualTo(State.UP);
        assertThat(health.sinceMillis()).isEqualTo(6);
    }

    @Test
    void aSteadyGateway_stopsChangingAfterAFewProbes_soItsProbesWriteNothing() {
        GatewayHealth health = GatewayHealth.unknown("a", 0);
        for (int i = 0; i < 50; i++) {
            health = health.after(200, i);
        }
        assertThat(health.after(200, 51)).isEqualTo(health);
    }
}
