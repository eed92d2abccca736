package io.gridpbx.media.ng;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Replies by cookie, so that a request the proxy sends again (its reply was lost, or late: Kamailio
 * retransmits after its {@code rtpengine_tout_ms}) is answered with the same bytes and does nothing
 * twice. A reply still being worked out is cached too, so a retransmitted offer never opens ports.
 * Bounded in age and in entries; the oldest go first. Confined to the ng event loop.
 */
final class NgReplyCache {

    private record Entry(CompletableFuture<byte[]> reply, long storedMillis) {
    }

    private final Clock clock;
    private final long ttlMillis;
    private final int maxEntries;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    NgReplyCache(Clock clock, Duration ttl, int maxEntries) {
        if (maxEntries < 1 || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("reply cache needs a positive size and age: " + maxEntries + ", " + ttl);
        }
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.maxEntries = maxEntries;
    }

    /** The reply to this cookie, if it was asked within the age limit. */
    @Nullable CompletableFuture<byte[]> get(String cookie) {
        expire();
        Entry entry = entries.get(cookie);
        return entry == null ? null : entry.reply();
    }

    void put(String cookie, CompletableFuture<byte[]> reply) {
        expire();
        entries.remove(cookie);
        entries.put(cookie, new Entry(reply, clock.millis()));
        if (entries.size() > maxEntries) {
            Iterator<String> oldest = entries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    int size() {
        return entries.size();
    }

    private void expire() {
        long now = clock.millis();
        Iterator<Map.Entry<String, Entry>> oldestFirst = entries.entrySet().iterator();
        while (oldestFirst.hasNext() && now - oldestFirst.next().getValue().storedMillis() >= ttlMillis) {
            oldestFirst.remove();
        }
    }
}
