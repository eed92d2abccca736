package io.gridpbx.core.alerts;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.access.AuditEntry;
import io.gridpbx.core.access.AuditLog;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.manage.ForbiddenException;
import io.gridpbx.core.manage.NotFoundException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The platform's alert list, shared by the admin UI and the REST API: active alerts, then the history;
 * and forgetting a node that left for good, whose "node left" alert would otherwise never clear.
 */
public final class Alerts {

    private final AlertBoard board;
    private final NodeRoster roster;
    private final AuditLog audit;
    private final Clock clock;

    public Alerts(AlertBoard board, NodeRoster roster, AuditLog audit, Clock clock) {
        this.board = board;
        this.roster = roster;
        this.audit = audit;
        this.clock = clock;
    }

    /** The active alerts, the latest raised first. */
    public List<Alert> active(Actor actor) {
        requirePlatform(actor);
        return board.active().stream().sorted(Comparator.comparing(Alert::raisedAt).reversed()).toList();
    }

    /** The active alerts, then the cleared ones, the latest cleared first. */
    public List<Alert> all(Actor actor) {
        return Stream.concat(active(actor).stream(), board.history().stream()).toList();
    }

    /**
     * Forgets a node that left and will not come back (decommissioned, moved to another address): its
     * "node left" alert is cleared by the next evaluation, and delivered as cleared. Audited.
     *
     * @throws NotFoundException when no "node left" alert is active for that address
     */
    public void forgetNode(Actor actor, String address) {
        requirePlatform(actor);
        String subject = address.strip();
        String id = Alert.id(AlertKind.NODE_LEFT, subject);
        if (board.active().stream().noneMatch(alert -> alert.id().equals(id)) || !roster.forget(subject)) {
            throw new NotFoundException("node-left alert", subject);
        }
        audit.append(new AuditEntry(clock.instant(), actor.email(), "alert-forget-node", actor.scope(), subject));
    }

    private static void requirePlatform(Actor actor) {
        if (actor.scope().level() != Level.PLATFORM) {
            throw new ForbiddenException("only the platform sees the cluster's alerts");
        }
    }
}
