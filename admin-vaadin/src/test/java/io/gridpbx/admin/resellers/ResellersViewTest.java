package io.gridpbx.admin.resellers;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.admin.AdminUiTest;
import io.gridpbx.core.access.Scope;
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
        test(view.editor.balance).setValue("1234.5");
        test(view.editor.password).setValue("a-long-password");
        test(view.dialog.save).click();

        assertThat(view.dialog.isOpened()).isFalse();
        var grid = test(view.grid);
        assertThat(grid.size()).isEqualTo(3);
        assertThat(grid.getCellText(0, grid.getColumnPosition("realm"))).isEqualTo("acme.gridpbx.test");
        assertThat(grid.getCellText(0, grid.getColumnPosition("balance"))).isEqualTo("€1,234.50");
        assertThat(fixture.signIn.authenticate("ops@acme.example", "a-long-password").scope())
                .isEqualTo(Scope.reseller("acme.gridpbx.test"));
    }

    @Test
    void editPage_savesChanges() {
        ResellerView page = navigate("resellers/other.gridpbx.test", ResellerView.class);
        assertThat(page.editor.realm.isReadOnly()).isTrue();
        test(page.editor.name).setValue("Other Reseller SA");
        test(page.save).click();

        assertThat(fixture.resellers.get(PLATFORM, "other.gridpbx.test").name()).isEqualTo("Other Reseller SA");
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
