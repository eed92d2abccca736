package io.gridpbx.node.alerts;

import io.gridpbx.core.alerts.AlertKind;
import io.gridpbx.core.alerts.AlertSignal;
import io.gridpbx.core.alerts.Condition;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * This node cannot reach the database. One failed check is not enough (a Galera node restarting
 * costs one connection): it holds after two in a row.
 */
final class DatabaseSignal implements AlertSignal {

    private static final int FAILURES = 2;

    private final String node;
    private final BooleanSupplier reachable;
    private int failures;

    DatabaseSignal(String node, BooleanSupplier reachable) {
        this.node = node;
        this.reachable = reachable;
    }

    @Override
    public Set<AlertKind> kinds() {
        return Set.of(AlertKind.DATABASE_UNREACHABLE);
    }

    @Override
    public List<Condition> conditions() {
        failures = reachable.getAsBoolean() ? 0 : failures + 1;
        if (failures < FAILURES) {
            return List.of();
        }
        return List.of(new Condition(AlertKind.DATABASE_UNREACHABLE, node, "this node has not reached the database in "
                + failures + " checks in a row; the grid keeps serving and queues its writes", failures));
    }
}
