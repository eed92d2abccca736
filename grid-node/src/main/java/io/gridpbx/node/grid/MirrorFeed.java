package io.gridpbx.node.grid;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryLoadedListener;
import com.hazelcast.map.listener.EntryMergedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.query.Predicate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One map's events into the index. Events and the initial read take turns (one lock per map), and
 * while a read runs the keys that events touch are noted, so that the read never puts back a value
 * an event has already replaced or removed.
 */
final class MirrorFeed<K, V> implements EntryAddedListener<K, V>, EntryUpdatedListener<K, V>,
        EntryLoadedListener<K, V>, EntryMergedListener<K, V>, EntryRemovedListener<K, V>,
        EntryEvictedListener<K, V>, EntryExpiredListener<K, V> {

    private static final Logger LOG = LoggerFactory.getLogger(MirrorFeed.class);

    private final IMap<K, V> map;
    private final Predicate<K, V> loaded;
    private final Consumer<V> put;
    private final BiConsumer<K, @Nullable V> remove;
    private @Nullable Set<K> touchedWhileLoading;
    private @Nullable UUID registration;

    MirrorFeed(IMap<K, V> map, Predicate<K, V> loaded, Consumer<V> put, BiConsumer<K, @Nullable V> remove) {
        this.map = map;
        this.loaded = loaded;
        this.put = put;
        this.remove = remove;
    }

    void listen() {
        registration = map.addEntryListener(this, true);
    }

    void load() {
        synchronized (this) {
            touchedWhileLoading = new HashSet<>();
        }
        try {
            for (Map.Entry<K, V> entry : map.entrySet(loaded)) {
                synchronized (this) {
                    if (!touchedWhileLoading.contains(entry.getKey())) {
                        apply(entry.getKey(), () -> put.accept(entry.getValue()));
                    }
                }
            }
        } finally {
            synchronized (this) {
                touchedWhileLoading = null;
            }
        }
    }

    void stop() {
        UUID id = registration;
        if (id != null) {
            map.removeEntryListener(id);
        }
    }

    @Override
    public void entryAdded(EntryEvent<K, V> event) {
        changed(event.getKey(), event.getValue());
    }

    @Override
    public void entryUpdated(EntryEvent<K, V> event) {
        changed(event.getKey(), event.getValue());
    }

    /** An entry read back from the database by its MapStore (after an eviction, or a {@code loadAll}). */
    @Override
    public void entryLoaded(EntryEvent<K, V> event) {
        changed(event.getKey(), event.getValue());
    }

    @Override
    public void entryMerged(EntryEvent<K, V> event) {
        changed(event.getKey(), event.getValue());
    }

    @Override
    public void entryRemoved(EntryEvent<K, V> event) {
        gone(event.getKey(), event.getOldValue());
    }

    @Override
    public void entryEvicted(EntryEvent<K, V> event) {
        gone(event.getKey(), event.getOldValue());
    }

    @Override
    public void entryExpired(EntryEvent<K, V> event) {
        gone(event.getKey(), event.getOldValue());
    }

    private synchronized void changed(K key, @Nullable V value) {
        note(key);
        if (value != null) {
            apply(key, () -> put.accept(value));
        }
    }

    private synchronized void gone(K key, @Nullable V old) {
        note(key);
        apply(key, () -> remove.accept(key, old));
    }

    private void note(K key) {
        Set<K> touched = touchedWhileLoading;
        if (touched != null) {
            touched.add(key);
        }
    }

    /** One bad entry must not stop the others, nor fill the event thread's log with its trace. */
    private void apply(K key, Runnable change) {
        try {
            change.run();
        } catch (RuntimeException e) {
            LOG.warn("Mirror: entry {} of {} not applied: {}", key, map.getName(), e.toString());
        }
    }
}

