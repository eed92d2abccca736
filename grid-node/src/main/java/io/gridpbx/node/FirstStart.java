package io.gridpbx.node;

import io.gridpbx.core.access.Account;
import io.gridpbx.core.access.AccountStore;
import io.gridpbx.core.access.ApiTokens;
import io.gridpbx.core.access.DemoAccess;
import io.gridpbx.core.access.PasswordHasher;
import io.gridpbx.core.access.PasswordPolicy;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.access.Secrets;
import io.gridpbx.core.billing.DemoBilling;
import io.gridpbx.core.features.FeatureConfig;
import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.tenancy.Languages;
import io.gridpbx.core.trunking.DemoTrunking;
import io.gridpbx.core.trunking.DidAdmin;
import io.gridpbx.core.trunking.GatewayAdmin;
import io.gridpbx.core.trunking.RouteAdmin;
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
    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final ApiTokens tokens;
    private final GatewayAdmin gateways;
    private final RouteAdmin routes;
    private final DidAdmin dids;
    private final FeatureConfig config;

    FirstStart(NodeProperties properties, TenantDirectory directory, TenantProvisioning provisioning,
            ClusterFacts facts, NodeIdentity identity, AccountStore accounts, PasswordHasher hasher, ApiTokens tokens,
            GatewayAdmin gateways, RouteAdmin routes, DidAdmin dids, FeatureConfig config) {
        this.config = config;
        this.gateways = gateways;
        this.routes = routes;
        this.dids = dids;
        this.accounts = accounts;
        this.hasher = hasher;
        this.tokens = tokens;
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
            DemoAccess.create(accounts, hasher, tokens);
            DemoTrunking.create(gateways, routes, dids);
            DemoBilling.create(config);
            LOG.info("created the demo tenants (platform {}), logins (password {}), API tokens, carriers, routes, DIDs"
                            + " and a billing profile: see the README",
                    DemoTenants.PLATFORM_DOMAIN, DemoAccess.PASSWORD);
        } else {
            provisioning.createPlatform(properties.platformDomain());
            createPlatformAdmin();
        }
    }

    private void createPlatformAdmin() {
        NodeProperties.Admin admin = properties.admin();
        String email = admin.email() != null ? admin.email() : "admin@" + properties.platformDomain();
        String password = admin.initialPassword();
        if (password == null || !PasswordPolicy.isAcceptable(password)) {
            password = Secrets.newToken().substring(0, 16);
            LOG.warn("created the platform {} and its administrator {} with the generated password {} "
                    + "(shown once: change it after signing in)", properties.platformDomain(), email, password);
        } else {
            LOG.info("created the platform {} and its administrator {}", properties.platformDomain(), email);
        }
        accounts.save(new Account(email, hasher.hash(password), Scope.platform(properties.platformDomain()),
                Languages.DEFAULT, 0, null));
    }
}
