package io.gridpbx.core.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpbx.core.digest.DigestAlgorithm;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientTest {

    @Test
    void aClientMadeWithoutAMediaRelayPolicy_relaysWhenNat() {
        assertThat(new Client("office.demo.gridpbx.test", "Office", "demo.gridpbx.test", 5).mediaRelay())
                .isEqualTo(NatPolicy.WHEN_NAT);
        assertThat(new Client("office.demo.gridpbx.test", "Office", "demo.gridpbx.test", 5, null, "en").mediaRelay())
                .isEqualTo(NatPolicy.WHEN_NAT);
        assertThat(new Client("office.demo.gridpbx.test", "Office", "demo.gridpbx.test", 5, null, "en",
                List.of(DigestAlgorithm.SHA_256)).mediaRelay()).isEqualTo(NatPolicy.WHEN_NAT);
    }

    @Test
    void theMediaRelayPolicy_isKept_andPartOfEquality() {
        Client always = new Client("office.demo.gridpbx.test", "Office", "demo.gridpbx.test", 5, null, "en",
                List.of(), NatPolicy.ALWAYS);
        assertThat(always.mediaRelay()).isEqualTo(NatPolicy.ALWAYS);
        assertThat(always).isNotEqualTo(new Client("office.demo.gridpbx.test", "Office", "demo.gridpbx.test", 5,
                null, "en"));
    }

    @Test
    void aNullMediaRelayPolicy_isRefused() {
        assertThatThrownBy(() -> new Client("office.demo.gridpbx.test", "Office", "demo.gridpbx.test", 5, null, "en",
                List.of(), null)).isInstanceOf(NullPointerException.class).hasMessageContaining("mediaRelay");
    }
}
