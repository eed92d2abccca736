package io.gridpbx.node;

import com.hazelcast.core.HazelcastInstance;
import io.gridpbx.core.access.AuditLog;
import io.gridpbx.core.billing.Balances;
import io.gridpbx.core.billing.BillingView;
import io.gridpbx.core.billing.CallBilling;
import io.gridpbx.core.limits.CallRates;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.core.trunking.RegistrationBoard;
import io.gridpbx.core.trunking.TrunkingView;
import io.gridpbx.node.grid.BillingMirror;
import io.gridpbx.node.grid.CallSlotReconciler;
import io.gridpbx.node.grid.GridDeadline;
import io.gridpbx.node.grid.HazelcastBalances;
import io.gridpbx.node.grid.HazelcastCallRates;
import io.gridpbx.node.grid.HazelcastCallSlots;
import io.gridpbx.node.grid.HazelcastGatewayHealth;
import io.gridpbx.node.grid.HazelcastGatewayRegistrations;
import io.gridpbx.node.grid.TrunkingMirror;
import io.gridpbx.node.sip.GatewayProber;
import io.gridpbx.node.sip.GatewayRegistrar;
import io.gridpbx.sip.SipServer;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The call path's trunking configuration: this member's mirror of the grid's trunking maps, the
 * probes of the gateways this member is in charge of, and the money of calls to the PSTN (the mirror
 * of the billing configuration, the balances, the credit check and the rating), and the registrations
 * at carriers of the gateways this member is in charge of.
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

    /** Reads the billing configuration before the node serves calls; closed before the member shuts down. */
    @Bean(destroyMethod = "close")
    BillingMirror billingMirror(HazelcastInstance grid) {
        return BillingMirror.start(grid);
    }

    @Bean
    BillingView billingView(BillingMirror mirror) {
        return mirror.view();
    }

    /** Clients' and resellers' balances: each charge applied once per Call-ID where the balance lives. */
    @Bean
    Balances balances(HazelcastInstance grid, AuditLog audit, Clock clock, GridDeadline deadline) {
        return new HazelcastBalances(grid, audit, clock, new SecureRandom(), deadline);
    }

    /** The credit check before a billed client's call to the PSTN, and the rating when its record closes. */
    @Bean
    CallBilling callBilling(BillingView view, Balances balances, TenantDirectory directory) {
        return new CallBilling(view, balances, directory);
    }

    /** Cluster-wide call limits: admission where each counter lives. */
    @Bean
    HazelcastCallSlots callSlots(HazelcastInstance grid, Clock clock, GridDeadline deadline, NodeProperties properties) {
        // With Record-Route naming the cluster, a survivor carries on the calls of a member that died.
        return new HazelcastCallSlots(grid, clock, deadline, properties.sip().recordRouteDomain() != null);
    }

    /** Cluster-wide calls per second: a check-and-increment where each counter lives. */
    @Bean
    CallRates callRates(HazelcastInstance grid, Clock clock, GridDeadline deadline) {
        return new HazelcastCallRates(grid, clock, deadline);
    }

    @Bean(destroyMethod = "close")
    CallSlotReconciler callSlotReconciler(HazelcastInstance grid, HazelcastCallSlots slots) {
        return CallSlotReconciler.start(grid, slots, RECONCILE_EVERY);
    }

    /** How each gateway's registration stands, as the member registering it writes it. */
    @Bean
    RegistrationBoard registrationBoard(HazelcastInstance grid) {
        return new HazelcastGatewayRegistrations(grid);
    }

    /** Closed before the SIP server and the member: a graceful leave removes this member's registrations. */
    @Bean(destroyMethod = "close")
    GatewayRegistrar gatewayRegistrar(HazelcastInstance grid, TrunkingView trunking, SipServer sip,
            RegistrationBoard board, Clock clock, NodeIdentity identity, NodeProperties properties) {
        NodeProperties.Trunking settings = properties.trunking();
        return GatewayRegistrar.start(grid, trunking, sip, board, clock, identity.nodeId(),
                settings.registerCheckEvery(), settings.registerRetryAfter(), settings.registerTimeout());
    }

    @Bean(destroyMethod = "close")
    GatewayProber gatewayProber(HazelcastInstance grid, TrunkingView trunking, SipServer sip, Clock clock,
            NodeProperties properties) {
        NodeProperties.Trunking settings = properties.trunking();
        return GatewayProber.start(grid, trunking, sip, new HazelcastGatewayHealth(grid, clock), clock,
                settings.probeInterval(), settings.probeTimeout());
    }
}
