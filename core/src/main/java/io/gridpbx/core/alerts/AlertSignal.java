package io.gridpbx.core.alerts;

import java.util.List;
import java.util.Set;

/**
 * A source of conditions, asked at each evaluation: by the cluster's oldest member for a signal of
 * {@link AlertKind.Scope#CLUSTER} kinds, by every node for its own {@link AlertKind.Scope#NODE} kinds.
 * An alert of its kinds that it no longer reports is cleared.
 */
public interface AlertSignal {

    /** The kinds this signal decides, all of one scope. */
    Set<AlertKind> kinds();

    /**
     * The conditions that hold now.
     *
     * @throws RuntimeException when they cannot be known now: then nothing of these kinds is raised or cleared
     */
    List<Condition> conditions();

    /**
     * Called before the first evaluation on a node that has just become the evaluator, with the active
     * alerts of this signal's kinds, so that a rule with memory (a drop against a reference) resumes
     * where the previous evaluator stopped instead of clearing them.
     */
    default void resume(List<Alert> active) {
    }
}
