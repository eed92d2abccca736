package io.gridpbx.core.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.gridpbx.core.location.AddressOfRecord;
import org.junit.jupiter.api.Test;

class SubscriptionRulesTest {

    private final SubscriptionRules rules = new SubscriptionRules(60, 3600, 1800);

    @Test
    void noExpires_getsTheDefault() {
        assertThat(rules.expiry(null)).isEqualTo(new SubscriptionRules.Expiry.Granted(1800));
    }

    @Test
    void zeroExpires_isEnding() {
        assertThat(rules.expiry(0)).isEqualTo(new SubscriptionRules.Expiry.Ending());
    }

    @Test
    void belowTheMinimum_isTooBriefNamingTheMinimum() {
        assertThat(rules.expiry(59)).isEqualTo(new SubscriptionRules.Expiry.TooBrief(60));
        assertThat(rules.expiry(1)).isEqualTo(new SubscriptionRules.Expiry.TooBrief(60));
    }

    @Test
    void withinBounds_isGrantedAsAsked() {
        assertThat(rules.expiry(60)).isEqualTo(new SubscriptionRules.Expiry.Granted(60));
        assertThat(rules.expiry(3600)).isEqualTo(new SubscriptionRules.Expiry.Granted(3600));
    }

    @Test
    void aboveTheMaximum_isCutToIt() {
        assertThat(rules.expiry(3601)).isEqualTo(new SubscriptionRules.Expiry.Granted(3600));
        assertThat(rules.expiry(Integer.MAX_VALUE)).isEqualTo(new SubscriptionRules.Expiry.Granted(3600));
    }

    @Test
    void mayWatch_onlyWithinTheSameClientDomain() {
        AddressOfRecord alice = new AddressOfRecord("200", "office.demo.gridpbx.test");
        AddressOfRecord bob = new AddressOfRecord("201", "Office.Demo.GridPBX.test");
        AddressOfRecord carol = new AddressOfRecord("300", "acme.demo.gridpbx.test");

        assertThat(rules.mayWatch(alice, bob)).isTrue();
        assertThat(rules.mayWatch(alice, alice)).isTrue();
        assertThat(rules.mayWatch(alice, carol)).isFalse();
        assertThat(rules.mayWatch(carol, alice)).isFalse();
    }

    @Test
    void constructor_refusesInconsistentBounds() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SubscriptionRules(0, 3600, 3600));
        assertThatIllegalArgumentException().isThrownBy(() -> new SubscriptionRules(60, 59, 60));
        assertThatIllegalArgumentException().isThrownBy(() -> new SubscriptionRules(60, 3600, 59));
        assertThatIllegalArgumentException().isThrownBy(() -> new SubscriptionRules(60, 3600, 3601));
    }

    @Test
    void defaults_followRfc3856() {
        assertThat(SubscriptionRules.DEFAULT.expiry(null)).isEqualTo(new SubscriptionRules.Expiry.Granted(3600));
    }
}
