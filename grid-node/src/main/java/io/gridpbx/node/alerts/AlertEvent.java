package io.gridpbx.node.alerts;

import io.gridpbx.core.alerts.Alert;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One transition to deliver: an alert raised, or cleared. */
record AlertEvent(Transition transition, Alert alert) {

    enum Transition { RAISED, CLEARED }

    static AlertEvent raised(Alert alert) {
        return new AlertEvent(Transition.RAISED, alert);
    }

    static AlertEvent cleared(Alert alert) {
        return new AlertEvent(Transition.CLEARED, alert);
    }

    /**
     * The webhook's JSON fields; {@code status} is spelled as Alertmanager spells it ({@code firing},
     * {@code resolved}) so that receivers written for it read ours too.
     */
    Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", transition == Transition.RAISED ? "firing" : "resolved");
        fields.put("transition", transition.name().toLowerCase(Locale.ROOT));
        fields.put("id", alert.id());
        fields.put("alert", alert.kind().key());
        fields.put("severity", alert.kind().severity().name().toLowerCase(Locale.ROOT));
        fields.put("subject", alert.subject());
        fields.put("detail", alert.detail());
        fields.put("raisedAt", alert.raisedAt().toString());
        fields.put("raisedBy", alert.raisedBy());
        Instant clearedAt = alert.clearedAt();
        fields.put("clearedAt", clearedAt == null ? null : clearedAt.toString());
        fields.put("clearedBy", alert.clearedBy());
        return fields;
    }

    /** A one-line summary: {@code RAISED critical node-left 127.0.0.2:5701}. */
    String summary() {
        return transition + " " + alert.kind().severity().name().toLowerCase(Locale.ROOT) + " " + alert.kind().key()
                + " " + alert.subject();
    }
}
