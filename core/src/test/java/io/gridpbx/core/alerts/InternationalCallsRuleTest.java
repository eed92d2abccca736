package io.gridpbx.core.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.location.AddressOfRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InternationalCallsRuleTest {

    private final InternationalCallsRule rule = new InternationalCallsRule(3, List.of("+", "00"));

    @Test
    void aClientOverTheLimit_isRaised_othersAndNationalCallsAreNot() {
        List<Cdr> lastHour = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            lastHour.add(cdr("acme.demo.gridpbx.test", i % 2 == 0 ? "+2693" + i : "002693" + i));
        }
        lastHour.add(cdr("office.demo.gridpbx.test", "+33123456789"));
        for (int i = 0; i < 10; i++) {
            lastHour.add(cdr("office.demo.gridpbx.test", "0123456789"));
            lastHour.add(cdr("office.demo.gridpbx.test", "201"));
        }

        assertThat(rule.conditions(lastHour)).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("international-calls:acme.demo.gridpbx.test");
            assertThat(c.figure()).isEqualTo(4);
        });
    }

    @Test
    void aBarePrefix_isNoInternationalNumber_andZeroTurnsTheRuleOff() {
        assertThat(rule.isInternational(cdr("acme.demo.gridpbx.test", "00"))).isFalse();
        InternationalCallsRule off = new InternationalCallsRule(0, List.of("+"));
        assertThat(off.conditions(List.of(cdr("a.b.c", "+1"), cdr("a.b.c", "+2")))).isEmpty();
    }

    private static Cdr cdr(String domain, String dialled) {
        return new Cdr("call-" + dialled + System.nanoTime(), domain, new AddressOfRecord("200", domain),
                new AddressOfRecord(dialled, domain), 0, 0, 1000, "ANSWERED", "node1");
    }
}
