package io.gridpbx.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void anIpv4NetworkContainsItsAddressesOnly() {
        Cidr net = Cidr.parse("192.0.2.0/24");
        assertThat(net.contains("192.0.2.1")).isTrue();
        assertThat(net.contains("192.0.2.255")).isTrue();
        assertThat(net.contains("192.0.3.1")).isFalse();
        assertThat(net.contains("2001:db8::1")).isFalse();
        assertThat(net.toString()).isEqualTo("192.0.2.0/24");
    }

    @Test
    void anAddressAloneIsAHostNetwork_andHostBitsAreMasked() {
        assertThat(Cidr.parse("10.1.2.3").toString()).isEqualTo("10.1.2.3/32");
        assertThat(Cidr.parse("10.1.2.3/8")).isEqualTo(Cidr.parse("10.0.0.0/8"));
        assertThat(Cidr.parse("10.1.2.3").contains("10.1.2.4")).isFalse();
    }

    @Test
    void ipv6NetworksWork() {
        Cidr net = Cidr.parse("2001:db8::/32");
        assertThat(net.contains("2001:db8:1::5")).isTrue();
        assertThat(net.contains("2001:db9::1")).isFalse();
    }

    @Test
    void namesAndBadPrefixesAreErrors_neverALookup() {
        for (String bad : List.of("pbx.example.com", "10.0.0.0/33", "10.0.0/8", "1.2.3.4/x", "", "10", "::1/129",
                "300.1.1.1")) {
            assertThatThrownBy(() -> Cidr.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anAllowListCoversItsNetworks() {
        AllowList list = AllowList.parse(List.of("127.0.0.1", "198.51.100.0/24", " "));
        assertThat(list.covers("127.0.0.1")).isTrue();
        assertThat(list.covers("198.51.100.77")).isTrue();
        assertThat(list.covers("127.0.0.2")).isFalse();
        assertThat(list.covers("not an address")).isFalse();
    }
}
