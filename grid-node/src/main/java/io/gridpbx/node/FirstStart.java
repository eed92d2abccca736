package io.gridpbx.node;

import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.core.tenancy.TenantProvisioning;
import io.gridpbx.node.grid.ClusterFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * First start of a cluster on an empty store: creates the platform ({@code gridpbx.platform-domain}),
 * and with {@code gridpbx.demo} on (the default) the demo tenants of the README. One member does it.
 */
@Component
class FirstStart implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);

    private final NodeProperties properties;
    private final TenantDirectory directory;
    private final TenantProvisioning provisioning;
    private final ClusterFacts facts;
    private final NodeIdentity identity;

    FirstStart(NodeProperties properties, TenantDirectory directory, TenantProvisioning provisioning,
            ClusterFacts facts, NodeIdentity identity) {
        this.properties = properties;
        this.directory = directory;
        this.provisioning = provisioning;
        this.facts = facts;
        this.identity = identity;
    }

    @Override
    public void afterPropertiesSet() {
        if (!directory.isEmpty() || !facts.claimFirstStart(identity.nodeId())) {
            return;
        }
        if (properties.demo()) {
            DemoTenants.create(provisioning);
            LOG.info("created the demo tenants (platform {}): see the README for users and passwords",
                    DemoTenants.PLATFORM_DOMAIN);
        } else {
            provisioning.createPlatform(properties.platformDomain());
            LOG.info("created the platform {} (no demo tenants)", properties.platformDomain());
        }
    }
}
