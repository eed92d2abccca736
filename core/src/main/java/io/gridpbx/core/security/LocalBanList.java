package io.gridpbx.core.security;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bans of a node on its own (no cluster to share them with): a map that forgets a ban when its
 * time is over, bounded to {@code capacity} bans (past it, expired ones are swept first, and a new ban
 * that still finds no room is not kept).
 */
public final class LocalBanList implements BanList {

    private final Clock clock;
    private final int capacity;
    private final ConcurrentHashMap<String, Ban> bans = new ConcurrentHashMap<>();

    public LocalBanList(Clock clock, int capacity) {
        this.clock = clock;
        this.capacity = capacity;
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
        Ban ban = bans.get(key);
        if (ban == null) {
            return false;
        }
        if (ban.activeAt(clock.instant())) {
            return true;
        }
        bans.remove(key, ban);
        return false;
    }

    @Override
    public void add(Ban ban) {
        if (bans.size() >= capacity) {
            var now = clock.instant();
            bans.values().removeIf(b -> !b.activeAt(now));
            if (bans.size() >= capacity) {
                return;
            }
        }
        bans.put(ban.key(), ban);
    }

    @Override
    public boolean lift(String key) {
        return bans.remove(key) != null;
    }

    @Override
    public List<Ban> active() {
        var now = clock.instant();
        return bans.values().stream().filter(b -> b.activeAt(now)).toList();
    }
}
