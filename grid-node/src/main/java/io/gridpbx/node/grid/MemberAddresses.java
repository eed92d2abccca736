package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridpbx.core.alerts.NodeRoster;
import java.util.Map;

/**
 * The member addresses the cluster has had ({@code host:port} to when each was first seen), in a
 * partitioned map with a backup, so that the members that are missing are known to whichever member
 * asks, also after the death of the one that asked before.
 */
public final class MemberAddresses implements NodeRoster {

    private final IMap<String, Long> known;

    public MemberAddresses(HazelcastInstance grid) {
        this.known = grid.getMap(MapNames.ALERTS_MEMBERS);
    }

    /** Adds the address unless it is known already. */
    public void add(String address, long sinceMillis) {
        if (!known.containsKey(address)) {
            known.set(address, sinceMillis);
        }
    }

    public void remove(String address) {
        known.delete(address);
    }

    @Override
    public boolean forget(String address) {
        return known.remove(address) != null;
    }

    /** Every known address, with when it was first seen. */
    public Map<String, Long> all() {
        return Map.copyOf(known);
    }
}
