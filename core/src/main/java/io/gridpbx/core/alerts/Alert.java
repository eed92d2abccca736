package io.gridpbx.core.alerts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One alert: raised once, by one node, when its condition began; cleared once, when it ended. Cleared
 * alerts stay in the history with both times.
 *
 * @param raisedBy  the node that raised it
 * @param figure    the figure measured when it was raised (see {@link Condition#figure()})
 * @param clearedAt null while the alert is active
 * @param clearedBy the node that cleared it; null while active
 */
public record Alert(AlertKind kind, String subject, String detail, long figure, Instant raisedAt, String raisedBy,
        @Nullable Instant clearedAt, @Nullable String clearedBy) {

    public static String id(AlertKind kind, String subject) {
        return kind.key() + ":" + subject;
    }

    /** A new alert for a condition that just began. */
    public static Alert raise(Condition condition, Instant at, String node) {
        return new Alert(condition.kind(), condition.subject(), condition.detail(), condition.figure(), at, node,
                null, null);
    }

    public String id() {
        return id(kind, subject);
    }

    public boolean active() {
        return clearedAt == null;
    }

    /** This alert, cleared. */
    public Alert clear(Instant at, String node) {
        return new Alert(kind, subject, detail, figure, raisedAt, raisedBy, at, node);
    }
}
