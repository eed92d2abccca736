package io.gridpbx.cluster;

import com.hazelcast.map.MapStore;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A MapStore double that keeps what it was given, counts store calls, and can be told to fail
 * (a database outage) until healed. Shared by all in-JVM members, so it sees every member's writes.
 */
class RecordingMapStore<V> implements MapStore<String, V> {

    private final ConcurrentHashMap<String, V> stored = new ConcurrentHashMap<>();
    private final AtomicLong storeCalls = new AtomicLong();
    private final AtomicLong failedCalls = new AtomicLong();
    private volatile boolean failing;

    void failFromNowOn() {
        failing = true;
    }

    void heal() {
        failing = false;
    }

    Set<String> storedKeys() {
        return stored.keySet();
    }

    long storeCalls() {
        return storeCalls.get();
    }

    long failedCalls() {
        return failedCalls.get();
    }

    @Override
    public void store(String key, V value) {
        storeCalls.incrementAndGet();
        refuseWhileFailing();
        stored.put(key, value);
    }

    @Override
    public void storeAll(Map<String, V> entries) {
        storeCalls.incrementAndGet();
        refuseWhileFailing();
        stored.putAll(entries);
        entries.clear();
    }

    @Override
    public void delete(String key) {
        refuseWhileFailing();
        stored.remove(key);
    }

    @Override
    public void deleteAll(Collection<String> keys) {
        refuseWhileFailing();
        keys.forEach(stored::remove);
        keys.clear();
    }

    @Override
    public @Nullable V load(String key) {
        return null; // starts empty: these tests are about writes
    }

    @Override
    public Map<String, V> loadAll(Collection<String> keys) {
        return Map.of();
    }

    @Override
    public Iterable<String> loadAllKeys() {
        return Set.of();
    }

    private void refuseWhileFailing() {
        if (failing) {
            failedCalls.incrementAndGet();
            throw new IllegalStateException("database unreachable (simulated)");
        }
    }
}
