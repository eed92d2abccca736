package io.gridpbx.core.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RouteSealTest {

    private final RouteSeal seal = new RouteSeal("the cluster's record-route key".getBytes(StandardCharsets.UTF_8));

    @Test
    void seal_verifiesOnlyForTheSameHostCallAndCallerTag() {
        String given = seal.seal("10.0.0.1:5060", "call-1", "tag-a");

        assertThat(seal.verifies(given, "10.0.0.1:5060", "call-1", "tag-a")).isTrue();
        assertThat(seal.verifies(given, "10.0.0.2:5060", "call-1", "tag-a")).isFalse();
        assertThat(seal.verifies(given, "10.0.0.1:5060", "call-2", "tag-a")).isFalse();
        assertThat(seal.verifies(given, "10.0.0.1:5060", "call-1", "tag-b")).isFalse();
    }

    @Test
    void anotherClustersKey_orGarbage_doesNotVerify() {
        RouteSeal other = new RouteSeal("another cluster's key, same size".getBytes(StandardCharsets.UTF_8));
        String given = other.seal("10.0.0.1:5060", "call-1", "tag-a");

        assertThat(seal.verifies(given, "10.0.0.1:5060", "call-1", "tag-a")).isFalse();
        assertThat(seal.verifies("not base64 !", "10.0.0.1:5060", "call-1", "tag-a")).isFalse();
        assertThat(seal.verifies("", "10.0.0.1:5060", "call-1", "tag-a")).isFalse();
    }

    /** Lengths are sealed too: moving characters between Call-ID and tag gives another seal. */
    @Test
    void shiftingCharactersBetweenFields_changesTheSeal() {
        assertThat(seal.seal("h:1", "ab", "c")).isNotEqualTo(seal.seal("h:1", "a", "bc"));
    }

    @Test
    void aShortKey_isRefused() {
        assertThatThrownBy(() -> new RouteSeal(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }
}
