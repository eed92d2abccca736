package io.gridpbx.node.xcap;

import com.hazelcast.core.HazelcastInstance;
import io.gridpbx.core.auth.ChallengeMemory;
import io.gridpbx.core.auth.DigestAuthenticator;
import io.gridpbx.core.auth.NonceCounts;
import io.gridpbx.core.auth.NonceService;
import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.presence.xcap.XcapDocuments;
import io.gridpbx.core.presence.xcap.XcapStore;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.node.NodeProperties;
import io.gridpbx.node.grid.GridDeadline;
import io.gridpbx.node.grid.HazelcastXcapStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The XCAP server's beans: the documents in the grid, their rules, and the HTTP authentication by SIP credentials. */
@Configuration(proxyBeanMethods = false)
public class XcapConfiguration {

    /** How long an XCAP request waits for the grid: an HTTP client waits longer than a phone's SIP timer. */
    static final Duration GRID_DEADLINE = Duration.ofSeconds(5);

    @Bean
    XcapStore xcapStore(HazelcastInstance grid) {
        return new HazelcastXcapStore(grid, new GridDeadline(GRID_DEADLINE));
    }

    /** Public for the presence server, which resolves list URIs through it. */
    @Bean
    XcapDocuments xcapDocuments(XcapStore store) {
        return new XcapDocuments(store, new SecureRandom());
    }

    @Bean
    XcapAuthentication xcapAuthentication(TenantDirectory directory, NonceService nonces, NonceCounts counts,
            NodeProperties properties, Clock clock) {
        List<DigestAlgorithm> algorithms = properties.sip().digestAlgorithms().stream()
                .map(DigestAlgorithm::fromToken).flatMap(Optional::stream).toList();
        // Checked like a REGISTER: the cluster's nonces and replay counts, the realm's algorithms.
        DigestAuthenticator digest = new DigestAuthenticator(directory, nonces, algorithms,
                new ChallengeMemory(clock, Duration.ofSeconds(32)), counts);
        return new XcapAuthentication(digest, directory, GRID_DEADLINE);
    }
}
