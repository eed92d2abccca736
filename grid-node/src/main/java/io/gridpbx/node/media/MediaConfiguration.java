package io.gridpbx.node.media;

import io.gridpbx.media.anchor.NettyMediaRelay;
import io.gridpbx.media.relay.MediaRelayConfig;
import io.gridpbx.media.relay.MediaRelayServer;
import io.gridpbx.node.NodeIdentity;
import io.gridpbx.node.NodeProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts this node's media relay unless {@code gridpbx.media.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gridpbx.media.enabled", havingValue = "true", matchIfMissing = true)
class MediaConfiguration {

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

    @Bean
    MediaMeters mediaMeters(MediaRelayServer server) {
        return new MediaMeters(server);
    }
}
