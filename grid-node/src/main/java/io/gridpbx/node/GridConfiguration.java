package io.gridpbx.node;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridpbx.core.billing.CallBilling;
import io.gridpbx.core.dialog.CallHangup;
import io.gridpbx.core.dialog.CdrStore;
import io.gridpbx.core.dialog.DialogRegistry;
import io.gridpbx.core.limits.CallSlots;
import io.gridpbx.core.location.BindingStore;
import io.gridpbx.core.tenancy.SipPasswordSeal;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.core.tenancy.TenantProvisioning;
import io.gridpbx.node.grid.ClusterCallHangup;
import io.gridpbx.node.grid.ClusterFacts;
import io.gridpbx.node.grid.ClusterSettings;
import io.gridpbx.node.grid.GridDeadline;
import io.gridpbx.node.grid.GridMemberConfig;
import io.gridpbx.node.grid.HazelcastBindingStore;
import io.gridpbx.node.grid.HazelcastCdrStore;
import io.gridpbx.node.grid.HazelcastDialogRegistry;
import io.gridpbx.node.grid.HazelcastTenantDirectory;
import io.gridpbx.node.grid.PersistedStores;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The grid member and the grid adapters of core's ports. */
@Configuration(proxyBeanMethods = false)
class GridConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "shutdown")
    HazelcastInstance hazelcastInstance(NodeProperties properties, PersistedStores stores) {
        NodeProperties.Cluster cluster = properties.cluster();
        String host = cluster.host() != null ? cluster.host() : properties.sip().host();
        return Hazelcast.newHazelcastInstance(GridMemberConfig.member(
                new ClusterSettings(cluster.name(), host, cluster.port(), cluster.members(),
                        cluster.kubernetesServiceDns()), stores));
    }

    /** How long a SIP thread waits for the grid ({@code gridpbx.sip.grid-deadline-ms}). */
    @Bean
    GridDeadline gridDeadline(NodeProperties properties) {
        return new GridDeadline(Duration.ofMillis(properties.sip().gridDeadlineMs()));
    }

    @Bean
    TenantDirectory tenantDirectory(HazelcastInstance grid, GridDeadline deadline) {
        return new HazelcastTenantDirectory(grid, deadline);
    }

    @Bean
    BindingStore bindingStore(HazelcastInstance grid, Clock clock, GridDeadline deadline) {
        return new HazelcastBindingStore(grid, clock, deadline);
    }

    @Bean
    CdrStore cdrStore(HazelcastInstance grid) {
        return new HazelcastCdrStore(grid);
    }

    /**
     * Closes each call's record, rated and charged; closes those of dialogs that expire on this member
     * (their node died, no BYE came) as {@code DIALOG_TIMEOUT}, freeing their call slots.
     */
    @Bean(destroyMethod = "close")
    DialogRegistry dialogRegistry(HazelcastInstance grid, CdrStore cdrs, CallBilling billing, CallSlots slots,
            NodeIdentity identity, Clock clock, GridDeadline deadline, NodeProperties properties) {
        return new HazelcastDialogRegistry(grid, cdrs, billing, slots, identity.nodeId(), clock, deadline,
                properties.calls().maxCallLength());
    }

    /** Hang-ups from the management plane, carried out by whichever member routed the call. */
    @Bean
    CallHangup callHangup(HazelcastInstance grid, DialogRegistry dialogs) {
        return new ClusterCallHangup(grid, dialogs);
    }

    @Bean
    ClusterFacts clusterFacts(HazelcastInstance grid) {
        return new ClusterFacts(grid);
    }

    @Bean
    TenantProvisioning tenantProvisioning(TenantDirectory directory, SipPasswordSeal seal) {
        return new TenantProvisioning(directory, seal);
    }
}
