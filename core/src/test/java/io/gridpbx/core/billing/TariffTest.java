package io.gridpbx.core.billing;


import io.gridpbx.core.access.Scope;
import io.gridpbx.core.dialog.Charge;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.assertj.core.api.Assertions.assertThat;

class TariffTest {

    /** 60/6 billing, 30 s minimum, 5 cents to connect; Canada 1 ¢/min, Quebec City 0.5 ¢/min, the UK 3.6 ¢/min. */
    private static final Tariff RETAIL = new Tariff("retail", 6, 30, 50_000, List.of(
            new Rate("1", "North America", 10_000), new Rate("1418", "Quebec City", 5_000),
            new Rate("44", "United Kingdom", 36_000)));

    @ParameterizedTest(name = "{0} for {1} s costs {2} micros")
    @CsvSource({
            "15145551234, 1, 55000", // the minimum: 30 s at 1 ¢ = 0.5 ¢, plus the fee
            "15145551234, 30, 55000",
            "15145551234, 31, 56000", // 36 s
            "15145551234, 60, 60000",
            "15145551234, 61, 61000", // 66 s = 1.1 ¢ rounded up to the micro
            "14185551234, 61, 55500", // the longest prefix: 66 s at 0.5 ¢
            "+442071234567, 7, 68000", // 30 s at 3.6 ¢ = 1.8 ¢
            "442071234567, 3600, 2210000",
    })
    void charge_followsTheLongestPrefixTheMinimumAndTheIncrement(String number, long seconds, long micros) {
        Rate rate = RETAIL.rateFor(number).orElseThrow();
        assertThat(RETAIL.charge(rate, seconds)).isEqualTo(micros);
    }

    @Test
    void aNumberNoPrefixMatches_hasNoRate() {
        assertThat(RETAIL.rateFor("33142345678")).isEmpty();
    }

    @Test
    void affordableSeconds_isTheLongestDurationTheFundsPay() {
        Rate canada = RETAIL.rateFor("15145551234").orElseThrow();
        assertThat(RETAIL.affordableSeconds(canada, 54_999)).isZero();
        assertThat(RETAIL.affordableSeconds(canada, 55_000)).isEqualTo(30);
        assertThat(RETAIL.affordableSeconds(canada, 60_000)).isEqualTo(60);
        assertThat(RETAIL.affordableSeconds(canada, 60_999)).isEqualTo(60);
        for (long funds = 55_000; funds < 200_000; funds += 777) {
            long seconds = RETAIL.affordableSeconds(canada, funds);
            assertThat(RETAIL.charge(canada, seconds)).isLessThanOrEqualTo(funds);
            assertThat(RETAIL.charge(canada, seconds + RETAIL.incrementSeconds())).isGreaterThan(funds);
        }
        assertThat(new Tariff("free", 1, 0, 0, List.of(new Rate("1", "", 0))).affordableSeconds(new Rate("1", "", 0), 0))
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aPrepaidClientAtZero_isRefused_aPostpaidOneGoesUpToItsCredit() {
        BillingAccount prepaid = new BillingAccount("office.demo.test", "demo.test", "retail", BillingMode.PREPAID, 0);
        assertThat(CallCredit.before(Optional.of(prepaid), Optional.of(RETAIL), "15145551234", 0))
                .isEqualTo(new CallCredit.Refused("Insufficient Balance"));
        assertThat(CallCredit.before(Optional.of(prepaid), Optional.of(RETAIL), "15145551234", 60_000))
                .isInstanceOfSatisfying(CallCredit.Allowed.class, a -> assertThat(a.maxSeconds()).isEqualTo(60));
        BillingAccount postpaid = new BillingAccount("office.demo.test", "demo.test", "retail", BillingMode.POSTPAID, 1_000_000);
        assertThat(CallCredit.before(Optional.of(postpaid), Optional.of(RETAIL), "15145551234", -940_000))
                .isInstanceOf(CallCredit.Allowed.class);
        assertThat(CallCredit.before(Optional.of(postpaid), Optional.of(RETAIL), "15145551234", -1_000_000))
                .isEqualTo(new CallCredit.Refused("Credit Limit Reached"));
        assertThat(CallCredit.before(Optional.of(prepaid), Optional.of(RETAIL), "33142345678", 9_000_000))
                .isEqualTo(new CallCredit.Refused("No Rate For Destination"));
        assertThat(CallCredit.before(Optional.empty(), Optional.empty(), "33142345678", 0))
                .isInstanceOf(CallCredit.Unbilled.class);
    }

    @Test
    void theResellersCost_isTheClientsChargeLessItsDiscount() {
        Charge charge = CallCredit.after(Optional.of(RETAIL), "15145551234", 60, new BigDecimal("12.5"));
        assertThat(charge).isEqualTo(new Charge(60_000, 52_500, "1"));
        assertThat(CallCredit.after(Optional.of(RETAIL), "15145551234", 0, BigDecimal.ZERO)).isEqualTo(Charge.NONE);
    }

    @Test
    void theIndex_buildsTariffsFromProfilesAndRates_andBillsOnlyTheResellersOwnClients() {
        BillingIndex index = new BillingIndex();
        Scope demo = Scope.reseller("demo.test");
        index.put(new ConfigObject(ConfigKind.BILLING_PROFILE, "p1", demo, Map.of("name", "retail", "currency", "USD",
                "incrementSeconds", "6", "minimumSeconds", "30", "connectionFee", "0.05")));
        index.put(new ConfigObject(ConfigKind.RATE, "r1", demo, Map.of("description", "NA", "billingProfile", "retail",
                "prefix", "1", "pricePerMinute", "0.01")));
        index.put(new ConfigObject(ConfigKind.RATE, "r2", demo, Map.of("description", "QC", "billingProfile", "retail",
                "prefix", "1418", "pricePerMinute", "0.005")));
        index.put(new ConfigObject(ConfigKind.CLIENT_BILLING, "b1", demo, Map.of("client", "office.demo.test",
                "billingProfile", "retail", "mode", "postpaid", "creditLimit", "25")));
        index.put(new ConfigObject(ConfigKind.CLIENT_BILLING, "b2", demo, Map.of("client", "shop.other.test",
                "billingProfile", "retail", "mode", "prepaid")));

        assertThat(index.tariff("demo.test", "retail")).hasValueSatisfying(t -> {
            assertThat(t.connectionFeeMicros()).isEqualTo(50_000);
            assertThat(t.rateFor("14185550000")).map(Rate::microsPerMinute).contains(5_000L);
        });
        assertThat(index.account("office.demo.test")).contains(new BillingAccount("office.demo.test", "demo.test",
                "retail", BillingMode.POSTPAID, 25_000_000));
        assertThat(index.account("shop.other.test")).isEmpty();

        index.remove(new ConfigObject(ConfigKind.RATE, "r2", demo, Map.of()));
        assertThat(index.tariff("demo.test", "retail")).hasValueSatisfying(
                t -> assertThat(t.rateFor("14185550000")).map(Rate::microsPerMinute).contains(10_000L));
    }
}
