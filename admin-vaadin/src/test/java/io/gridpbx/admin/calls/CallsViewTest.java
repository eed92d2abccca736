package io.gridpbx.admin.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.admin.AdminUiTest;
import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.dialog.DialogId;
import io.gridpbx.core.location.AddressOfRecord;
import java.time.Duration;
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
    void aUserSeesOnlyItsOwnCalls() {
        call("c1", "202", "201", OFFICE);
        call("c2", "200", "203", OFFICE);
        signIn("202@office.demo.gridpbx.test");
        CallsView view = navigate(CallsView.class);
        assertThat(test(view.grid).size()).isEqualTo(1);
    }
}
