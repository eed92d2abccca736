package io.gridpbx.admin.dns;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.security.ForLevels;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.dns.DnsZones;
import io.gridpbx.core.dns.ZoneFile;
import io.gridpbx.core.dns.ZoneRecord;
import java.util.List;

/**
 * The records the cluster's DNS serves now for each zone in scope (the live nodes only), and the
 * same zone as a master file to paste into an operator's own BIND or PowerDNS primary.
 */
@Route(value = "dns", layout = MainLayout.class)
@ForLevels({Level.PLATFORM, Level.RESELLER, Level.CLIENT})
class DnsView extends VerticalLayout implements HasDynamicTitle {

    final Select<String> zone = new Select<>();
    final Grid<ZoneRecord> records = new Grid<>();
    final TextArea zoneFile = new TextArea();
    private final DnsZones zones;

    DnsView(DnsZones zones) {
        this.zones = zones;
        setSizeFull();
        zone.setId("dns-zone");
        zone.setLabel(getTranslation("dns.zone"));
        records.setId("dns-records");
        records.addColumn(ZoneRecord::name).setKey("name").setHeader(getTranslation("dns.name")).setAutoWidth(true);
        records.addColumn(ZoneRecord::ttl).setKey("ttl").setHeader(getTranslation("dns.ttl")).setAutoWidth(true);
        records.addColumn(ZoneRecord::type).setKey("type").setHeader(getTranslation("dns.type")).setAutoWidth(true);
        records.addColumn(ZoneRecord::data).setKey("data").setHeader(getTranslation("dns.data")).setAutoWidth(true);
        zoneFile.setId("dns-zone-file");
        zoneFile.setLabel(getTranslation("dns.zone-file"));
        zoneFile.setHelperText(getTranslation("dns.zone-file.help"));
        zoneFile.setReadOnly(true);
        zoneFile.setWidthFull();
        add(new H2(getTranslation("nav.dns")), new Paragraph(getTranslation("dns.help")), zone, records, zoneFile);
        List<String> inScope = zones.zones(AdminSession.require());
        zone.setItems(inScope);
        zone.addValueChangeListener(change -> show(change.getValue()));
        if (!inScope.isEmpty()) {
            zone.setValue(inScope.getFirst());
        }
    }

    private void show(String name) {
        List<ZoneRecord> served = zones.records(AdminSession.require(), name);
        records.setItems(served);
        zoneFile.setValue(ZoneFile.render(name, served));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.dns") + " · GridPBX";
    }
}
