package io.gridpbx.node.media;

import io.gridpbx.media.relay.DropReason;
import io.gridpbx.media.relay.MediaRelayServer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;

/**
 * The relay's figures as Prometheus meters (issue 9 section 3, relay streams and packets): streams and
 * ports in use, packets and bytes relayed, datagrams dropped by reason. Each reads the relay's lock-free
 * totals; nothing waits on an event loop.
 */
final class MediaMeters implements MeterBinder {

    private final MediaRelayServer relay;

    MediaMeters(MediaRelayServer relay) {
        this.relay = relay;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("gridpbx.media.streams", relay, r -> r.totals().sessions())
                .description("relayed streams open on this node (one per m= line of a call)").register(registry);
        Gauge.builder("gridpbx.media.ports.used", relay, r -> r.totals().portsInUse())
                .description("UDP ports bound by the relay").register(registry);
        Gauge.builder("gridpbx.media.legs.capacity", relay, r -> r.totals().portCapacity())
                .description("relay legs the port range can hold at once").register(registry);
        FunctionCounter.builder("gridpbx.media.packets", relay, r -> r.totals().packetsRelayed())
                .description("datagrams relayed").register(registry);
        FunctionCounter.builder("gridpbx.media.bytes", relay, r -> r.totals().bytesRelayed())
                .description("octets relayed").register(registry);
        for (DropReason reason : DropReason.values()) {
            FunctionCounter.builder("gridpbx.media.dropped", relay, r -> r.totals().dropped(reason))
                    .description("datagrams the relay dropped, by reason")
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry);
        }
    }
}
