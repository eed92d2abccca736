package io.gridpbx.node.sip;

import io.gridpbx.core.auth.DigestAlgorithm;
import io.gridpbx.core.auth.NonceService;
import io.gridpbx.core.dialog.DialogRegistry;
import io.gridpbx.core.location.BindingStore;
import io.gridpbx.core.location.RegistrationPolicy;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.node.NodeIdentity;
import io.gridpbx.node.NodeProperties;
import io.gridpbx.node.grid.ClusterFacts;
import io.gridpbx.sip.SipNodeSettings;
import io.gridpbx.sip.SipServer;
import io.gridpbx.sip.jain.JainSipServer;
import io.gridpbx.sip.overload.OverloadSettings;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The node's SIP server, wired to the grid adapters and the cluster-wide nonce secret. */
@Configuration(proxyBeanMethods = false)
class SipConfiguration {

    /** How long a nonce stays valid before the phone is told it is stale. */
    private static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);

    @Bean
    NonceService nonceService(ClusterFacts facts, Clock clock) {
        SecureRandom random = new SecureRandom();
        return new NonceService(facts.nonceSecret(random), clock, random, NONCE_LIFETIME);
    }

    @Bean(destroyMethod = "close")
    SipServer sipServer(NodeProperties properties, NodeIdentity identity, TenantDirectory directory,
            BindingStore bindings, DialogRegistry dialogs, NonceService nonces, Clock clock) {
        NodeProperties.Sip sip = properties.sip();
        List<DigestAlgorithm> algorithms = sip.digestAlgorithms().stream()
                .map(token -> DigestAlgorithm.fromToken(token).orElseThrow(() -> new IllegalArgumentException(
                        "gridpbx.sip.digest-algorithms: unknown algorithm '" + token + "' (MD5, SHA-256)")))
                .toList();
        RegistrationPolicy policy = new RegistrationPolicy(sip.minExpires(), sip.maxExpires(),
                Math.min(RegistrationPolicy.DEFAULTS.defaultExpires(), sip.maxExpires()),
                RegistrationPolicy.DEFAULTS.maxContacts());
        SipNodeSettings settings = new SipNodeSettings(sip.host(), sip.port(), identity.advertisedHost(),
                identity.nodeId(), sip.threads(), algorithms, policy);
        OverloadSettings overload = OverloadSettings.of(Duration.ofMillis(sip.shedDelayMs()),
                Duration.ofSeconds(sip.retryAfterSeconds()));
        return JainSipServer.start(settings, overload, directory, bindings, dialogs, nonces, clock);
    }
}
