package io.gridpbx.node.media;

import io.gridpbx.core.media.MediaSessions;
import io.gridpbx.media.anchor.NettyMediaRelay;
import io.gridpbx.media.relay.MediaRelayConfig;
import io.gridpbx.media.relay.MediaRelayServer;
import io.gridpbx.node.NodeIdentity;
import io.gridpbx.node.NodeProperties;
import io.gridpbx.sip.SipServer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts this node's media relay unless {@code gridpbx.media.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gridpbx.media.enabled", havingValue = "true", matchIfMissing = true)
class MediaConfiguration {

    /** How stale the grid's view of a relayed call's counters and latched sources may be. */
    private static final Duration PUBLISH_EVERY = Duration.ofSeconds(2);
    /** How late past its timeout a silent call may be ended. */
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(2);

    @Bean(destroyMethod = "close")
    MediaRelayServer mediaRelayServer(NodeProperties properties, NodeIdentity identity) {
        NodeProperties.Media media = properties.media();
        String advertised = media.advertisedHost() != null ? media.advertisedHost() : identity.advertisedHost();
        try {
            return MediaRelayServer.start(MediaRelayConfig.of(properties.sip().host(), advertised, media.ports())
                    .withLatchWindow(media.latchWindow()));
        } catch (IllegalArgumentException misconfigured) {
            throw new IllegalArgumentException("gridpbx.media: " + misconfigured.getMessage(), misconfigured);
        }
    }

    @Bean
    NettyMediaRelay mediaRelay(MediaRelayServer server) {
        return new NettyMediaRelay(server);
    }

    /** One thread for the node's periodic media work: publishing sessions and ending silent calls. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService mediaTimer() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("media-timer").daemon().factory());
    }

    @Bean(destroyMethod = "close")
    MediaSessionPublisher mediaSessionPublisher(NettyMediaRelay relay, MediaSessions sessions, NodeIdentity identity,
            Clock clock, ScheduledExecutorService mediaTimer) {
        return new MediaSessionPublisher(relay, sessions, identity.nodeId(), clock, PUBLISH_EVERY, mediaTimer);
    }

    @Bean(destroyMethod = "close")
    MediaIdleSweep mediaIdleSweep(MediaRelayServer server, SipServer sip, NodeProperties properties,
            ScheduledExecutorService mediaTimer) {
        NodeProperties.Media media = properties.media();
        return new MediaIdleSweep(server, sip, media.timeout(), media.holdTimeout(), SWEEP_EVERY, mediaTimer);
    }

    @Bean
    MediaMeters mediaMeters(MediaRelayServer server) {
        return new MediaMeters(server);
    }
}
