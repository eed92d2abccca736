package io.gridpbx.node.api;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.alerts.Alert;
import io.gridpbx.core.alerts.Alerts;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The cluster's alerts, active and cleared: the platform only. */
@RestController
@RequestMapping("/api/v1/alerts")
@Tag(name = "alerts")
class AlertController {

    private final Alerts alerts;

    AlertController(Alerts alerts) {
        this.alerts = alerts;
    }

    /** One alert; {@code clearedAt} null while it is active. */
    record AlertJson(String id, String alert, String severity, String subject, String detail, boolean active,
            String raisedAt, String raisedBy, @Nullable String clearedAt, @Nullable String clearedBy) {
        static AlertJson of(Alert alert) {
            Instant clearedAt = alert.clearedAt();
            return new AlertJson(alert.id(), alert.kind().key(), alert.kind().severity().name().toLowerCase(Locale.ROOT),
                    alert.subject(), alert.detail(), alert.active(), alert.raisedAt().toString(), alert.raisedBy(),
                    clearedAt == null ? null : clearedAt.toString(), alert.clearedBy());
        }
    }

    /** The active alerts, latest first, then (unless {@code active=true}) the cleared ones, latest cleared first. */
    @GetMapping
    List<AlertJson> alerts(Actor actor, @RequestParam(defaultValue = "false") boolean active) {
        return (active ? alerts.active(actor) : alerts.all(actor)).stream().map(AlertJson::of).toList();
    }

    /**
     * Forgets a node that left for good ({@code host:port} of its member): its "node left" alert is cleared
     * within one evaluation. 404 when no such alert is active.
     */
    @DeleteMapping("/nodes/{address}")
    ResponseEntity<Void> forgetNode(Actor actor, @PathVariable String address) {
        alerts.forgetNode(actor, address);
        return ResponseEntity.noContent().build();
    }
}
