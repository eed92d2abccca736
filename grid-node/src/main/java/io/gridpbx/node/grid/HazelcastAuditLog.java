package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.gridpbx.core.access.AuditEntry;
import io.gridpbx.core.access.AuditLog;
import io.gridpbx.core.access.Scope;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The audit trail in the grid, keyed by time then a random suffix so that keys sort by time. */
public final class HazelcastAuditLog implements AuditLog {

    private final IMap<String, AuditEntry> entries;

    public HazelcastAuditLog(HazelcastInstance grid) {
        this.entries = grid.getMap(MapNames.AUDIT);
    }

    @Override
    public void append(AuditEntry entry) {
        String key = String.format("%013d-%s", entry.at().toEpochMilli(), UUID.randomUUID().toString().substring(0, 8));
        entries.set(key, entry);
    }

    @Override
    public List<AuditEntry> recent(Scope within, int limit) {
        // The grid narrows by suffix; the exact rule is Scope's (a suffix alone would let
        // "xdemo.gridpbx.test" match "demo.gridpbx.test").
        String suffix = within.level() == io.gridpbx.core.access.Level.USER ? within.tenant() : within.domain();
        return entries.values(Predicates.like("actingAs", "%" + suffix)).stream()
                .filter(e -> within.covers(e.actingAs()))
                .sorted(Comparator.comparing(AuditEntry::at).reversed())
                .limit(limit)
                .toList();
    }
}
