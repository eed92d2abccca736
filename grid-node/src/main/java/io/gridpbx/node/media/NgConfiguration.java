package io.gridpbx.node.media;

import io.gridpbx.media.ng.NgConfig;
import io.gridpbx.media.ng.NgServer;
import io.gridpbx.media.relay.MediaRelayServer;
import io.gridpbx.node.NodeProperties;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts rtpengine's ng control protocol on {@code gridpbx.sip.host}:{@code gridpbx.media.ng-port}
 * (0 for none), so that a Kamailio or OpenSIPS can use this node's relay. A port that cannot be bound
 * costs one log line: the node runs on without ng, as it does without DNS. Without a relay
 * ({@code gridpbx.media.enabled=false}) there is nothing to control and nothing starts.
 */
@Configuration(proxyBeanMethods = false)
class NgConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(NgConfiguration.class);

    @Bean(destroyMethod = "close")
    NgService ngService(NodeProperties properties, ObjectProvider<MediaRelayServer> relays) {
        int port = properties.media().ngPort();
        MediaRelayServer relay = relays.getIfAvailable();
        if (port <= 0 || relay == null) {
            return new NgService(Optional.empty());
        }
        String host = properties.sip().host();
        try {
            NgServer server = NgServer.start(NgConfig.of(host, port), relay);
            LOG.info("ng (rtpengine control protocol) serving on {}:{} (UDP)", host, port);
            return new NgService(Optional.of(server));
        } catch (IllegalStateException cannotBind) {
            LOG.warn("{}; this node runs without ng (set gridpbx.media.ng-port, 0 for none)", cannotBind.getMessage());
            return new NgService(Optional.empty());
        }
    }

    /** The ng server, when it could bind; closed with the node, before the relay it drives. */
    record NgService(Optional<NgServer> server) implements AutoCloseable {
        @Override
        public void close() {
            server.ifPresent(NgServer::close);
        }
    }
}
