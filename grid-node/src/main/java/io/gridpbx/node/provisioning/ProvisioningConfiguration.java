package io.gridpbx.node.provisioning;

import com.hazelcast.core.HazelcastInstance;
import io.gridpbx.core.access.AuditLog;
import io.gridpbx.core.auth.ChallengeMemory;
import io.gridpbx.core.auth.DigestAuthenticator;
import io.gridpbx.core.auth.NonceCounts;
import io.gridpbx.core.auth.NonceService;
import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.features.ConfigStore;
import io.gridpbx.core.provisioning.PhoneProvisioning;
import io.gridpbx.core.provisioning.PhoneSecrets;
import io.gridpbx.core.provisioning.UnknownMacLimit;
import io.gridpbx.core.tenancy.SipPasswordSeal;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.node.NodeProperties;
import io.gridpbx.node.grid.ClusterFacts;
import io.gridpbx.node.grid.HazelcastPhoneStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Phone provisioning's beans: the password seal every password-setting service uses, and the endpoint's service. */
@Configuration(proxyBeanMethods = false)
public class ProvisioningConfiguration {

    @Bean
    SipPasswordSeal sipPasswordSeal(NodeProperties properties, ClusterFacts facts) {
        SecureRandom random = new SecureRandom();
        return new SipPasswordSeal(PasswordKey.resolve(properties.provisioning().passwordKey(), properties.dataDir(),
                facts, random), random);
    }

    @Bean
    PhoneProvisioning phoneProvisioning(TenantDirectory directory, HazelcastInstance grid, ConfigStore configs,
            AuditLog audit, SipPasswordSeal seal, NodeProperties properties, Clock clock, NonceService nonces,
            NonceCounts counts) {
        NodeProperties.Provisioning settings = properties.provisioning();
        // HTTP Digest is checked like a REGISTER: the cluster's nonces and replay counts, the realm's algorithms.
        DigestAuthenticator digest = new DigestAuthenticator(directory, nonces, algorithms(properties),
                new ChallengeMemory(clock, Duration.ofSeconds(32)), counts);
        return new PhoneProvisioning(directory, new HazelcastPhoneStore(grid), configs, audit, seal,
                new UnknownMacLimit(settings.unknownMacMisses(), settings.unknownMacWindow(), clock),
                settings.unknownMacWindow(), new PhoneSecrets(new SecureRandom()), clock, digest);
    }

    private static List<DigestAlgorithm> algorithms(NodeProperties properties) {
        return properties.sip().digestAlgorithms().stream().map(DigestAlgorithm::fromToken)
                .flatMap(Optional::stream).toList();
    }

    @Bean
    PhoneTemplates phoneTemplates() {
        return new PhoneTemplates();
    }
}
