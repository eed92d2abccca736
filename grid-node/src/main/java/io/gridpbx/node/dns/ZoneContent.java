package io.gridpbx.node.dns;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NAPTRRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TextParseException;

/**
 * Every record of one zone, made from the live nodes: the SOA and NS, the NAPTR records that
 * point phones at the transports in the operator's order, one SRV record per live node and
 * transport, and (in the platform zone) the nodes' own A/AAAA records, which the SRV records of
 * every zone point at. One source for answers, zone transfers and the zone-file export.
 */
final class ZoneContent {

    private static final long SOA_REFRESH = 60;
    private static final long SOA_RETRY = 30;
    private static final long SOA_EXPIRE = 3600;
    private static final int SRV_PRIORITY = 10;
    private static final int NAPTR_PREFERENCE = 50;

    private final Name platform;
    private final long ttl;
    private final List<SipTransport> order;

    ZoneContent(Name platform, Duration ttl, List<SipTransport> order) {
        this.platform = platform;
        this.ttl = ttl.toSeconds();
        this.order = List.copyOf(order);
    }

    Name platform() {
        return platform;
    }

    /** The zone's records, SOA first. */
    List<Record> of(Name zone, LiveNodes.Roster roster) {
        List<Record> records = new ArrayList<>();
        records.add(soa(zone, roster));
        for (SipNode node : roster.nodes()) {
            records.add(new NSRecord(zone, DClass.IN, ttl, target(node)));
        }
        int naptrOrder = 10;
        for (SipTransport transport : order) {
            List<SipNode> offering = roster.nodes().stream().filter(n -> transport.portOf(n) > 0).toList();
            if (offering.isEmpty()) {
                continue;
            }
            Name service = child(zone, transport.srvPrefix());
            records.add(new NAPTRRecord(zone, DClass.IN, ttl, naptrOrder, NAPTR_PREFERENCE, "s", transport.service(),
                    "", service));
            naptrOrder += 10;
            for (SipNode node : offering) {
                records.add(new SRVRecord(service, DClass.IN, ttl, SRV_PRIORITY, node.weight(),
                        transport.portOf(node), target(node)));
            }
        }
        if (zone.equals(platform)) {
            roster.nodes().forEach(node -> address(node).ifPresent(records::add));
        }
        return records;
    }

    /** The SOA alone: what negative answers carry in their authority section. */
    SOARecord soa(Name zone, LiveNodes.Roster roster) {
        Name primary = roster.nodes().isEmpty() ? child(platform, "ns") : target(roster.nodes().getFirst());
        return new SOARecord(zone, DClass.IN, ttl, primary, child(platform, "hostmaster"), roster.serial(),
                SOA_REFRESH, SOA_RETRY, SOA_EXPIRE, ttl);
    }

    /** The A or AAAA record of a node advertised by IP, at its name in the platform zone. */
    Optional<Record> address(SipNode node) {
        Optional<InetAddress> ip = node.ip();
        if (ip.isEmpty()) {
            return Optional.empty();
        }
        Name name = target(node);
        return Optional.of(ip.get() instanceof java.net.Inet4Address
                ? new ARecord(name, DClass.IN, ttl, ip.get())
                : new AAAARecord(name, DClass.IN, ttl, ip.get()));
    }

    Name target(SipNode node) {
        return absolute(node.target(platform.toString(true)));
    }

    static Name absolute(String name) {
        try {
            return Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: '" + name + "'", e);
        }
    }

    private static Name child(Name parent, String labels) {
        try {
            return Name.concatenate(Name.fromString(labels), parent);
        } catch (TextParseException | org.xbill.DNS.NameTooLongException e) {
            throw new IllegalArgumentException("cannot name " + labels + " under " + parent, e);
        }
    }
}
