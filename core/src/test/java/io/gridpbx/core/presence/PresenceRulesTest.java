package io.gridpbx.core.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.presence.PresenceRules.Decision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may watch a user: its colleagues unless blocked, outsiders when allowed, itself always. */
class PresenceRulesTest {

    private static final AddressOfRecord ALICE = new AddressOfRecord("200", "office.demo.gridpbx.test");
    private static final AddressOfRecord BOB = new AddressOfRecord("201", "office.demo.gridpbx.test");
    private static final AddressOfRecord ACME = new AddressOfRecord("300", "acme.demo.gridpbx.test");

    @Test
    void noRules_colleaguesWatch_outsidersDoNot() {
        assertThat(PresenceRules.NONE.decide(BOB, ALICE)).isEqualTo(Decision.ALLOWED);
        assertThat(PresenceRules.NONE.decide(ACME, ALICE)).isEqualTo(Decision.NOT_ALLOWED);
        assertThat(PresenceRules.NONE.decide(ALICE, ALICE)).isEqualTo(Decision.ALLOWED);
    }

    @Test
    void blockedColleague_isBlocked_andUnblockedAgain() {
        PresenceRules rules = PresenceRules.NONE.block(BOB);

        assertThat(rules.decide(BOB, ALICE)).isEqualTo(Decision.BLOCKED);
        assertThat(rules.unblock(BOB).decide(BOB, ALICE)).isEqualTo(Decision.ALLOWED);
    }

    @Test
    void allowedOutsider_isAllowed_untilDisallowed() {
        PresenceRules rules = PresenceRules.NONE.allow(ACME);

        assertThat(rules.decide(ACME, ALICE)).isEqualTo(Decision.ALLOWED);
        assertThat(rules.disallow(ACME).decide(ACME, ALICE)).isEqualTo(Decision.NOT_ALLOWED);
    }

    @Test
    void aUserCannotBlockItself() {
        assertThat(PresenceRules.NONE.block(ALICE).decide(ALICE, ALICE)).isEqualTo(Decision.ALLOWED);
    }

    @Test
    void addresses_areSortedWithoutRepeats_andTheRulesAreValues() {
        PresenceRules rules = PresenceRules.of(List.of(BOB, ALICE, BOB), List.of());

        assertThat(rules.blocked()).containsExactly(ALICE, BOB);
        assertThat(rules).isEqualTo(PresenceRules.NONE.block(ALICE).block(BOB));
    }

    @Test
    void moreThanTheMostAddresses_isRefused() {
        List<AddressOfRecord> many = new ArrayList<>();
        for (int i = 0; i <= PresenceRules.MAX_ENTRIES; i++) {
            many.add(new AddressOfRecord("u" + i, "acme.demo.gridpbx.test"));
        }

        assertThatThrownBy(() -> PresenceRules.of(List.of(), many)).isInstanceOf(IllegalArgumentException.class);
    }
}
