package io.gridpbx.core.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The alert board in memory, for tests of the services and views. */
public final class InMemoryAlertBoard implements AlertBoard {

    private final Map<String, Alert> active = new ConcurrentHashMap<>();
    private final List<Alert> history = new CopyOnWriteArrayList<>();

    @Override
    public Optional<Alert> raise(Condition condition, Instant at, String node) {
        Alert alert = Alert.raise(condition, at, node);
        return active.putIfAbsent(condition.id(), alert) == null ? Optional.of(alert) : Optional.empty();
    }

    @Override
    public Optional<Alert> clear(String id, Instant at, String node) {
        Alert removed = active.remove(id);
        if (removed == null) {
            return Optional.empty();
        }
        Alert cleared = removed.clear(at, node);
        history.add(cleared);
        return Optional.of(cleared);
    }

    @Override
    public List<Alert> active() {
        return List.copyOf(active.values());
    }

    @Override
    public List<Alert> history() {
        List<Alert> sorted = new ArrayList<>(history);
        sorted.sort(Comparator.comparing((Alert a) -> a.clearedAt()).reversed());
        return sorted;
    }
}
