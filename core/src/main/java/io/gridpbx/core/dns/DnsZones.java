package io.gridpbx.core.dns;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.ForbiddenException;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.tenancy.Client;
import io.gridpbx.core.tenancy.DomainName;
import io.gridpbx.core.tenancy.Reseller;
import io.gridpbx.core.tenancy.TenantDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The DNS zones an actor may see: the platform's and every client's for the operator, its clients'
 * for a reseller, its own for a client. Shared by the admin UI and the REST API.
 */
public final class DnsZones {

    private final ZoneSource source;
    private final TenantDirectory directory;
    private final String platformDomain;

    public DnsZones(ZoneSource source, TenantDirectory directory, String platformDomain) {
        this.source = source;
        this.directory = directory;
        this.platformDomain = DomainName.normalize(platformDomain);
    }

    /** The zones in the actor's scope, the platform's first, then by name. */
    public List<String> zones(Actor actor) {
        Scope scope = actor.scope();
        return switch (scope.level()) {
            case PLATFORM -> Stream.concat(Stream.of(platformDomain), directory.resellers().stream()
                    .map(Reseller::realm).flatMap(realm -> clientDomains(realm).stream()).sorted()).toList();
            case RESELLER -> clientDomains(scope.tenant()).stream().sorted().toList();
            case CLIENT -> List.of(scope.tenant());
            case USER -> throw new ForbiddenException("a user has no DNS zones to see");
        };
    }

    /**
     * The zone's records as served now.
     *
     * @throws ForbiddenException when the zone is outside the actor's scope
     * @throws NotFoundException  when the domain is no zone of the platform
     */
    public List<ZoneRecord> records(Actor actor, String zone) {
        String domain = normalized(zone);
        Scope scope = actor.scope();
        boolean platformZone = domain.equals(platformDomain);
        if (platformZone ? scope.level() != io.gridpbx.core.access.Level.PLATFORM : !scope.coversDomain(domain)) {
            throw new ForbiddenException("the zone " + domain + " is outside " + scope);
        }
        return source.records(domain).orElseThrow(() -> new NotFoundException("zone", domain));
    }

    /** The zone as a master file (RFC 1035 section 5), for an operator's BIND or PowerDNS primary. */
    public String zoneFile(Actor actor, String zone) {
        String domain = normalized(zone);
        return ZoneFile.render(domain, records(actor, domain));
    }

    private List<String> clientDomains(String realm) {
        List<String> domains = new ArrayList<>();
        directory.clientsOf(realm).stream().map(Client::domain).forEach(domains::add);
        return domains;
    }

    private static String normalized(String zone) {
        String trimmed = zone.endsWith(".") ? zone.substring(0, zone.length() - 1) : zone;
        try {
            return DomainName.normalize(trimmed);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("zone", zone);
        }
    }
}
