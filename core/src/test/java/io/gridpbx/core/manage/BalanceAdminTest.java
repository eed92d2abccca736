package io.gridpbx.core.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.store.StoreUnavailableException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each scope reads the balances of its subtree; the platform tops up its resellers and a reseller its
 * own clients, nobody itself or another's tenants; an opening balance is a reseller's first top-up and
 * an edit sets none.
 */
class BalanceAdminTest {

    private static final Scope PLATFORM = Scope.platform("gridpbx.test");
    private static final Scope DEMO = Scope.reseller("demo.gridpbx.test");
    private static final Scope OFFICE = Scope.client("office.demo.gridpbx.test");
    private static final Actor PLATFORM_ADMIN = new Actor("admin@gridpbx.test", List.of(PLATFORM));
    private static final Actor DEMO_ADMIN = new Actor("reseller@demo.gridpbx.test", List.of(DEMO));

    private final ManagementFixture f = new ManagementFixture();

    @Test
    void theBalancesOfItsSubtree_areWhatAScopeReads() {
        f.balanceStore.set("demo.gridpbx.test", 12_500_000);
        f.balanceStore.set("office.demo.gridpbx.test", -3_000_000);

        assertThat(f.balances.balance(PLATFORM, "DEMO.gridpbx.test")).isEqualTo(12_500_000);
        assertThat(f.balances.balance(DEMO, "demo.gridpbx.test")).isEqualTo(12_500_000);
        assertThat(f.balances.balance(DEMO, "office.demo.gridpbx.test")).isEqualTo(-3_000_000);
        assertThat(f.balances.balance(OFFICE, "office.demo.gridpbx.test")).isEqualTo(-3_000_000);
        assertThat(f.balances.balance(DEMO, "acme.demo.gridpbx.test")).as("never topped up").isZero();
    }

    @Test
    void anotherTenantsBalance_isForbidden_andNoTenantsIsNotFound() {
        assertThatThrownBy(() -> f.balances.balance(DEMO, "shop.other.gridpbx.test")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.balances.balance(DEMO, "other.gridpbx.test")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.balances.balance(OFFICE, "demo.gridpbx.test")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.balances.balance(Scope.user(new AddressOfRecord("202", "office.demo.gridpbx.test")),
                "office.demo.gridpbx.test")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.balances.balance(DEMO, "nowhere.demo.gridpbx.test")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.balances.balance(PLATFORM, "not a domain")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void thePlatformTopsUpAReseller_auditedWithWhoAndWhy() {
        assertThat(f.balances.topUp(PLATFORM_ADMIN, "demo.gridpbx.test", "100.00", " wire 42 ")).isEqualTo(100_000_000);
        assertThat(f.balances.balance(DEMO, "demo.gridpbx.test")).isEqualTo(100_000_000);
        assertThat(f.balanceStore.topUps()).containsExactly(new RecordingBalances.TopUp("demo.gridpbx.test",
                100_000_000, "admin@gridpbx.test", "wire 42"));
    }

    @Test
    void aResellerTopsUpItsClient_byDomain_andMayCorrectItDown() {
        f.balances.topUp(DEMO_ADMIN, "office.demo.gridpbx.test", "12,5", null);
        long after = f.balances.topUp(DEMO_ADMIN, "Office.demo.gridpbx.test", "-2.25", "refund");

        assertThat(after).isEqualTo(10_250_000);
        assertThat(f.balanceStore.topUps()).extracting(RecordingBalances.TopUp::tenant, RecordingBalances.TopUp::micros,
                RecordingBalances.TopUp::actor, RecordingBalances.TopUp::note).containsExactly(
                tuple("office.demo.gridpbx.test", 12_500_000L, "reseller@demo.gridpbx.test", ""),
                tuple("office.demo.gridpbx.test", -2_250_000L, "reseller@demo.gridpbx.test", "refund"));
    }

    @Test
    void nobodyTopsUpItself_norAnothersTenants_norTheClientsOfItsResellers() {
        Actor office = new Actor("admin@office.demo.gridpbx.test", List.of(OFFICE));
        List<Runnable> refused = List.of(
                () -> f.balances.topUp(DEMO_ADMIN, "demo.gridpbx.test", "10", null),
                () -> f.balances.topUp(office, "office.demo.gridpbx.test", "10", null),
                () -> f.balances.topUp(DEMO_ADMIN, "other.gridpbx.test", "10", null),
                () -> f.balances.topUp(DEMO_ADMIN, "shop.other.gridpbx.test", "10", null),
                () -> f.balances.topUp(PLATFORM_ADMIN, "office.demo.gridpbx.test", "10", null));
        for (Runnable topUp : refused) {
            assertThatThrownBy(topUp::run).isInstanceOf(ForbiddenException.class);
        }
        assertThat(f.balanceStore.topUps()).isEmpty();
    }

    @Test
    void aBadAmountOrALongNote_isRefusedOnItsField_andNothingIsToppedUp() {
        for (String amount : new String[] {"", "ten", "0", "0.00", "1.1234567", "2000000000"}) {
            assertThatThrownBy(() -> f.balances.topUp(PLATFORM_ADMIN, "demo.gridpbx.test", amount, null)).as(amount)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field, FieldError::code).containsExactly(tuple("amount", "amount.invalid")));
        }
        assertThatThrownBy(() -> f.balances.topUp(PLATFORM_ADMIN, "demo.gridpbx.test", "5", "x".repeat(201)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("note"));
        assertThat(f.balanceStore.topUps()).isEmpty();
    }

    @Test
    void aListLeavesOutTheBalancesThatDidNotAnswer_andThoseOutsideItsScope() {
        f.balanceStore.set("office.demo.gridpbx.test", 7_000_000);
        f.balanceStore.unreachable("acme.demo.gridpbx.test");

        Map<String, Long> shown = f.balances.balances(DEMO, List.of("office.demo.gridpbx.test",
                "acme.demo.gridpbx.test", "shop.other.gridpbx.test"));

        assertThat(shown).containsExactly(Map.entry("office.demo.gridpbx.test", 7_000_000L));
        assertThatThrownBy(() -> f.balances.balance(DEMO, "acme.demo.gridpbx.test"))
                .as("one balance asked alone fails as the store did").isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void anOpeningBalance_isTheNewResellersFirstTopUp_andAnEditSetsNone() {
        var created = f.resellers.create(PLATFORM_ADMIN, new ResellerForm("north", "North", "ops@north.test", "0", "en",
                "north-pass-1", "250"));

        assertThat(created.balanceMicros()).as("the record's field is only the balances' old seed").isZero();
        assertThat(f.balanceStore.topUps()).containsExactly(new RecordingBalances.TopUp("north.gridpbx.test",
                250_000_000, "admin@gridpbx.test", "opening balance"));
        assertThat(f.resellers.row(PLATFORM, "north.gridpbx.test").balanceMicros()).isEqualTo(250_000_000);
        assertThatThrownBy(() -> f.resellers.update(PLATFORM, "north.gridpbx.test", new ResellerForm(null, "North",
                "ops@north.test", "0", "en", null, "1000"))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field, FieldError::code)
                        .containsExactly(tuple("balance", "balance.top-up-only")));
        f.resellers.update(PLATFORM, "north.gridpbx.test", new ResellerForm(null, "North Ltd", "ops@north.test", "0",
                "en", null, null));
        assertThat(f.balances.balance(PLATFORM, "north.gridpbx.test")).isEqualTo(250_000_000);

        f.resellers.create(PLATFORM_ADMIN, new ResellerForm("south", "South", "ops@south.test", "0", "en",
                "south-pass-1", null));
        assertThat(f.balanceStore.topUps()).as("no opening balance, no top-up").hasSize(1);
    }

    @Test
    void theResellersAndClientsLists_showTheirBalances_blankWhereTheGridDidNotAnswer() {
        f.balanceStore.set("demo.gridpbx.test", 40_000_000);
        f.balanceStore.unreachable("other.gridpbx.test");
        f.balanceStore.set("office.demo.gridpbx.test", 5_000_000);

        assertThat(f.resellers.list(PLATFORM, "", 0, 10).items()).extracting(r -> r.reseller().realm(),
                ResellerAdmin.Row::balanceMicros).containsExactly(tuple("demo.gridpbx.test", 40_000_000L),
                tuple("other.gridpbx.test", null));
        assertThat(f.clients.list(DEMO, null, "", 0, 10).items()).extracting(c -> c.client().domain(),
                ClientAdmin.Row::users, ClientAdmin.Row::balanceMicros).containsExactly(
                tuple("acme.demo.gridpbx.test", 10, 0L), tuple("office.demo.gridpbx.test", 20, 5_000_000L));
    }
}
