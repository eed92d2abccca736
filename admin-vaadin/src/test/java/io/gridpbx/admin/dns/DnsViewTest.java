package io.gridpbx.admin.dns;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import io.gridpbx.admin.AdminUiTest;
import org.junit.jupiter.api.Test;

class DnsViewTest extends AdminUiTest {

    @Test
    void theOperatorSeesEveryZone_theRecordsOfTheOneChosen_andItsZoneFile() {
        signIn("admin@gridpbx.test");
        DnsView view = navigate(DnsView.class);

        assertThat(view.zone.getListDataView().getItems().toList()).containsExactly("gridpbx.test",
                "acme.demo.gridpbx.test", "office.demo.gridpbx.test", "shop.other.gridpbx.test");
        assertThat(view.zone.getValue()).isEqualTo("gridpbx.test");

        test(view.zone).selectItem("office.demo.gridpbx.test");

        var grid = test(view.records);
        assertThat(grid.size()).isEqualTo(2);
        assertThat(grid.getCellText(1, grid.getColumnPosition("name"))).isEqualTo("_sip._udp.office.demo.gridpbx.test.");
        assertThat(grid.getCellText(1, grid.getColumnPosition("type"))).isEqualTo("SRV");
        assertThat(view.zoneFile.getValue()).startsWith("; office.demo.gridpbx.test")
                .contains("$ORIGIN office.demo.gridpbx.test.\n$TTL 5\n")
                .contains("_sip._udp.office.demo.gridpbx.test.\t5\tIN\tSRV\t10 100 5060 sip-127-0-0-1-5060.gridpbx.test.");
    }

    @Test
    void aResellerSeesItsClientsZonesOnly() {
        signIn("reseller@demo.gridpbx.test");
        DnsView view = navigate(DnsView.class);
        assertThat(view.zone.getListDataView().getItems().toList()).containsExactly("acme.demo.gridpbx.test",
                "office.demo.gridpbx.test");
    }

    @Test
    void aUserNeverSeesThePage() {
        signIn("202@office.demo.gridpbx.test");
        navigate("dns", Component.class);
        assertThat(getCurrentView()).isNotInstanceOf(DnsView.class);
    }
}
