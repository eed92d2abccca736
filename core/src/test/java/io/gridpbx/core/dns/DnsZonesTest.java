package io.gridpbx.core.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.manage.ForbiddenException;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.tenancy.InMemoryTenantDirectory;
import io.gridpbx.core.tenancy.TenantProvisioning;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DnsZonesTest {

    private final InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
    private final DnsZones zones;

    DnsZonesTest() {
        DemoTenants.create(new TenantProvisioning(directory));
        ZoneSource source = zone -> zone.equals("gridpbx.test") || directory.client(zone).isPresent()
                ? Optional.of(List.of(new ZoneRecord(zone + ".", 5, "SOA", "ns.gridpbx.test. hostmaster.gridpbx.test. 9 60 30 3600 5"),
                        new ZoneRecord("_sip._udp." + zone + ".", 5, "SRV", "10 100 5060 sip-127-0-0-1-5060.gridpbx.test.")))
                : Optional.empty();
        zones = new DnsZones(source, directory, "gridpbx.test");
    }

    @Test
    void eachLevelSeesTheZonesBelowIt() {
        assertThat(zones.zones(actor(Scope.platform("gridpbx.test")))).containsExactly("gridpbx.test",
                "acme.demo.gridpbx.test", "office.demo.gridpbx.test", "shop.other.gridpbx.test");
        assertThat(zones.zones(actor(Scope.reseller("other.gridpbx.test")))).containsExactly("shop.other.gridpbx.test");
        assertThat(zones.zones(actor(Scope.client("office.demo.gridpbx.test")))).containsExactly("office.demo.gridpbx.test");
        assertThatThrownBy(() -> zones.zones(actor(Scope.user(AddressOfRecord.parse("200@office.demo.gridpbx.test")))))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aZoneOutsideTheScopeIsForbidden_andAnUnknownOrMalformedOneIsNotFound() {
        Actor demo = actor(Scope.reseller("demo.gridpbx.test"));
        assertThat(zones.records(demo, "Office.Demo.GridPBX.test.")).hasSize(2);
        assertThatThrownBy(() -> zones.records(demo, "shop.other.gridpbx.test")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> zones.records(demo, "gridpbx.test")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> zones.records(demo, "nobody.demo.gridpbx.test")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> zones.records(demo, "bad..name")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theZoneFileIsAMasterFile() {
        String file = zones.zoneFile(actor(Scope.platform("gridpbx.test")), "acme.demo.gridpbx.test");
        assertThat(file.lines().toList()).containsSequence("$ORIGIN acme.demo.gridpbx.test.", "$TTL 5",
                "acme.demo.gridpbx.test.\t5\tIN\tSOA\tns.gridpbx.test. hostmaster.gridpbx.test. 9 60 30 3600 5",
                "_sip._udp.acme.demo.gridpbx.test.\t5\tIN\tSRV\t10 100 5060 sip-127-0-0-1-5060.gridpbx.test.");
    }

    private static Actor actor(Scope scope) {
        return Actor.token("test", scope);
    }
}
