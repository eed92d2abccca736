package io.gridpbx.admin.trunking;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;
import io.gridpbx.admin.AdminUiTest;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.trunking.Did;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A range goes from the platform to a reseller, to one of its clients, to one of its extensions. */
class DidsViewTest extends AdminUiTest {

    private static final Scope PLATFORM = Scope.platform("gridpbx.test");
    private static final Scope OFFICE = Scope.client("office.demo.gridpbx.test");

    @Test
    void rangeToResellerToClientToExtension() {
        signIn("admin@gridpbx.test");
        DidsView platform = navigate(DidsView.class);
        test($(TextField.class).id("dids-first")).setValue("+1 514 555 0100");
        test($(TextField.class).id("dids-count")).setValue("3");
        test($(Button.class).id("dids-add-range")).click();
        assertThat(test(platform.grid).size()).isEqualTo(3);

        assertThat($(Button.class).id("dids-assign").isEnabled()).isFalse();
        test(platform.grid).select(0);
        test(platform.grid).select(1);
        test(combo("dids-assignee")).selectItem("demo.gridpbx.test");
        test($(Button.class).id("dids-assign")).click();
        var grid = test(platform.grid);
        assertThat(grid.getCellText(0, grid.getColumnPosition("reseller"))).isEqualTo("demo.gridpbx.test");
        assertThat(grid.getCellText(2, grid.getColumnPosition("reseller"))).isEmpty();

        DidsView reseller = openAs("reseller@demo.gridpbx.test");
        assertThat(test(reseller.grid).size()).isEqualTo(2);
        assertThat(test(combo("dids-assignee")).getSuggestions())
                .containsExactly("acme.demo.gridpbx.test", "office.demo.gridpbx.test");
        test(reseller.grid).select(1);
        test(combo("dids-assignee")).selectItem("office.demo.gridpbx.test");
        test($(Button.class).id("dids-assign")).click();

        DidsView client = openAs("admin@office.demo.gridpbx.test");
        assertThat(test(client.grid).size()).isEqualTo(1);
        assertThat(test(client.grid).getCellText(0, 0)).isEqualTo("15145550101");
        test(rowButton(client.grid, "destination-15145550101")).click();
        roundTrip();
        test($(TextField.class).id("did-destination")).setValue("999");
        test(client.dialog.save).click();
        assertThat(client.dialog.isOpened()).isTrue();
        assertThat($(TextField.class).id("did-destination").getErrorMessage()).isEqualTo("No such extension in this client");

        test($(TextField.class).id("did-destination")).setValue("202");
        test(client.dialog.save).click();
        assertThat(client.dialog.isOpened()).isFalse();
        assertThat(fixture.dids.get(OFFICE, "15145550101").destination()).isEqualTo("202");
        assertThat(test(client.grid).getCellText(0, test(client.grid).getColumnPosition("destination"))).isEqualTo("202");
    }

    @Test
    void theResellerTakesANumberBack_fromItsClient() {
        fixture.dids.addRange(PLATFORM, "15145550100", "1");
        fixture.dids.assign(PLATFORM, List.of("15145550100"), "demo.gridpbx.test");
        fixture.dids.assign(Scope.reseller("demo.gridpbx.test"), List.of("15145550100"), "office.demo.gridpbx.test");
        signIn("reseller@demo.gridpbx.test");
        DidsView view = navigate(DidsView.class);
        test(view.grid).select(0);
        test($(Button.class).id("dids-take-back")).click();

        Did did = fixture.dids.get(PLATFORM, "15145550100");
        assertThat(did.resellerRealm()).isEqualTo("demo.gridpbx.test");
        assertThat(did.clientDomain()).isNull();
    }

    @Test
    void aBadRange_showsItsFieldErrors_andAddsNothing() {
        signIn("admin@gridpbx.test");
        DidsView view = navigate(DidsView.class);
        test($(TextField.class).id("dids-first")).setValue("0123");
        test($(TextField.class).id("dids-count")).setValue("0");
        test($(Button.class).id("dids-add-range")).click();

        assertThat(view.range.errors.shown()).containsEntry("first", "7 to 15 digits, no leading 0")
                .containsEntry("count", "1 to 10000 numbers");
        assertThat(fixture.dids.list(PLATFORM, "", 0, 10).total()).isZero();
    }

    @Test
    void onlyUnassignedNumbersCanBeDeleted_andSearchFilters() {
        fixture.dids.addRange(PLATFORM, "15145550100", "2");
        fixture.dids.addRange(PLATFORM, "33123456789", "1");
        fixture.dids.assign(PLATFORM, List.of("15145550101"), "other.gridpbx.test");
        signIn("admin@gridpbx.test");
        DidsView view = navigate(DidsView.class);

        assertThat(test(view.grid).getCellComponent(1, "actions").getChildren()).isEmpty();
        test(rowButton(view.grid, "delete-15145550100")).click();
        test($(Button.class).id("confirm-delete")).click();
        assertThat(test(view.grid).size()).isEqualTo(2);
        test(view.search).setValue("331");
        assertThat(test(view.grid).size()).isEqualTo(1);
    }

    /** Signs in as another person and opens the numbers from its home, as that person would. */
    private DidsView openAs(String email) {
        signIn(email);
        navigate("portal/password", com.vaadin.flow.component.Component.class);
        return navigate(DidsView.class);
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> combo(String id) {
        return (ComboBox<String>) $(ComboBox.class).id(id);
    }
}
