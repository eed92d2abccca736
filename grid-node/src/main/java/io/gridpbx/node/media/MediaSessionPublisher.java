package io.gridpbx.node.media;

import io.gridpbx.core.media.CallSide;
import io.gridpbx.core.media.MediaSession;
import io.gridpbx.core.media.MediaSessions;
import io.gridpbx.core.media.RelayedLeg;
import io.gridpbx.core.media.RelayedStream;
import io.gridpbx.media.anchor.NettyMediaRelay;
import io.gridpbx.media.relay.LegStats;
import io.gridpbx.media.relay.MediaEndpoint;
import io.gridpbx.media.relay.RelaySession;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the grid's media sessions true for the calls this node relays (issue 10 sections 5 and 6):
 * every few seconds each call's streams, with their ports, announced peers, latched sources and RFC
 * 3550 counters, are published under its Call-ID with this node's id; a closed call is removed at
 * once. The counters are read on each session's event loop, so nothing here waits on one.
 */
final class MediaSessionPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MediaSessionPublisher.class);

    private final NettyMediaRelay relay;
    private final MediaSessions sessions;
    private final String node;
    private final Clock clock;
    private final ScheduledFuture<?> job;

    /** @param timer the media timer of the node, shared with the idle sweep */
    MediaSessionPublisher(NettyMediaRelay relay, MediaSessions sessions, String node, Clock clock, Duration every,
            ScheduledExecutorService timer) {
        this.relay = relay;
        this.sessions = sessions;
        this.node = node;
        this.clock = clock;
        relay.onClosed(sessions::remove);
        job = timer.scheduleWithFixedDelay(this::publishAll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Publishes every call this node relays now (the timer's job; tests may call it). */
    void publishAll() {
        for (Map.Entry<String, List<RelaySession>> call : relay.calls().entrySet()) {
            try {
                publish(call.getKey(), call.getValue());
            } catch (RuntimeException e) {
                LOG.debug("media session {} not published: {}", call.getKey(), e.toString());
            }
        }
    }

    private void publish(String callId, List<RelaySession> streams) {
        List<CompletableFuture<RelayedStream>> read = new ArrayList<>(streams.size());
        for (RelaySession session : streams) {
            int index = Integer.parseInt(session.callId().substring(session.callId().lastIndexOf('#') + 1));
            read.add(session.stats().thenApply(stats -> new RelayedStream(index,
                    leg(session, CallSide.CALLER, stats), leg(session, CallSide.CALLEE, stats))));
        }
        CompletableFuture.allOf(read.toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> {
            if (failure != null || !relay.calls().containsKey(callId)) {
                return; // closed meanwhile: its removal stands
            }
            sessions.publish(new MediaSession(callId, node, clock.millis(), read.stream().map(CompletableFuture::join)
                    .sorted(java.util.Comparator.comparingInt(RelayedStream::index)).toList()));
        });
    }

    private RelayedLeg leg(RelaySession session, CallSide side, List<LegStats> stats) {
        String tag = NettyMediaRelay.tag(side);
        MediaEndpoint local = session.leg(tag).localEndpoint();
        LegStats leg = stats.stream().filter(s -> s.tag().equals(tag)).findFirst().orElseThrow();
        InetSocketAddress latched = leg.latchedRtp();
        return new RelayedLeg(local.host(), local.rtpPort(), local.rtcpPort(), relay.announced(session, side),
                latched == null ? "" : latched.getAddress().getHostAddress() + ":" + latched.getPort(), leg.packets(),
                leg.bytes(), leg.packetsLost(), leg.jitterMillis());
    }

    @Override
    public void close() {
        job.cancel(false);
    }
}
