package io.gridpbx.node.alerts;

import io.gridpbx.core.alerts.AlertKind;
import io.gridpbx.core.alerts.AlertSignal;
import io.gridpbx.core.alerts.Condition;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/** This node's write-behind backlog over {@code gridpbx.db.backlog-warn-threshold}. */
final class BacklogSignal implements AlertSignal {

    private final String node;
    private final LongSupplier pending;
    private final long threshold;

    BacklogSignal(String node, LongSupplier pending, long threshold) {
        this.node = node;
        this.pending = pending;
        this.threshold = threshold;
    }

    @Override
    public Set<AlertKind> kinds() {
        return Set.of(AlertKind.WRITE_BEHIND_BACKLOG);
    }

    @Override
    public List<Condition> conditions() {
        long now = pending.getAsLong();
        if (now <= threshold) {
            return List.of();
        }
        return List.of(new Condition(AlertKind.WRITE_BEHIND_BACKLOG, node, now
                + " writes pending on this node (threshold " + threshold + "): the database is slow or away", now));
    }
}
