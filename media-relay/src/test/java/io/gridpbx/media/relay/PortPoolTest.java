package io.gridpbx.media.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PortPoolTest {

    @Test
    void slotsStartOnEvenPorts_evenWhenTheRangeStartsOdd() {
        PortPool pool = new PortPool(PortRange.parse("30001-30008"));
        assertThat(pool.capacity()).isEqualTo(3); // 30002/3, 30004/5, 30006/7
        assertThat(pool.reserve(2)).isEqualTo(30002);
        assertThat(pool.reserve(2)).isEqualTo(30004);
        assertThat(pool.reserve(2)).isEqualTo(30006);
    }

    @Test
    void aRangeWithoutAPair_isRefused() {
        assertThatThrownBy(() -> new PortPool(PortRange.parse("30001-30002")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runsDry_thenRecoversWhenAPortIsReleased() {
        PortPool pool = new PortPool(PortRange.parse("30000-30003"));
        int first = pool.reserve(2);
        int second = pool.reserve(1);
        assertThat(pool.reserve(2)).isEqualTo(-1);
        assertThat(pool.portsInUse()).isEqualTo(3);

        pool.release(first);
        assertThat(pool.portsInUse()).isEqualTo(1);
        assertThat(pool.reserve(2)).isEqualTo(first);
        assertThat(second).isEqualTo(30002);
    }

    @Test
    void releasedSlots_restWhileOthersAreFree() {
        PortPool pool = new PortPool(PortRange.parse("30000-30009"));
        int first = pool.reserve(2);
        pool.release(first);
        // Round-robin: the next call gets the next slot, not the one just freed.
        assertThat(pool.reserve(2)).isEqualTo(first + 2);
    }

    @Test
    void releasingTwice_doesNotCountPortsTwice() {
        PortPool pool = new PortPool(PortRange.parse("30000-30009"));
        int port = pool.reserve(2);
        pool.release(port);
        pool.release(port);
        assertThat(pool.portsInUse()).isZero();
    }

    @Test
    void releasingAPortOutsideTheRange_isABug() {
        PortPool pool = new PortPool(PortRange.parse("30000-30009"));
        assertThatThrownBy(() -> pool.release(30001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pool.release(31000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void portRange_parsesAndRefusesNonsense() {
        assertThat(PortRange.parse("30000 - 40000")).isEqualTo(new PortRange(30000, 40000));
        assertThatThrownBy(() -> PortRange.parse("40000-30000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PortRange.parse("30000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PortRange.parse("a-b")).isInstanceOf(IllegalArgumentException.class);
    }
}
