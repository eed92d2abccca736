package io.gridpbx.core.alerts;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** What one evaluation changes: the conditions to raise and the active alerts to clear. */
public record AlertTransitions(List<Condition> raise, List<String> clear) {

    public AlertTransitions {
        raise = List.copyOf(raise);
        clear = List.copyOf(clear);
    }

    /**
     * Compares what holds now with what is raised.
     *
     * @param kinds  the kinds decided by the signal that reported {@code now}
     * @param mine   which active alerts of those kinds this evaluator answers for (a node: its own subject)
     * @param now    the conditions that hold now
     * @param active every active alert
     */
    public static AlertTransitions between(Set<AlertKind> kinds, Predicate<Alert> mine, Collection<Condition> now,
            Collection<Alert> active) {
        Map<String, Condition> holding = new LinkedHashMap<>();
        for (Condition condition : now) {
            if (!kinds.contains(condition.kind())) {
                throw new IllegalArgumentException("a signal of " + kinds + " reported " + condition.kind());
            }
            holding.putIfAbsent(condition.id(), condition);
        }
        Map<String, Alert> raised = new LinkedHashMap<>();
        for (Alert alert : active) {
            if (alert.active() && kinds.contains(alert.kind()) && mine.test(alert)) {
                raised.put(alert.id(), alert);
            }
        }
        List<Condition> raise = holding.values().stream().filter(c -> !raised.containsKey(c.id())).toList();
        List<String> clear = raised.keySet().stream().filter(id -> !holding.containsKey(id)).toList();
        return new AlertTransitions(raise, clear);
    }

    public boolean isEmpty() {
        return raise.isEmpty() && clear.isEmpty();
    }
}
