package io.gridpbx.core.dns;

import java.util.List;

/** Writes a zone as a master file: {@code $ORIGIN}, {@code $TTL}, then one record a line. */
public final class ZoneFile {

    private ZoneFile() {
    }

    public static String render(String zone, List<ZoneRecord> records) {
        StringBuilder text = new StringBuilder();
        text.append("; ").append(zone).append(": the live nodes of the GridPBX cluster, as its DNS serves them\n");
        text.append("$ORIGIN ").append(zone).append(".\n");
        if (!records.isEmpty()) {
            text.append("$TTL ").append(records.getFirst().ttl()).append('\n');
        }
        for (ZoneRecord record : records) {
            text.append(record.name()).append('\t').append(record.ttl()).append("\tIN\t").append(record.type())
                    .append('\t').append(record.data()).append('\n');
        }
        return text.toString();
    }
}
