package io.gridpbx.node.alerts;

import io.gridpbx.core.alerts.Alert;
import io.gridpbx.core.alerts.AlertBoard;
import io.gridpbx.core.alerts.AlertKind;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;

/**
 * {@code gridpbx_alerts_active{alert="node-left"}}: the cluster's active alerts per kind, as every node
 * sees them (the same figure on each: aggregate with {@code max}). The board is read at most once a
 * second, however many kinds are scraped.
 */
final class AlertMetrics {

    private static final long REFRESH_MILLIS = 1000;

    private final AlertBoard board;
    private final Clock clock;
    private List<Alert> snapshot = List.of();
    private long readAt;
    private boolean read;

    private AlertMetrics(AlertBoard board, Clock clock) {
        this.board = board;
        this.clock = clock;
    }

    static void register(MeterRegistry registry, AlertBoard board, Clock clock) {
        AlertMetrics metrics = new AlertMetrics(board, clock);
        for (AlertKind kind : AlertKind.values()) {
            // held strongly: nothing else refers to metrics, and a gauge's weak reference let the first
            // collection turn every alert gauge into NaN
            Gauge.builder("gridpbx.alerts.active", metrics, m -> m.count(kind)).strongReference(true).tag("alert", kind.key())
                    .description("active alerts of this kind in the cluster").register(registry);
        }
    }

    private synchronized double count(AlertKind kind) {
        long now = clock.millis();
        if (!read || now - readAt >= REFRESH_MILLIS) {
            try {
                snapshot = board.active();
                readAt = now;
                read = true;
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }
        return snapshot.stream().filter(alert -> alert.kind() == kind).count();
    }
}
