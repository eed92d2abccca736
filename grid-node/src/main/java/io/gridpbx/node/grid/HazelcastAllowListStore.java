package io.gridpbx.node.grid;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.map.IMap;
import io.gridpbx.core.security.AllowListStore;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The platform's SIP allow-list in the grid: one entry, the whole list, so that an edit is one write
 * and every member sees the same list. Not written to the database: the durable allow-list is the
 * node property {@code gridpbx.security.allow-list}; this one holds the administrator's additions
 * while the cluster runs.
 */
public final class HazelcastAllowListStore implements AllowListStore {

    private static final String KEY = "platform";

    private final IMap<String, String> lists;

    public HazelcastAllowListStore(HazelcastInstance grid) {
        this.lists = grid.getMap(MapNames.SECURITY_ALLOW_LIST);
    }

    @Override
    public List<String> entries() {
        String list = lists.get(KEY);
        return list == null || list.isEmpty() ? List.of() : Arrays.asList(list.split("\n"));
    }

    @Override
    public void save(List<String> entries) {
        lists.set(KEY, String.join("\n", entries));
    }

    /** Calls back on every member when the list changes, wherever it was edited. */
    public UUID onChange(Runnable changed) {
        return lists.addEntryListener(new Changes(changed), false);
    }

    private record Changes(Runnable changed) implements EntryAddedListener<String, String>,
            EntryUpdatedListener<String, String> {

        @Override
        public void entryAdded(EntryEvent<String, String> event) {
            changed.run();
        }

        @Override
        public void entryUpdated(EntryEvent<String, String> event) {
            changed.run();
        }
    }
}
