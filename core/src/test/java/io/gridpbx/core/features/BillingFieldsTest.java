package io.gridpbx.core.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gridpbx.core.access.Scope;
import io.gridpbx.core.billing.BillingIndex;
import io.gridpbx.core.billing.BillingMode;
import io.gridpbx.core.billing.Rate;
import io.gridpbx.core.manage.ConflictException;
import io.gridpbx.core.manage.FieldError;
import io.gridpbx.core.manage.ValidationException;
import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.tenancy.InMemoryTenantDirectory;
import io.gridpbx.core.tenancy.TenantProvisioning;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * A reseller bills its own clients, once each, by one of its own billing profiles; its rates belong to
 * its profiles; what is saved is what the call path reads.
 */
class BillingFieldsTest {

    private static final Scope DEMO = Scope.reseller("demo.gridpbx.test");
    private static final Scope OTHER = Scope.reseller("other.gridpbx.test");

    private final InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final FeatureConfig config = new FeatureConfig(store, directory);

    BillingFieldsTest() {
        DemoTenants.create(new TenantProvisioning(directory));
        config.create(DEMO, ConfigKind.BILLING_PROFILE, Map.of("name", "Retail", "currency", "EUR",
                "incrementSeconds", "6", "minimumSeconds", "30", "connectionFee", "0.05"));
        config.create(OTHER, ConfigKind.BILLING_PROFILE, Map.of("name", "Wholesale", "currency", "EUR",
                "incrementSeconds", "1", "minimumSeconds", "0"));
    }

    @Test
    void aClientsBilling_isSavedAsTheCallPathReadsIt_clientWholeAndProfileAsItSpellsItself() {
        ConfigObject office = config.create(DEMO, ConfigKind.CLIENT_BILLING, Map.of("client", " Office.Demo.GridPBX.test ",
                "billingProfile", "retail", "mode", "postpaid", "creditLimit", "20"));
        ConfigObject acme = config.create(DEMO, ConfigKind.CLIENT_BILLING, Map.of("client", "acme",
                "billingProfile", "Retail", "mode", "prepaid"));

        assertThat(office.values()).containsEntry("client", "office.demo.gridpbx.test")
                .containsEntry("billingProfile", "Retail").containsEntry("creditLimit", "20");
        assertThat(acme.values()).as("a bare label is one of the reseller's").containsEntry("client", "acme.demo.gridpbx.test");
        BillingIndex index = new BillingIndex();
        store.all(ConfigKind.BILLING_PROFILE).forEach(index::put);
        store.all(ConfigKind.CLIENT_BILLING).forEach(index::put);
        assertThat(index.account("office.demo.gridpbx.test")).hasValueSatisfying(account -> {
            assertThat(account.mode()).isEqualTo(BillingMode.POSTPAID);
            assertThat(account.creditLimitMicros()).isEqualTo(20_000_000L);
            assertThat(index.tariff(account.resellerRealm(), account.tariffName())).isPresent();
        });
    }

    @Test
    void aResellerBillsOnlyItsOwnClients_thatExist() {
        for (String client : List.of("shop.other.gridpbx.test", "nowhere.demo.gridpbx.test", "demo.gridpbx.test",
                "desk.office.demo.gridpbx.test", "not a domain")) {
            assertRefused(() -> config.create(DEMO, ConfigKind.CLIENT_BILLING, Map.of("client", client,
                    "billingProfile", "Retail", "mode", "prepaid")), tuple("client", "client-billing.client-unknown"));
        }
        assertThat(config.list(DEMO, ConfigKind.CLIENT_BILLING)).isEmpty();
    }

    @Test
    void aClientIsBilledOnce_whateverCaseTheSecondIsWrittenIn() {
        ConfigObject first = config.create(DEMO, ConfigKind.CLIENT_BILLING, Map.of("client", "office.demo.gridpbx.test",
                "billingProfile", "Retail", "mode", "prepaid"));

        assertRefused(() -> config.create(DEMO, ConfigKind.CLIENT_BILLING, Map.of("client", "OFFICE.demo.gridpbx.test",
                "billingProfile", "Retail", "mode", "postpaid")), tuple("client", "client-billing.client-taken"));
        config.update(DEMO, ConfigKind.CLIENT_BILLING, first.id(), Map.of("client", "office.demo.gridpbx.test",
                "billingProfile", "Retail", "mode", "postpaid", "creditLimit", "5"));
        assertThat(config.list(DEMO, ConfigKind.CLIENT_BILLING)).singleElement()
                .satisfies(billing -> assertThat(billing.values()).containsEntry("mode", "postpaid"));
    }

    @Test
    void aClientsBilling_namesOneOfItsResellersProfiles_notAnothersNorNone() {
        for (String profile : List.of("Wholesale", "Gold")) {
            assertRefused(() -> config.create(DEMO, ConfigKind.CLIENT_BILLING, Map.of("client", "office",
                    "billingProfile", profile, "mode", "prepaid")), tuple("billingProfile", "billing-profile.unknown"));
        }
    }

    @Test
    void aCreditLimit_isForPostpaidClientsOnly() {
        assertRefused(() -> config.create(DEMO, ConfigKind.CLIENT_BILLING, Map.of("client", "office",
                "billingProfile", "Retail", "mode", "prepaid", "creditLimit", "10")),
                tuple("creditLimit", "client-billing.credit-prepaid"));
        assertRefused(() -> config.create(DEMO, ConfigKind.CLIENT_BILLING, Map.of("client", "office",
                "billingProfile", "Retail", "mode", "postpaid", "creditLimit", "-1")), tuple("creditLimit", "money.invalid"));

        assertThat(config.create(DEMO, ConfigKind.CLIENT_BILLING, Map.of("client", "office", "billingProfile", "Retail",
                "mode", "prepaid", "creditLimit", "0")).values()).as("no credit is no credit").containsEntry("mode", "prepaid");
    }

    @Test
    void eachBadFieldOfAClientsBilling_hasItsOwnError() {
        assertRefused(() -> config.create(DEMO, ConfigKind.CLIENT_BILLING, Map.of("client", "shop.other.gridpbx.test",
                        "billingProfile", "Gold", "mode", "monthly")),
                tuple("client", "client-billing.client-unknown"), tuple("billingProfile", "billing-profile.unknown"),
                tuple("mode", "choice.invalid"));
    }

    @Test
    void aRate_belongsToAnExistingProfileOfItsReseller_onePricePerPrefix() {
        ConfigObject uk = config.create(DEMO, ConfigKind.RATE, Map.of("description", "UK", "billingProfile", "RETAIL",
                "prefix", "44", "pricePerMinute", "0.036"));
        assertThat(uk.values()).containsEntry("billingProfile", "Retail");

        assertRefused(() -> config.create(DEMO, ConfigKind.RATE, Map.of("description", "UK", "billingProfile", "Wholesale",
                "prefix", "44", "pricePerMinute", "0.01")), tuple("billingProfile", "billing-profile.unknown"));
        assertRefused(() -> config.create(DEMO, ConfigKind.RATE, Map.of("description", "UK again", "billingProfile",
                "Retail", "prefix", "44", "pricePerMinute", "0.02")), tuple("prefix", "rate.prefix-taken"));
        assertRefused(() -> config.create(DEMO, ConfigKind.RATE, Map.of("description", "Stars", "billingProfile",
                "Retail", "prefix", "44*", "pricePerMinute", "0.02")), tuple("prefix", "rate.prefix-invalid"));
        config.update(DEMO, ConfigKind.RATE, uk.id(), Map.of("description", "United Kingdom", "billingProfile", "Retail",
                "prefix", "44", "pricePerMinute", "0.04"));

        BillingIndex index = new BillingIndex();
        store.all(ConfigKind.BILLING_PROFILE).forEach(index::put);
        store.all(ConfigKind.RATE).forEach(index::put);
        assertThat(index.tariff("demo.gridpbx.test", "Retail").orElseThrow().rates())
                .containsExactly(new Rate("44", "United Kingdom", 40_000));
    }

    @Test
    void aProfilesName_isItsResellersOnce_andAnotherResellerMayUseIt() {
        assertRefused(() -> config.create(DEMO, ConfigKind.BILLING_PROFILE, Map.of("name", "RETAIL", "currency", "EUR",
                "incrementSeconds", "1", "minimumSeconds", "0")), tuple("name", "billing-profile.name-taken"));
        assertThat(config.create(OTHER, ConfigKind.BILLING_PROFILE, Map.of("name", "Retail", "currency", "EUR",
                "incrementSeconds", "1", "minimumSeconds", "0")).label()).isEqualTo("Retail");
    }

    @Test
    void aProfileThatIsNamed_isNeitherRenamedNorDeleted_untilNothingNamesIt() {
        ConfigObject retail = config.list(DEMO, ConfigKind.BILLING_PROFILE).getFirst();
        ConfigObject billing = config.create(DEMO, ConfigKind.CLIENT_BILLING, Map.of("client", "office",
                "billingProfile", "Retail", "mode", "prepaid"));

        assertRefused(() -> config.update(DEMO, ConfigKind.BILLING_PROFILE, retail.id(), Map.of("name", "Retail 2027",
                "currency", "EUR", "incrementSeconds", "6", "minimumSeconds", "30")), tuple("name", "billing-profile.in-use"));
        assertThatThrownBy(() -> config.delete(DEMO, ConfigKind.BILLING_PROFILE, retail.id()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("billing-profile.in-use"));
        config.update(DEMO, ConfigKind.BILLING_PROFILE, retail.id(), Map.of("name", "Retail", "currency", "EUR",
                "incrementSeconds", "60", "minimumSeconds", "0"));

        config.delete(DEMO, ConfigKind.CLIENT_BILLING, billing.id());
        config.update(DEMO, ConfigKind.BILLING_PROFILE, retail.id(), Map.of("name", "Retail 2027", "currency", "EUR",
                "incrementSeconds", "6", "minimumSeconds", "30"));
        config.delete(DEMO, ConfigKind.BILLING_PROFILE, retail.id());
        assertThat(config.list(DEMO, ConfigKind.BILLING_PROFILE)).isEmpty();
    }

    private static void assertRefused(ThrowingCallable call, Tuple... errors) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                .extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrder(errors));
    }
}
