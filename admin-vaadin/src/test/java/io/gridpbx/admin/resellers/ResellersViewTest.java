package io.gridpbx.admin.resellers;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.admin.AdminUiTest;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.RecordingBalances;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResellersViewTest extends AdminUiTest {

    private static final Scope PLATFORM = Scope.platform("gridpbx.test");

    @BeforeEach
    void platformAdmin() {
        signIn("admin@gridpbx.test");
    }

    @Test
    void listsTheResellersWithMoneyAndCounts() {
        ResellersView view = navigate(ResellersView.class);
        var grid = test(view.grid);

        assertThat(grid.size()).isEqualTo(2);
        assertThat(grid.getCellText(0, grid.getColumnPosition("realm"))).isEqualTo("demo.gridpbx.test");
        assertThat(grid.getCellText(0, grid.getColumnPosition("clients"))).isEqualTo("2");
        assertThat(grid.getCellText(0, grid.getColumnPosition("balance"))).isEqualTo("€0.00");
        fixture.balanceStore.set("other.gridpbx.test", 75_250_000);
        fixture.balanceStore.unreachable("demo.gridpbx.test");
        test(view.search).setValue("gridpbx");
        assertThat(grid.getCellText(0, grid.getColumnPosition("balance"))).as("not answered in time").isEqualTo("–");
        assertThat(grid.getCellText(1, grid.getColumnPosition("balance"))).isEqualTo("€75.25");
        assertThat(grid.getCellText(0, grid.getColumnPosition("language"))).isEqualTo("English");
    }

    @Test
    void badForm_showsEachErrorNextToItsField_andSavesNothing() {
        ResellersView view = navigate(ResellersView.class);
        test(view.add).click();
        roundTrip();
        ResellerEditor editor = view.editor;
        test(editor.realm).setValue("not a realm!");
        test(editor.name).setValue("");
        test(editor.email).setValue("nope");
        test(editor.discount).setValue("150");
        test(editor.balance).setValue("lots");
        test(editor.password).setValue("short");
        test(view.dialog.save).click();

        assertThat(view.dialog.isOpened()).isTrue();
        assertThat(editor.errors.shown()).containsEntry("realm", "Letters, digits and hyphens, e.g. acme")
                .containsEntry("name", "Required: 1 to 100 characters (200 for a reseller, client or user)").containsEntry("email", "Not an email address")
                .containsEntry("discountPercent", "A number from 0 to 100")
                .containsEntry("balance", "An amount such as 12.50").containsEntry("password", "At least 8 characters");
        assertThat(editor.discount.isInvalid()).isTrue();
        assertThat(fixture.resellers.list(PLATFORM, "", 0, 10).total()).isEqualTo(2);
    }

    @Test
    void goodForm_createsTheReseller() {
        ResellersView view = navigate(ResellersView.class);
        test(view.add).click();
        roundTrip();
        test(view.editor.realm).setValue("acme");
        test(view.editor.name).setValue("Acme Telecom");
        test(view.editor.email).setValue("ops@acme.example");
        test(view.editor.discount).setValue("12.5");
        assertThat(view.editor.balance.getLabel()).isEqualTo("Opening balance");
        test(view.editor.balance).setValue("1234.5");
        test(view.editor.password).setValue("a-long-password");
        test(view.dialog.save).click();

        assertThat(view.dialog.isOpened()).isFalse();
        var grid = test(view.grid);
        assertThat(grid.size()).isEqualTo(3);
        assertThat(grid.getCellText(0, grid.getColumnPosition("realm"))).isEqualTo("acme.gridpbx.test");
        assertThat(grid.getCellText(0, grid.getColumnPosition("balance"))).isEqualTo("€1,234.50");
        assertThat(fixture.balanceStore.topUps()).as("the opening balance is the first top-up, audited")
                .containsExactly(new RecordingBalances.TopUp("acme.gridpbx.test", 1_234_500_000L, "admin@gridpbx.test",
                        "opening balance"));
        assertThat(fixture.signIn.authenticate("ops@acme.example", "a-long-password").scope())
                .isEqualTo(Scope.reseller("acme.gridpbx.test"));
    }

    @Test
    void editPage_savesChanges_andHasNoBalanceToOverwrite() {
        fixture.balanceStore.set("other.gridpbx.test", 50_000_000);
        ResellerView page = navigate("resellers/other.gridpbx.test", ResellerView.class);
        assertThat(page.editor.realm.isReadOnly()).isTrue();
        assertThat(page.editor.balance.isVisible()).isFalse();
        test(page.editor.name).setValue("Other Reseller SA");
        test(page.save).click();

        assertThat(fixture.resellers.get(PLATFORM, "other.gridpbx.test").name()).isEqualTo("Other Reseller SA");
        assertThat(fixture.balances.balance(PLATFORM, "other.gridpbx.test")).isEqualTo(50_000_000);
    }

    @Test
    void topUp_creditsTheReseller_withItsNote_andABadAmountStaysOnItsField() {
        ResellersView view = navigate(ResellersView.class);
        test(rowButton(view.grid, "top-up-demo.gridpbx.test")).click();
        roundTrip();
        assertThat(view.topUpDialog.isOpened()).isTrue();
        assertThat(view.topUp.now.getText()).isEqualTo("Balance now: €0.00");
        test(view.topUp.amount).setValue("ten");
        test(view.topUpDialog.save).click();

        assertThat(view.topUpDialog.isOpened()).isTrue();
        assertThat(view.topUp.errors().shown()).containsEntry("amount",
                "An amount such as 10.00, not 0, at most 6 decimals (negative to correct)");
        test(view.topUp.amount).setValue("250.50");
        test(view.topUp.note).setValue("wire 2026-118");
        test(view.topUpDialog.save).click();

        assertThat(view.topUpDialog.isOpened()).isFalse();
        assertThat(test($(com.vaadin.flow.component.notification.Notification.class).last()).getText())
                .isEqualTo("New balance of demo.gridpbx.test: €250.50");
        var grid = test(view.grid);
        assertThat(grid.getCellText(0, grid.getColumnPosition("balance"))).isEqualTo("€250.50");
        assertThat(fixture.balanceStore.topUps()).containsExactly(new RecordingBalances.TopUp("demo.gridpbx.test",
                250_500_000L, "admin@gridpbx.test", "wire 2026-118"));
    }

    @Test
    void deletingAResellerWithClients_isRefusedWithTheReason() {
        ResellersView view = navigate(ResellersView.class);
        var grid = test(view.grid);
        test(rowButton(view.grid, "delete-other.gridpbx.test")).click();
        roundTrip();
        test($(com.vaadin.flow.component.button.Button.class).id("confirm-delete")).click();

        assertThat(grid.size()).isEqualTo(2);
        assertThat(test($(com.vaadin.flow.component.notification.Notification.class).last()).getText())
                .isEqualTo("Delete the reseller's clients first");
    }
}
