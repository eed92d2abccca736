package io.gridpbx.node;

import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.core.tenancy.TenantProvisioning;
import io.gridpbx.node.grid.ClusterFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/** Creates the demo tenants once per cluster, when the store is empty and {@code gridpbx.demo} is on. */
@Component
class DemoData implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final NodeProperties properties;
    private final TenantDirectory directory;
    private final TenantProvisioning provisioning;
    private final ClusterFacts facts;
    private final NodeIdentity identity;

    DemoData(NodeProperties properties, TenantDirectory directory, TenantProvisioning provisioning,
            ClusterFacts facts, NodeIdentity identity) {
        this.properties = properties;
        this.directory = directory;
        this.provisioning = provisioning;
        this.facts = facts;
        this.identity = identity;
    }

    @Override
    public void afterPropertiesSet() {
        if (!properties.demo() || !directory.isEmpty()) {
            return;
        }
        if (facts.claimDemoData(identity.nodeId())) {
            DemoTenants.create(provisioning);
            LOG.info("created the demo tenants (platform {}): see the README for users and passwords",
                    DemoTenants.PLATFORM_DOMAIN);
        }
    }
}
