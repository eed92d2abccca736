package io.gridpbx.node.drain;

import io.gridpbx.core.dialog.DialogRegistry;
import io.gridpbx.node.NodeIdentity;
import io.gridpbx.node.dns.LiveNodes;
import io.gridpbx.sip.SipServer;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The node's drain, which ends by closing the application: the grid member leaves gracefully and the process exits 0. */
@Configuration(proxyBeanMethods = false)
class DrainConfiguration {

    @Bean(destroyMethod = "close")
    NodeDrain nodeDrain(SipServer sip, LiveNodes liveNodes, DialogRegistry dialogs, NodeIdentity identity, Clock clock,
            ConfigurableApplicationContext context) {
        return new NodeDrain(sip, liveNodes::withdraw, dialogs, identity.nodeId(), clock,
                () -> System.exit(SpringApplication.exit(context, () -> 0)));
    }
}
