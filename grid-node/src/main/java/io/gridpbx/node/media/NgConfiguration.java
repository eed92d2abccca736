package io.gridpbx.node.media;

import io.gridpbx.media.ng.NgConfig;
import io.gridpbx.media.ng.NgServer;
import io.gridpbx.media.relay.MediaRelayServer;
import io.gridpbx.node.NodeProperties;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts rtpengine's ng control protocol on {@code gridpbx.sip.host}:{@code gridpbx.media.ng-port}
 * (0 for none), so that a Kamailio or OpenSIPS can use this node's relay. It opens once the node is
 * ready, so a proxy's {@code ping} is answered only by a node that can serve. A port that cannot be
 * bound costs one log line: the node runs on without ng, as it does without DNS. Without a relay
 * ({@code gridpbx.media.enabled=false}) there is nothing to control and nothing starts.
 */
@Configuration(proxyBeanMethods = false)
class NgConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(NgConfiguration.class);

    @Bean(destroyMethod = "close")
    NgService ngService(NodeProperties properties, ObjectProvider<MediaRelayServer> relays) {
        return new NgService(properties, relays.getIfAvailable());
    }

    /** The ng server, once started and if it could bind; closed with the node. */
    static final class NgService implements ApplicationListener<ApplicationReadyEvent>, AutoCloseable {

        private final NodeProperties properties;
        private final @Nullable MediaRelayServer relay;
        private final AtomicReference<@Nullable NgServer> server = new AtomicReference<>();

        NgService(NodeProperties properties, @Nullable MediaRelayServer relay) {
            this.properties = properties;
            this.relay = relay;
        }

        @Override
        public void onApplicationEvent(ApplicationReadyEvent ready) {
            int port = properties.media().ngPort();
            if (port <= 0 || relay == null || server.get() != null) {
                return;
            }
            String host = properties.sip().host();
            try {
                server.set(NgServer.start(NgConfig.of(host, port), relay));
                LOG.info("ng (rtpengine control protocol) serving on {}:{} (UDP)", host, port);
            } catch (IllegalStateException cannotBind) {
                LOG.warn("{}; this node runs without ng (set gridpbx.media.ng-port, 0 for none)",
                        cannotBind.getMessage());
            }
        }

        @Override
        public void close() {
            NgServer running = server.getAndSet(null);
            if (running != null) {
                running.close();
            }
        }
    }
}
