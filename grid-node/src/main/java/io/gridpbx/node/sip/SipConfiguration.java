package io.gridpbx.node.sip;

import com.hazelcast.core.HazelcastInstance;
import io.gridpbx.core.auth.NonceCounts;
import io.gridpbx.core.auth.NonceService;
import io.gridpbx.core.billing.CallBilling;
import io.gridpbx.core.dialog.DialogRegistry;
import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.limits.CallRates;
import io.gridpbx.core.limits.CallSlots;
import io.gridpbx.core.location.BindingStore;
import io.gridpbx.core.location.RegistrationPolicy;
import io.gridpbx.core.media.MediaRelay;
import io.gridpbx.core.security.EdgeGuard;
import io.gridpbx.core.tenancy.Client;
import io.gridpbx.core.tenancy.NatPolicy;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.core.trunking.TrunkingView;
import io.gridpbx.node.NodeIdentity;
import io.gridpbx.node.NodeProperties;
import io.gridpbx.node.grid.ClusterCallHangup;
import io.gridpbx.node.grid.ClusterFacts;
import io.gridpbx.node.grid.GridDeadline;
import io.gridpbx.node.grid.HazelcastNonceCounts;
import io.gridpbx.sip.PemKeyStore;
import io.gridpbx.sip.SelfSignedKeyStore;
import io.gridpbx.sip.SipNodeSettings;
import io.gridpbx.sip.SipServer;
import io.gridpbx.sip.SipTls;
import io.gridpbx.sip.TrunkTimers;
import io.gridpbx.sip.jain.JainSipServer;
import io.gridpbx.sip.overload.OverloadSettings;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The node's SIP server, wired to the grid adapters and the cluster-wide nonce secret. */
@Configuration(proxyBeanMethods = false)
class SipConfiguration {

    /** How long a nonce stays valid before the phone is told it is stale. */
    private static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);
    /**
     * How long the accepted request itself may come again (a lost 200, answered statelessly): Timer F,
     * 64 x T1 = 32 s, the whole life of a non-INVITE client transaction (RFC 3261 section 17.1.2.2). It
     * also bounds how long after its challenge a nonce may first be answered.
     */
    private static final Duration RETRANSMISSION_WINDOW = Duration.ofSeconds(32);

    @Bean
    NonceService nonceService(ClusterFacts facts, Clock clock) {
        SecureRandom random = new SecureRandom();
        return new NonceService(facts.nonceSecret(random), clock, random, NONCE_LIFETIME);
    }

    /** Cluster-wide: a right answer replayed to any node within its nonce's life is refused. */
    @Bean
    NonceCounts nonceCounts(HazelcastInstance grid, Clock clock, GridDeadline deadline) {
        return new HazelcastNonceCounts(grid, clock, NONCE_LIFETIME, RETRANSMISSION_WINDOW, RETRANSMISSION_WINDOW,
                deadline);
    }

    @Bean(destroyMethod = "close")
    SipServer sipServer(NodeProperties properties, NodeIdentity identity, TenantDirectory directory,
            BindingStore bindings, DialogRegistry dialogs, NonceService nonces, NonceCounts counts, Clock clock,
            EdgeGuard guard, ObjectProvider<MediaRelay> relay, TrunkingView trunking, CallSlots slots, CallRates rates,
            CallBilling billing, HazelcastInstance grid) {
        NodeProperties.Sip sip = properties.sip();
        List<DigestAlgorithm> algorithms = sip.digestAlgorithms().stream()
                .map(token -> DigestAlgorithm.fromToken(token).orElseThrow(() -> new IllegalArgumentException(
                        "gridpbx.sip.digest-algorithms: unknown algorithm '" + token + "' (MD5, SHA-256)")))
                .toList();
        RegistrationPolicy policy = new RegistrationPolicy(sip.minExpires(), sip.maxExpires(),
                Math.min(RegistrationPolicy.DEFAULTS.defaultExpires(), sip.maxExpires()),
                RegistrationPolicy.DEFAULTS.maxContacts());
        SipNodeSettings settings = new SipNodeSettings(sip.host(), sip.port(), identity.advertisedHost(),
                identity.nodeId(), listenerThreads(sip), algorithms, policy, tls(sip, properties, identity))
                .withRecordRouteDomain(sip.recordRouteDomain())
                .withTrunkTimers(new TrunkTimers(properties.trunking().gatewaySilence(), properties.trunking().ringTimeout(),
                        properties.calls().maxCallLength()));
        OverloadSettings overload = OverloadSettings.forNode(Duration.ofMillis(sip.shedDelayMs()),
                Duration.ofSeconds(sip.retryAfterSeconds())).withSocketNice(sip.socketNice());
        SipServer server = JainSipServer.start(settings, overload, directory, bindings, dialogs, nonces, counts, clock,
                guard, relay.getIfAvailable(),
                domain -> directory.client(domain).map(Client::mediaRelay).orElse(NatPolicy.WHEN_NAT),
                trunking, slots, rates, billing);
        ClusterCallHangup.offer(grid, server::endCall); // an admin's hang-up, asked of every member
        return server;
    }

    private static int listenerThreads(NodeProperties.Sip sip) {
        return sip.threads() > 0 ? sip.threads() : Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    }

    /** The operator's keystore, or the node's self-signed one in its data directory; none when the TLS port is 0. */
    private static @Nullable SipTls tls(NodeProperties.Sip sip, NodeProperties properties, NodeIdentity identity) {
        if (sip.tlsPort() == 0) {
            return null;
        }
        if (sip.tlsCertificate() != null || sip.tlsPrivateKey() != null) {
            if (sip.tlsCertificate() == null || sip.tlsPrivateKey() == null) {
                throw new IllegalArgumentException("gridpbx.sip.tls-certificate and tls-private-key go together");
            }
            return PemKeyStore.from(sip.tlsCertificate(), sip.tlsPrivateKey(), properties.dataDir().resolve("tls"),
                    sip.tlsPort(), new SecureRandom());
        }
        if (sip.tlsKeystore() != null) {
            if (!Files.isReadable(sip.tlsKeystore())) {
                throw new IllegalArgumentException("gridpbx.sip.tls-keystore: cannot read " + sip.tlsKeystore());
            }
            return new SipTls(sip.tlsPort(), sip.tlsKeystore(), sip.tlsKeystorePassword(), sip.tlsKeystoreType());
        }
        return SelfSignedKeyStore.ensure(properties.dataDir().resolve("tls"), identity.advertisedHost(), sip.tlsPort(),
                new SecureRandom());
    }
}
