package io.gridpbx.admin.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.admin.AdminUiTest;
import com.vaadin.flow.server.VaadinSession;
import io.gridpbx.core.dialog.CallFacts;
import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.dialog.DialogId;
import io.gridpbx.core.dialog.Direction;
import io.gridpbx.core.location.AddressOfRecord;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CallsViewTest extends AdminUiTest {

    private static final String OFFICE = "office.demo.gridpbx.test";

    private void call(String id, String from, String to, String domain) {
        fixture.calls.started(new Dialog(new DialogId(id, "f", "t"), new AddressOfRecord(from, domain),
                new AddressOfRecord(to, domain), fixture.clock.instant().toEpochMilli(), "node1"));
    }

    @Test
    void aClientSeesItsCallsNow_andRefreshBringsTheNewOnes() {
        call("c1", "200", "201", OFFICE);
        call("c2", "300", "301", "acme.demo.gridpbx.test");
        signIn("admin@office.demo.gridpbx.test");
        CallsView view = navigate(CallsView.class);
        fixture.clock.advance(Duration.ofSeconds(75));

        var grid = test(view.grid);
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellText(0, grid.getColumnPosition("caller"))).isEqualTo("200@" + OFFICE);
        assertThat(view.count.getText()).isEqualTo("Calls now: 1");

        call("c3", "202", "203", OFFICE);
        test(view.refresh).click();
        assertThat(test(view.grid).size()).isEqualTo(2);
        assertThat(test(view.grid).getCellText(0, test(view.grid).getColumnPosition("duration"))).isEqualTo("1:15");
        assertThat(view.count.getText()).isEqualTo("Calls now: 2");
    }

    @Test
    void theResellerSeesTheCallsOfAllItsClients_andTheScreenPolls() {
        call("c1", "200", "201", OFFICE);
        call("c2", "300", "301", "acme.demo.gridpbx.test");
        call("c3", "400", "401", "shop.other.gridpbx.test");
        signIn("reseller@demo.gridpbx.test");
        CallsView view = navigate(CallsView.class);

        assertThat(test(view.grid).size()).isEqualTo(2);
        assertThat(view.getUI().orElseThrow().getPollInterval()).isEqualTo(CallsView.POLL_MILLIS);
    }

    @Test
    void aUserSeesOnlyItsOwnCalls_andCannotHangThemUpFromHere() {
        call("c1", "202", "201", OFFICE);
        call("c2", "200", "203", OFFICE);
        signIn("202@office.demo.gridpbx.test");
        CallsView view = navigate(CallsView.class);
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(view.grid.getColumnByKey("hang-up")).isNull();
    }

    @Test
    void aClientHangsUpACall_andItLeavesTheList() {
        call("c1", "200", "201", OFFICE);
        fixture.clock.advance(Duration.ofSeconds(1)); // listed oldest first
        call("c2", "202", "203", OFFICE);
        signIn("admin@office.demo.gridpbx.test");
        CallsView view = navigate(CallsView.class);

        test((com.vaadin.flow.component.button.Button) test(view.grid).getCellComponent(0, "hang-up")).click();

        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(view.count.getText()).isEqualTo("Calls now: 1");
        assertThat(fixture.calls.activeWithin(OFFICE)).extracting(d -> d.id().callId()).containsExactly("c2");
    }

    @Test
    void aCallThroughACarrier_showsItsDirectionNumberAndGateway_anInternalOneBlanks() {
        long now = fixture.clock.instant().toEpochMilli();
        Dialog outbound = new Dialog(new DialogId("pstn", "f", "t"), new AddressOfRecord("202", OFFICE),
                new AddressOfRecord("0044207946", OFFICE), now, "node1");
        fixture.calls.started(outbound.withFacts(new CallFacts(Direction.OUTBOUND, "0044207946", "44207946", "carrier-b",
                now - 4_000, OFFICE, List.of()), 0));
        fixture.clock.advance(Duration.ofSeconds(5));
        call("c1", "200", "201", OFFICE);
        signIn("admin@office.demo.gridpbx.test");
        VaadinSession.getCurrent().setLocale(Locale.FRENCH);
        CallsView view = navigate(CallsView.class);

        var grid = test(view.grid);
        assertThat(grid.getHeaderCell(grid.getColumnPosition("direction"))).isEqualTo("Sens");
        assertThat(grid.getCellText(0, grid.getColumnPosition("direction"))).isEqualTo("Sortant");
        assertThat(grid.getCellText(0, grid.getColumnPosition("number"))).isEqualTo("44207946");
        assertThat(grid.getCellText(0, grid.getColumnPosition("gateway"))).isEqualTo("carrier-b");
        assertThat(grid.getCellText(0, grid.getColumnPosition("duration"))).isEqualTo("0:05");
        assertThat(grid.getCellText(1, grid.getColumnPosition("direction"))).as("kept no facts").isEmpty();
        assertThat(grid.getCellText(1, grid.getColumnPosition("gateway"))).isEmpty();
    }
}
