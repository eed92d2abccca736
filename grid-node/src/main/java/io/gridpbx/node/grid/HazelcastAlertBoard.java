package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridpbx.core.alerts.Alert;
import io.gridpbx.core.alerts.AlertBoard;
import io.gridpbx.core.alerts.Condition;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The alerts in two partitioned maps (one synchronous backup, so a member's death loses none): the
 * active ones by id, and the cleared ones. {@code putIfAbsent} and {@code remove} run on the id's
 * partition owner, one at a time per key, so of two members that raise or clear the same alert at
 * once exactly one gets it: only that one delivers.
 */
public final class HazelcastAlertBoard implements AlertBoard {

    private final IMap<String, Alert> active;
    private final IMap<String, Alert> history;
    private final int historyLimit;

    public HazelcastAlertBoard(HazelcastInstance grid, int historyLimit) {
        this.active = grid.getMap(MapNames.ALERTS_ACTIVE);
        this.history = grid.getMap(MapNames.ALERTS_HISTORY);
        this.historyLimit = historyLimit;
    }

    @Override
    public Optional<Alert> raise(Condition condition, Instant at, String node) {
        Alert alert = Alert.raise(condition, at, node);
        return active.putIfAbsent(alert.id(), alert) == null ? Optional.of(alert) : Optional.empty();
    }

    @Override
    public Optional<Alert> clear(String id, Instant at, String node) {
        Alert removed = active.remove(id);
        if (removed == null) {
            return Optional.empty();
        }
        Alert cleared = removed.clear(at, node);
        history.set(id + "|" + removed.raisedAt().toEpochMilli(), cleared);
        trimHistory();
        return Optional.of(cleared);
    }

    @Override
    public List<Alert> active() {
        return List.copyOf(active.values());
    }

    @Override
    public List<Alert> history() {
        return history.values().stream().sorted(latestClearedFirst()).toList();
    }

    private void trimHistory() {
        if (history.size() <= historyLimit) {
            return;
        }
        history.entrySet().stream().sorted((a, b) -> latestClearedFirst().compare(a.getValue(), b.getValue()))
                .skip(historyLimit).forEach(entry -> history.delete(entry.getKey()));
    }

    private static Comparator<Alert> latestClearedFirst() {
        return Comparator.comparing((Alert alert) -> Objects.requireNonNull(alert.clearedAt())).reversed();
    }
}
