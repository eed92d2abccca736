package io.gridpbx.core.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.location.AddressOfRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialogTest {

    private final Dialog dialog = new Dialog(new DialogId("c1", "caller", "callee"),
            new AddressOfRecord("200", "office.test"), new AddressOfRecord("201", "office.test"), 0, "n1",
            new DialogTarget("sip:200@10.0.0.1", List.of()), new DialogTarget("sip:201@10.0.0.2", List.of("sip:sbc;lr")));

    @Test
    void peerOf_eachPartyReachesOnlyTheOther() {
        assertThat(dialog.peerOf("caller")).contains(dialog.calleeTarget());
        assertThat(dialog.peerOf("callee")).contains(dialog.callerTarget());
        assertThat(dialog.peerOf("someone-else")).isEmpty();
    }

    @Test
    void peerOf_aDialogWithoutTargets_letsNothingThrough() {
        Dialog bare = new Dialog(dialog.id(), dialog.caller(), dialog.callee(), 0, "n1");

        assertThat(bare.peerOf("caller")).isEmpty();
        assertThat(bare.refreshed("caller", "sip:200@10.0.0.9", "")).isEqualTo(bare);
    }

    @Test
    void refreshed_byTheCallee_movesBothTargetsAndKeepsRoutes() {
        Dialog refreshed = dialog.refreshed("callee", "sip:201@10.0.0.7", "sip:200@10.0.0.8");

        assertThat(refreshed.calleeTarget()).isEqualTo(new DialogTarget("sip:201@10.0.0.7", List.of("sip:sbc;lr")));
        assertThat(refreshed.callerTarget()).isEqualTo(new DialogTarget("sip:200@10.0.0.8", List.of()));
    }

    @Test
    void refreshed_withoutNewContacts_orByAStranger_changesNothing() {
        assertThat(dialog.refreshed("caller", "", "")).isEqualTo(dialog);
        assertThat(dialog.refreshed("stranger", "sip:evil@10.6.6.6", "sip:evil@10.6.6.6")).isEqualTo(dialog);
    }

    @Test
    void aCallItsFundsEnded_isRecordedAsEndingWhereTheyRanOut_notWhenItsByeCame() {
        CallFacts facts = new CallFacts(Direction.OUTBOUND, "5145551234", "15145551234", "gw", 9_000, "office.test",
                java.util.List.of());
        Dialog funded = dialog.withFacts(facts, dialog.startedAtMillis() + 36_000);
        Cdr cut = Cdr.answered(funded, dialog.startedAtMillis() + 36_004, "n1", "CREDIT_EXHAUSTED");
        assertThat(cut.billableSeconds()).isEqualTo(36);
        assertThat(Cdr.answered(funded, dialog.startedAtMillis() + 12_300, "n1").billableSeconds())
                .as("hung up before its funds ran out").isEqualTo(13);
    }
}
