package io.gridpbx.sip;

import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.location.RegistrationPolicy;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a node's SIP side is set up.
 *
 * @param host            the address to bind UDP and TCP listening points to
 * @param port            the SIP port (UDP and TCP)
 * @param advertisedHost  the host put in Via and Record-Route (the node's reachable address)
 * @param nodeId          the node's name in the cluster, stored with each binding it receives
 * @param threadPoolSize  JAIN-SIP's listener threads (the reentrant listener runs requests in parallel)
 * @param digestAlgorithms the algorithms offered in challenges, preferred first
 * @param registration    registrar limits
 * @param tls             SIP over TLS on its own port, or null for none
 * @param recordRouteDomain a domain whose NAPTR/SRV records name the cluster's live nodes, which the
 *                        Record-Route names instead of this node so that a dialog's later requests reach
 *                        whichever node is alive (RFC 3263); null: the node's own address
 */
public record SipNodeSettings(
        String host,
        int port,
        String advertisedHost,
        String nodeId,
        int threadPoolSize,
        List<DigestAlgorithm> digestAlgorithms,
        RegistrationPolicy registration,
        @Nullable SipTls tls,
        @Nullable String recordRouteDomain,
        TrunkTimers trunkTimers) {

    /** A node whose Record-Route names itself. */
    public SipNodeSettings(String host, int port, String advertisedHost, String nodeId, int threadPoolSize,
            List<DigestAlgorithm> digestAlgorithms, RegistrationPolicy registration, @Nullable SipTls tls) {
        this(host, port, advertisedHost, nodeId, threadPoolSize, digestAlgorithms, registration, tls, null,
                TrunkTimers.DEFAULTS);
    }

    /** A node without TLS. */
    public SipNodeSettings(String host, int port, String advertisedHost, String nodeId, int threadPoolSize,
            List<DigestAlgorithm> digestAlgorithms, RegistrationPolicy registration) {
        this(host, port, advertisedHost, nodeId, threadPoolSize, digestAlgorithms, registration, null);
    }

    public SipNodeSettings {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SIP port must be between 1 and 65535");
        }
        if (threadPoolSize < 1) {
            throw new IllegalArgumentException("thread pool size must be at least 1");
        }
        digestAlgorithms = List.copyOf(digestAlgorithms);
        if (tls != null && tls.port() == port) {
            throw new IllegalArgumentException("SIP TLS port must differ from the UDP/TCP port " + port);
        }
    }

    /** The node with TLS as given. */
    public SipNodeSettings withTls(@Nullable SipTls sipTls) {
        return new SipNodeSettings(host, port, advertisedHost, nodeId, threadPoolSize, digestAlgorithms, registration,
                sipTls, recordRouteDomain, trunkTimers);
    }

    /** The node with its Record-Route naming this domain (null: the node itself). */
    public SipNodeSettings withRecordRouteDomain(@Nullable String domain) {
        return new SipNodeSettings(host, port, advertisedHost, nodeId, threadPoolSize, digestAlgorithms, registration,
                tls, domain == null || domain.isBlank() ? null : domain.strip().toLowerCase(java.util.Locale.ROOT),
                trunkTimers);
    }

    /** The node with these timers for its calls to the PSTN. */
    public SipNodeSettings withTrunkTimers(TrunkTimers timers) {
        return new SipNodeSettings(host, port, advertisedHost, nodeId, threadPoolSize, digestAlgorithms, registration,
                tls, recordRouteDomain, timers);
    }
}
