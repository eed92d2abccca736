package io.gridpbx.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SipCountersTest {

    @Test
    void responses_areCountedByClass_andNonsenseStatusesAreIgnored() {
        SipCounters counters = new SipCounters();
        counters.response(100);
        counters.response(200);
        counters.response(202);
        counters.response(407);
        counters.response(699);
        counters.response(99);
        counters.response(700);
        assertThat(counters.responses(1)).isEqualTo(1);
        assertThat(counters.responses(2)).isEqualTo(2);
        assertThat(counters.responses(4)).isEqualTo(1);
        assertThat(counters.responses(6)).isEqualTo(1);
        assertThat(counters.responses(7)).isZero();
    }

    @Test
    void aDomainsCounters_countItsOwnTraffic_andItsFirstCountIsAnnouncedOnce() {
        SipCounters counters = new SipCounters();
        List<String> announced = new ArrayList<>();
        counters.onNewTenant(announced::add);
        counters.registration("a.example");
        counters.registration("a.example");
        counters.callForwarded("a.example");
        counters.callForwarded("b.example");
        assertThat(announced).containsExactly("a.example", "b.example");
        assertThat(counters.registrations("a.example")).isEqualTo(2);
        assertThat(counters.callsForwarded("a.example")).isEqualTo(1);
        assertThat(counters.callsForwarded("b.example")).isEqualTo(1);
        assertThat(counters.registrations()).isEqualTo(2);
        assertThat(counters.callsForwarded()).isEqualTo(2);
    }

    @Test
    void pastTheTenantCap_furtherDomainsCountInTheTotalsOnly() {
        SipCounters counters = new SipCounters();
        for (int i = 0; i < SipCounters.MAX_TENANTS; i++) {
            counters.callForwarded("d" + i + ".example");
        }
        counters.callForwarded("one-too-many.example");
        assertThat(counters.tenants()).hasSize(SipCounters.MAX_TENANTS).doesNotContain("one-too-many.example");
        assertThat(counters.callsForwarded()).isEqualTo(SipCounters.MAX_TENANTS + 1);
    }
}
