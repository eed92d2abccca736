package io.gridpbx.node;

import com.hazelcast.core.HazelcastInstance;
import io.gridpbx.core.trunking.TrunkingView;
import io.gridpbx.node.grid.CallSlotReconciler;
import io.gridpbx.node.grid.GridDeadline;
import io.gridpbx.node.grid.HazelcastCallSlots;
import io.gridpbx.node.grid.HazelcastGatewayHealth;
import io.gridpbx.node.grid.TrunkingMirror;
import io.gridpbx.node.sip.GatewayProber;
import io.gridpbx.sip.SipServer;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The call path's trunking configuration: this member's mirror of the grid's trunking maps, and the
 * probes of the gateways this member is in charge of.
 */
@Configuration(proxyBeanMethods = false)
class TrunkingConfiguration {

    /** How often each member checks the call slots it owns against the live calls. */
    private static final java.time.Duration RECONCILE_EVERY = java.time.Duration.ofSeconds(15);

    /** Reads the maps before the node serves calls; closed before the member shuts down, since it needs the grid. */
    @Bean(destroyMethod = "close")
    TrunkingMirror trunkingMirror(HazelcastInstance grid) {
        return TrunkingMirror.start(grid);
    }

    @Bean
    TrunkingView trunkingView(TrunkingMirror mirror) {
        return mirror.view();
    }

    /** Cluster-wide call limits: admission where each counter lives. */
    @Bean
    HazelcastCallSlots callSlots(HazelcastInstance grid, Clock clock, GridDeadline deadline, NodeProperties properties) {
        // With Record-Route naming the cluster, a survivor carries on the calls of a member that died.
        return new HazelcastCallSlots(grid, clock, deadline, properties.sip().recordRouteDomain() != null);
    }

    @Bean(destroyMethod = "close")
    CallSlotReconciler callSlotReconciler(HazelcastInstance grid, HazelcastCallSlots slots) {
        return CallSlotReconciler.start(grid, slots, RECONCILE_EVERY);
    }

    @Bean(destroyMethod = "close")
    GatewayProber gatewayProber(HazelcastInstance grid, TrunkingView trunking, SipServer sip, Clock clock,
            NodeProperties properties) {
        NodeProperties.Trunking settings = properties.trunking();
        return GatewayProber.start(grid, trunking, sip, new HazelcastGatewayHealth(grid, clock), clock,
                settings.probeInterval(), settings.probeTimeout());
    }
}
