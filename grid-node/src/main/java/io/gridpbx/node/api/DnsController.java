package io.gridpbx.node.api;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.dns.DnsZones;
import io.gridpbx.core.dns.ZoneRecord;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The DNS zones the cluster serves, as records and as a master file for a BIND or PowerDNS primary:
 * the platform's and every client's for the operator, its clients' for a reseller, its own for a client.
 */
@RestController
@RequestMapping("/api/v1/dns/zones")
@Tag(name = "dns")
class DnsController {

    private final DnsZones zones;

    DnsController(DnsZones zones) {
        this.zones = zones;
    }

    @GetMapping
    List<String> zones(Actor actor) {
        return zones.zones(actor);
    }

    @GetMapping("/{zone}")
    List<ZoneRecord> records(Actor actor, @PathVariable String zone) {
        return zones.records(actor, zone);
    }

    /** The zone as a master file (RFC 1035 section 5), {@code text/dns} (RFC 4027). */
    @GetMapping(value = "/{zone}/file", produces = "text/dns")
    String zoneFile(Actor actor, @PathVariable String zone) {
        return zones.zoneFile(actor, zone);
    }
}
