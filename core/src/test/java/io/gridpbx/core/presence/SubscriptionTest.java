package io.gridpbx.core.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.dialog.DialogTarget;
import io.gridpbx.core.location.AddressOfRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    private static final AddressOfRecord ALICE = new AddressOfRecord("200", "office.demo.gridpbx.test");
    private static final AddressOfRecord BOB = new AddressOfRecord("201", "office.demo.gridpbx.test");
    private static final long T0 = 1_800_000_000_000L;

    private final Subscription subscription = new Subscription("call-1", "wt", "ps1", EventPackage.DIALOG, "7", ALICE, BOB,
            new DialogTarget("sip:200@192.0.2.20:5060", List.of("<sip:sbc.example;lr>")), "udp:198.51.100.1:5060",
            T0 + 3_600_000, 3, 5, "node-a");

    @Test
    void key_isItsDialogPackageAndId() {
        assertThat(subscription.key()).isEqualTo("call-1|wt|ps1|dialog|7")
                .isEqualTo(Subscription.keyOf("call-1", "wt", "ps1", "dialog", "7"));
    }

    @Test
    void keyOf_withoutId_differsFromAnyId() {
        assertThat(Subscription.keyOf("call-1", "wt", "ps1", "dialog", null)).isEqualTo("call-1|wt|ps1|dialog|")
                .isNotEqualTo(subscription.key());
        assertThat(Subscription.keyOf("call-1", "wt", "ps1", "presence", "7")).isNotEqualTo(subscription.key());
    }

    @Test
    void eventHeader_namesPackageAndId() {
        assertThat(subscription.eventHeader().render()).isEqualTo("dialog;id=7");
    }

    @Test
    void secondsLeft_roundsUp() {
        assertThat(subscription.secondsLeftAt(T0)).isEqualTo(3600);
        assertThat(subscription.secondsLeftAt(T0 + 1)).isEqualTo(3600);
        assertThat(subscription.secondsLeftAt(T0 + 999)).isEqualTo(3600);
        assertThat(subscription.secondsLeftAt(T0 + 1000)).isEqualTo(3599);
        assertThat(subscription.secondsLeftAt(T0 + 3_600_000 - 1)).isEqualTo(1);
    }

    @Test
    void secondsLeft_isNeverNegative() {
        assertThat(subscription.secondsLeftAt(T0 + 3_600_000)).isZero();
        assertThat(subscription.secondsLeftAt(T0 + 3_600_001)).isZero();
        assertThat(subscription.secondsLeftAt(T0 + 3_602_500)).isZero();
        assertThat(subscription.secondsLeftAt(Long.MAX_VALUE / 2)).isZero();
    }

    @Test
    void refreshedWithANewContact_isATargetRefreshKeepingTheRoute() {
        Subscription refreshed = subscription.refreshed(T0 + 7_200_000, "node-b", "sip:200@192.0.2.99:5062");

        assertThat(refreshed.expiresAtMillis()).isEqualTo(T0 + 7_200_000);
        assertThat(refreshed.nodeId()).isEqualTo("node-b");
        assertThat(refreshed.watcherTarget())
                .isEqualTo(new DialogTarget("sip:200@192.0.2.99:5062", List.of("<sip:sbc.example;lr>")));
        assertThat(refreshed.key()).isEqualTo(subscription.key());
        assertThat(refreshed.cseq()).isEqualTo(3);
        assertThat(refreshed.version()).isEqualTo(5);
        assertThat(refreshed.flow()).isEqualTo("udp:198.51.100.1:5060");
    }

    @Test
    void refreshedWithABlankContact_keepsTheTarget() {
        Subscription refreshed = subscription.refreshed(T0 + 7_200_000, "node-b", " ");

        assertThat(refreshed.watcherTarget()).isSameAs(subscription.watcherTarget());
    }

    @Test
    void nextNotify_takesTheNextCseqAndVersion() {
        Subscription next = subscription.nextNotify();

        assertThat(next.cseq()).isEqualTo(4);
        assertThat(next.version()).isEqualTo(6);
        assertThat(next.nextNotify().cseq()).isEqualTo(5);
        assertThat(next.expiresAtMillis()).isEqualTo(subscription.expiresAtMillis());
        assertThat(next.key()).isEqualTo(subscription.key());
    }
}
