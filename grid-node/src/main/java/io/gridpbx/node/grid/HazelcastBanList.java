package io.gridpbx.node.grid;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import io.gridpbx.core.security.Ban;
import io.gridpbx.core.security.BanList;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The cluster's bans: an IMap whose entries live as long as their ban (TTL), mirrored on every member
 * by an entry listener into a local map, which is all the per-packet check reads: no grid call, no
 * log line. A ban added here is enforced by this member at once and by the others when the event
 * reaches them (milliseconds on a LAN). The mirror also checks each ban's end itself, so a ban lifts on
 * time even if the map's expiry event comes late. Bounded: past {@code capacity} bans the mirror takes
 * no more (the map's TTL empties both).
 */
public final class HazelcastBanList implements BanList, AutoCloseable {

    private final IMap<String, Ban> bans;
    private final Clock clock;
    private final int capacity;
    private final ConcurrentHashMap<String, Ban> mirror = new ConcurrentHashMap<>();
    private final UUID listener;

    public HazelcastBanList(HazelcastInstance grid, Clock clock, int capacity) {
        this.bans = grid.getMap(MapNames.SECURITY_BANS);
        this.clock = clock;
        this.capacity = capacity;
        this.listener = bans.addEntryListener(new Mirror(), true);
        bans.values().forEach(this::remember);
    }

    @Override
    public boolean isBanned(String address) {
        return active(address);
    }

    @Override
    public boolean isLockedOut(String address, String user) {
        return active(Ban.key(address, user));
    }

    private boolean active(String key) {
        Ban ban = mirror.get(key);
        if (ban == null) {
            return false;
        }
        if (ban.activeAt(clock.instant())) {
            return true;
        }
        mirror.remove(key, ban);
        return false;
    }

    /** Enforced here at once; the grid write is asynchronous, so the SIP thread never waits for it. */
    @Override
    public void add(Ban ban) {
        long ttl = Duration.between(clock.instant(), ban.until()).toMillis();
        if (ttl <= 0) {
            return;
        }
        remember(ban);
        bans.setAsync(ban.key(), ban, ttl, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean lift(String key) {
        boolean here = mirror.remove(key) != null;
        return bans.remove(key) != null || here;
    }

    @Override
    public List<Ban> active() {
        var now = clock.instant();
        return mirror.values().stream().filter(b -> b.activeAt(now)).toList();
    }

    private void remember(Ban ban) {
        if (mirror.size() < capacity || mirror.containsKey(ban.key())) {
            mirror.put(ban.key(), ban);
        }
    }

    @Override
    public void close() {
        bans.removeEntryListener(listener);
    }

    private final class Mirror implements EntryAddedListener<String, Ban>, EntryUpdatedListener<String, Ban>,
            EntryRemovedListener<String, Ban>, EntryExpiredListener<String, Ban>, EntryEvictedListener<String, Ban> {

        @Override
        public void entryAdded(EntryEvent<String, Ban> event) {
            remember(event.getValue());
        }

        @Override
        public void entryUpdated(EntryEvent<String, Ban> event) {
            remember(event.getValue());
        }

        @Override
        public void entryRemoved(EntryEvent<String, Ban> event) {
            mirror.remove(event.getKey());
        }

        /**
         * The grid keeps an entry's times in whole seconds, so its TTL can end up to a second before the
         * ban does: the mirror keeps a ban that is still running and lets {@link #active} drop it on time.
         */
        @Override
        public void entryExpired(EntryEvent<String, Ban> event) {
            forgetIfOver(event.getKey());
        }

        @Override
        public void entryEvicted(EntryEvent<String, Ban> event) {
            forgetIfOver(event.getKey());
        }

        private void forgetIfOver(String key) {
            var now = clock.instant();
            mirror.computeIfPresent(key, (k, ban) -> ban.activeAt(now) ? ban : null);
        }
    }
}
