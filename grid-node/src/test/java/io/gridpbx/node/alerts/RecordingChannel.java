package io.gridpbx.node.alerts;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A channel that keeps what it was sent, for tests. */
final class RecordingChannel implements AlertChannel {

    final List<AlertEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public void send(AlertEvent event) {
        events.add(event);
    }
}
