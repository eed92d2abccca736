package io.gridpbx.node.dns;

import io.gridpbx.core.dns.ZoneRecord;
import io.gridpbx.core.dns.ZoneSource;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** The zones exactly as this node's DNS server answers them, for the admin and the zone-file export. */
final class ServedZones implements ZoneSource {

    private final ZoneAuthority authority;

    ServedZones(ZoneAuthority authority) {
        this.authority = authority;
    }

    @Override
    public Optional<List<ZoneRecord>> records(String zone) {
        Name name;
        try {
            name = Name.fromString(zone, Name.root);
        } catch (TextParseException e) {
            return Optional.empty();
        }
        return authority.zone(name).map(records -> records.stream().map(ServedZones::toZoneRecord).toList());
    }

    private static ZoneRecord toZoneRecord(Record record) {
        return new ZoneRecord(record.getName().toString(), record.getTTL(), Type.string(record.getType()),
                record.rdataToString());
    }
}
