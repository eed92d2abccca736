package io.gridpbx.media.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MediaRelayConfigTest {

    @Test
    void defaults_learnForThreeSecondsOnEthernetSizedDatagrams() {
        MediaRelayConfig config = MediaRelayConfig.of("0.0.0.0", "203.0.113.1", "30000-40000");
        assertThat(config.ports()).isEqualTo(new PortRange(30000, 40000));
        assertThat(config.latchWindow()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.latchMode()).isEqualTo(LatchMode.LEARN);
        assertThat(config.maxDatagramSize()).isEqualTo(1500);
        assertThat(config.nativeTransport()).isTrue();
    }

    @Test
    void aWildcardAdvertisedHost_isRefused_sincePeersCannotSendToIt() {
        assertThatThrownBy(() -> MediaRelayConfig.of("0.0.0.0", "0.0.0.0", "30000-40000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("advertisedHost");
    }

    @Test
    void nonsense_isRefused() {
        MediaRelayConfig config = MediaRelayConfig.of("127.0.0.1", "127.0.0.1", "30000-30009");
        assertThatThrownBy(() -> config.withLatchWindow(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.withMaxDatagramSize(11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.withIoThreads(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLegNeedsATag() {
        assertThatThrownBy(() -> LegSpec.pair(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
