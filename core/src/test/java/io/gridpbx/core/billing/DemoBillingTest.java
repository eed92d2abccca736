package io.gridpbx.core.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.access.Scope;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.FeatureConfig;
import io.gridpbx.core.features.InMemoryConfigStore;
import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.tenancy.InMemoryTenantDirectory;
import io.gridpbx.core.tenancy.TenantProvisioning;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's billing profile rates as the README says, and bills no client until one is given it. */
class DemoBillingTest {

    private final InMemoryConfigStore store = new InMemoryConfigStore();

    DemoBillingTest() {
        InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
        DemoTenants.create(new TenantProvisioning(directory));
        DemoBilling.create(new FeatureConfig(store, directory));
    }

    @Test
    void retail_ratesNorthAmericaAndTheUk_byTheStepsTheReadmeGives() {
        BillingIndex index = new BillingIndex();
        List.of(ConfigKind.BILLING_PROFILE, ConfigKind.RATE).forEach(kind -> store.all(kind).forEach(index::put));

        Tariff retail = index.tariff("demo.gridpbx.test", DemoBilling.PROFILE).orElseThrow();
        assertThat(retail.incrementSeconds()).isEqualTo(6);
        assertThat(retail.minimumSeconds()).isEqualTo(30);
        assertThat(retail.connectionFeeMicros()).isEqualTo(50_000);
        Rate uk = retail.rateFor("+442079460000").orElseThrow();
        assertThat(uk.microsPerMinute()).isEqualTo(36_000);
        assertThat(retail.charge(uk, 61)).as("0.05 + 66 s at 0.036/min").isEqualTo(50_000 + 39_600);
        assertThat(retail.rateFor("15145551234").orElseThrow().microsPerMinute()).isEqualTo(10_000);
        assertThat(retail.rateFor("33142685300")).isEmpty();
    }

    @Test
    void noClientIsBilled_soTheDemoCallsStayFree() {
        assertThat(store.of(ConfigKind.CLIENT_BILLING, Scope.reseller("demo.gridpbx.test"))).isEmpty();
        BillingIndex index = new BillingIndex();
        store.all(ConfigKind.BILLING_PROFILE).forEach(index::put);
        assertThat(index.account("office.demo.gridpbx.test")).isEmpty();
    }
}
