package io.gridpbx.node.grid;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * How much of the grid is not yet in the database: per persisted map, the entries this member owns
 * that changed since their last store (Hazelcast's dirty-entry count), and the same summed over the
 * cluster. "Synced" means that sum is zero everywhere.
 */
public final class WriteBehindBacklog {

    /** The maps written behind, in the order they are reported. */
    public static final List<String> PERSISTED_MAPS = List.of(MapNames.PLATFORM, MapNames.RESELLERS,
            MapNames.CLIENTS, MapNames.USERS, MapNames.CREDENTIALS, MapNames.LOCATIONS, MapNames.GATEWAYS,
            MapNames.ROUTES, MapNames.DIDS, MapNames.CONFIG, MapNames.CDRS, MapNames.ACCOUNTS, MapNames.API_TOKENS,
            MapNames.AUDIT, MapNames.PICTURES, MapNames.LOGOS, MapNames.VOICEMAIL_MAILBOXES, MapNames.VOICEMAIL_RECORDINGS,
            MapNames.PHONES, MapNames.BALANCES, MapNames.PRESENCE_SUBSCRIPTIONS,
            MapNames.PRESENCE_XCAP);

    private final HazelcastInstance grid;

    public WriteBehindBacklog(HazelcastInstance grid) {
        this.grid = grid;
    }

    /** This member's pending writes per map. */
    public Map<String, Long> local() {
        return local(grid);
    }

    static Map<String, Long> local(HazelcastInstance grid) {
        Map<String, Long> backlog = new LinkedHashMap<>();
        for (String name : PERSISTED_MAPS) {
            backlog.put(name, grid.getMap(name).getLocalMapStats().getDirtyEntryCount());
        }
        return backlog;
    }

    /** This member's pending writes of one persisted map. */
    public long local(String map) {
        return grid.getMap(map).getLocalMapStats().getDirtyEntryCount();
    }

    public long localTotal() {
        return local().values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Writes this member's pending entries to the store now, map by map; a map whose flush fails is
     * named in the returned list (its entries stay queued on the backups).
     */
    public List<String> flush() {
        List<String> failed = new java.util.ArrayList<>();
        for (String name : PERSISTED_MAPS) {
            try {
                grid.getMap(name).flush();
            } catch (RuntimeException e) {
                failed.add(name + ": " + e);
            }
        }
        return failed;
    }

    /** Pending writes of the whole cluster, asked of every member (at most a few seconds). */
    public long clusterTotal() throws Exception {
        Map<Member, Future<Long>> answers = grid.getExecutorService("gridpbx.ops").submitToAllMembers(new Probe());
        long total = 0;
        for (Future<Long> answer : answers.values()) {
            total += answer.get(5, TimeUnit.SECONDS);
        }
        return total;
    }

    /** Runs on each member and answers its local backlog. */
    public static final class Probe implements Callable<Long>, HazelcastInstanceAware, IdentifiedDataSerializable {

        private transient HazelcastInstance member;

        @Override
        public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
            this.member = hazelcastInstance;
        }

        @Override
        public Long call() {
            return local(member).values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public void writeData(ObjectDataOutput out) {
            // nothing to carry: the member answers for itself
        }

        @Override
        public void readData(ObjectDataInput in) {
            // nothing to read
        }

        @Override
        public int getFactoryId() {
            return GridDataSerializers.FACTORY_ID;
        }

        @Override
        public int getClassId() {
            return GridDataSerializers.BACKLOG_PROBE;
        }
    }
}
