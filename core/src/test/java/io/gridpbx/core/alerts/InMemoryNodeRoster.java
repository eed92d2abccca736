package io.gridpbx.core.alerts;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The member roster in memory, for tests of the services and views. */
public final class InMemoryNodeRoster implements NodeRoster {

    public final Set<String> addresses = ConcurrentHashMap.newKeySet();

    @Override
    public boolean forget(String address) {
        return addresses.remove(address);
    }
}
