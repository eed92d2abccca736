package io.gridpbx.core.alerts;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.manage.ForbiddenException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The platform's alert list, shared by the admin UI and the REST API: active alerts, then the history. */
public final class Alerts {

    private final AlertBoard board;

    public Alerts(AlertBoard board) {
        this.board = board;
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

    private static void requirePlatform(Actor actor) {
        if (actor.scope().level() != Level.PLATFORM) {
            throw new ForbiddenException("only the platform sees the cluster's alerts");
        }
    }
}
