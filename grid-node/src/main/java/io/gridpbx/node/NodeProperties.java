package io.gridpbx.node;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code gridpbx.*} properties of a node, as given on the command line
 * ({@code ./gridpbx run --gridpbx.sip.port=5070}) or in any Spring Boot property source.
 */
@ConfigurationProperties(prefix = "gridpbx")
public record NodeProperties(
        @DefaultValue Sip sip,
        @DefaultValue Cluster cluster,
        @DefaultValue("data") Path dataDir,
        @DefaultValue("true") boolean demo,
        @DefaultValue("gridpbx.test") String platformDomain,
        @DefaultValue Api api,
        @DefaultValue Db db,
        @DefaultValue Admin admin,
        @DefaultValue Security security,
        @DefaultValue Dns dns,
        @DefaultValue Metrics metrics,
        @DefaultValue Drain drain,
        @DefaultValue Alerts alerts,
        @DefaultValue Provisioning provisioning,
        @DefaultValue Media media,
        @DefaultValue Trunking trunking,
        @DefaultValue Calls calls) {

    /**
     * @param host           address for UDP and TCP
     * @param port           SIP port
     * @param advertisedHost address put in Via and Record-Route; defaults to {@code host}
     * @param threads        SIP listener threads; 0: twice the cores, at least 4 (they never wait for the grid:
     *                       what needs it goes on on the grid's callback threads, one per core)
     * @param digestAlgorithms algorithms offered in challenges of a client domain that chose none, preferred
     *                       first; MD5 alone, because many phones give up on a 401 that also offers SHA-256
     * @param minExpires     shortest registration accepted (423 below)
     * @param maxExpires     longest registration granted
     * @param tlsPort        SIP over TLS port; 0 disables TLS
     * @param tlsKeystore    PKCS#12 (or JKS) keystore with the node's certificate and key; unset means a
     *                       self-signed certificate made once in {@code data-dir/tls}
     * @param tlsKeystorePassword the keystore's password (also its key's)
     * @param tlsKeystoreType {@code PKCS12} or {@code JKS}
     * @param tlsCertificate PEM certificate chain, with {@code tlsPrivateKey}, instead of a keystore
     * @param tlsPrivateKey  PEM PKCS#8 private key of that certificate
     * @param gridDeadlineMs how long a request waits for the grid before it is answered 503
     * @param shedDelayMs    queue delay the node keeps under by turning new requests away with 503; 0: never shed
     * @param retryAfterSeconds Retry-After of an overload 503
     * @param socketNice     nice value of the thread that reads the SIP UDP socket (-20 to 19; 0, the
     *                       default: the process's). At -10 an overloaded node drops nothing unseen in the
     *                       kernel and answers the excess 503; on the bench's two cores it has served both
     *                       more and less than at 0, by more than the runs agree (bench/RESULTS.md, 2026-12-07). Raising it above the process
     *                       needs CAP_SYS_NICE or systemd's {@code LimitNICE}; without, the node logs so and runs on
     * @param recordRouteDomain a domain whose NAPTR/SRV name the live nodes (the platform domain, when the
     *                       nodes serve its DNS): Record-Route names it instead of this node, so that a
     *                       dialog's later requests reach a survivor when this node is gone; unset: the node
     */
    public record Sip(
            @DefaultValue("127.0.0.1") String host,
            @DefaultValue("5060") int port,
            @Nullable String advertisedHost,
            @DefaultValue("0") int threads,
            @DefaultValue("MD5") List<String> digestAlgorithms,
            @DefaultValue("60") int minExpires,
            @DefaultValue("3600") int maxExpires,
            @DefaultValue("5061") int tlsPort,
            @Nullable Path tlsKeystore,
            @DefaultValue("") String tlsKeystorePassword,
            @DefaultValue("PKCS12") String tlsKeystoreType,
            @Nullable Path tlsCertificate,
            @Nullable Path tlsPrivateKey,

            @DefaultValue("1000") long gridDeadlineMs,
            @DefaultValue("100") long shedDelayMs,
            @DefaultValue("2") long retryAfterSeconds,
            @DefaultValue("0") int socketNice,
            @Nullable String recordRouteDomain) {
    }

    /**
     * @param name    cluster name
     * @param host    address the member binds; defaults to the SIP host
     * @param port    member port
     * @param members host:port of peers, empty to run alone
     * @param kubernetesServiceDns on Kubernetes, the headless Service naming the members (e.g.
     *                gridpbx-hz.gridpbx.svc.cluster.local): Hazelcast's Kubernetes discovery instead of {@code members}
     */
    public record Cluster(
            @DefaultValue("gridpbx") String name,
            @Nullable String host,
            @DefaultValue("5701") int port,
            @DefaultValue List<String> members,
            @Nullable String kubernetesServiceDns) {
    }

    /**
     * @param url                   JDBC URL of MariaDB/Galera (multi-host for Galera); unset means
     *                              the embedded H2 store in {@code gridpbx.data-dir}
     * @param user                  database user
     * @param password              its password
     * @param poolSize              connections per node
     * @param writeDelaySeconds     how long a change waits in the grid before it is written behind
     * @param writeBatchSize        most rows per write-behind batch
     * @param backlogWarnThreshold  pending writes on this node past which a warning is logged
     * @param persistRegistrations  whether registrations are written behind too (the default), so that a
     *                              full-cluster restart finds them; false keeps them in the grid only,
     *                              with their backups (they survive node losses, not a whole-cluster
     *                              stop, after which phones register again at their next refresh), as
     *                              Kamailio's and OpenSIPS's usrloc {@code db_mode 0}. A phone refresh is
     *                              then no database write: on a platform of frequent refreshers that
     *                              is most of the database's load
     */
    public record Db(
            @Nullable String url,
            @DefaultValue("gridpbx") String user,
            @DefaultValue("") String password,
            @DefaultValue("8") int poolSize,
            @DefaultValue("1") int writeDelaySeconds,
            @DefaultValue("1000") int writeBatchSize,
            @DefaultValue("10000") long backlogWarnThreshold,
            @DefaultValue("true") boolean persistRegistrations) {
    }

    /**
     * The SIP edge's defences: floods, password guessing, scanners (see {@code EdgeThresholds}).
     *
     * @param floodRequests     requests one source may send per {@code floodWindow} before it is banned
     * @param floodWindow       the flood rule's sampling window
     * @param guessesPerUser    failed digest answers from one source for one user, per {@code guessWindow},
     *                          before that source is locked out for that user
     * @param guessesPerSource  failed digest answers from one source, any users, before it is banned
     * @param guessWindow       the password-guessing window
     * @param probes            403/404 answers one source may earn per {@code probeWindow} before it is banned
     * @param probeWindow       the probing window
     * @param banDuration       how long a ban or a lockout lasts
     * @param allowList         addresses and CIDRs never banned (the cluster's members always are)
     * @param blockedUserAgents User-Agent fragments of scanning tools (case-insensitive)
     */
    public record Security(
            @DefaultValue("400") int floodRequests,
            @DefaultValue("2s") Duration floodWindow,
            @DefaultValue("5") int guessesPerUser,
            @DefaultValue("20") int guessesPerSource,
            @DefaultValue("10m") Duration guessWindow,
            @DefaultValue("30") int probes,
            @DefaultValue("1m") Duration probeWindow,
            @DefaultValue("10m") Duration banDuration,
            @DefaultValue List<String> allowList,
            @DefaultValue({"friendly-scanner", "sipvicious", "sipcli", "vaxsipuseragent", "sip-scan", "sipsak",
                    "iwar", "sundayddr", "smap", "cseq-scanner", "pplsip", "vaxipuseragent"})
            List<String> blockedUserAgents) {
    }

    /** @param operatorToken bearer token of the operator's provisioning endpoints; unset disables them */
    public record Api(@Nullable String operatorToken) {
    }

    /**
     * The platform's first administrator, created at the first start of a cluster without demo data.
     *
     * @param email           its sign-in; defaults to {@code admin@<platform-domain>}
     * @param initialPassword its first password; when unset, a random one is generated and logged once
     * @param resetLinkBase   the portal address put in password-reset mails, e.g. https://pbx.example.com
     */
    public record Admin(@Nullable String email, @Nullable String initialPassword,
            @DefaultValue("http://localhost:8080") String resetLinkBase) {
    }

    /**
     * The authoritative DNS server every node runs for the platform domain and the client domains
     * (NAPTR, SRV and A/AAAA of the live members), bound on {@code gridpbx.sip.host}.
     *
     * @param port        UDP and TCP port; 0 runs no DNS server
     * @param ttl         TTL of every answer: how long a resolver may keep sending phones to a node that left
     * @param transports  NAPTR order, preferred first: {@code udp}, {@code tcp}, {@code tls}
     * @param secondaries {@code host[:port]} of the operator's secondaries: sent NOTIFY when the records
     *                    change, and allowed to transfer the zones (AXFR over TCP), as loopback always is
     */
    public record Dns(
            @DefaultValue("53") int port,
            @DefaultValue("5s") Duration ttl,
            @DefaultValue({"udp", "tcp", "tls"}) List<String> transports,
            @DefaultValue List<String> secondaries) {
    }

    /**
     * Who may scrape {@code /actuator/prometheus}: loopback always.
     *
     * @param token     a bearer token that opens it to any address; unset: no token is accepted
     * @param allowList addresses and CIDRs that may scrape without a token (a Prometheus server's)
     * @param perTenant each client domain's own registration and call counters (one series each)
     */
    public record Metrics(
            @Nullable String token,
            @DefaultValue List<String> allowList,
            @DefaultValue("true") boolean perTenant) {
    }

    /** @param deadline how long a draining node lets its calls in progress go on before it leaves anyway */
    public record Drain(@DefaultValue("10m") Duration deadline) {
    }

    /**
     * The alerts the cluster raises (see {@code io.gridpbx.core.alerts.AlertKind}) and where they go besides
     * the admin's alert list. Mail uses Spring Boot's {@code spring.mail.*} SMTP settings.
     *
     * @param interval                 how often conditions are evaluated
     * @param webhookUrl               URL that receives a JSON POST per raise and per clear; unset: no webhook
     * @param webhookTimeout           how long one POST may take
     * @param mailTo                   recipients of a mail per raise and per clear; empty: no mail
     * @param mailFrom                 sender of those mails; defaults to {@code alerts@<platform-domain>}
     * @param registrationDropPercent  drop of the registered addresses, within {@code registrationDropWindow},
     *                                 that raises an alert
     * @param registrationDropWindow   how far back the highest count is taken
     * @param registrationDropMinimum  highest count below which no drop is judged (a lab, a quiet night)
     * @param internationalCallsPerHour international calls per client per hour past which it is raised; 0: off
     * @param internationalPrefixes    how a dialled international number starts
     * @param history                  cleared alerts kept in the list
     */
    public record Alerts(
            @DefaultValue("2s") Duration interval,
            @Nullable String webhookUrl,
            @DefaultValue("5s") Duration webhookTimeout,
            @DefaultValue List<String> mailTo,
            @Nullable String mailFrom,
            @DefaultValue("30") int registrationDropPercent,
            @DefaultValue("5m") Duration registrationDropWindow,
            @DefaultValue("20") long registrationDropMinimum,
            @DefaultValue("50") int internationalCallsPerHour,
            @DefaultValue({"+", "00"}) List<String> internationalPrefixes,
            @DefaultValue("200") int history) {
    }

    /**
     * Phone provisioning by MAC over HTTP(S), under {@code /prov/}.
     *
     * @param passwordKey      Base64 of the 32-byte AES key that seals SIP passwords for phone configurations;
     *                         the same on every node and kept out of the database. Unset: one is made by the
     *                         first member, shared through the grid and kept in {@code data-dir/provisioning}
     * @param unknownMacMisses fetches of unknown MACs (404) one source may make per {@code unknownMacWindow}
     *                         before it is answered 429
     * @param unknownMacWindow the unknown-MAC rule's window
     */
    public record Provisioning(
            @Nullable String passwordKey,
            @DefaultValue("10") int unknownMacMisses,
            @DefaultValue("1m") Duration unknownMacWindow) {
    }

    /**
     * The media relay of this node (RTP anchoring; which calls it anchors is each client's media policy).
     *
     * @param enabled        whether this node relays media at all
     * @param ports          the UDP port range for RTP and RTCP, an even RTP port with its RTCP port beside it
     * @param advertisedHost the relay's address in SDP, for a node behind 1:1 NAT in a cloud; defaults
     *                       to the node's advertised SIP address
     * @param latchWindow    how long after an offer or answer a leg may learn its peer's real source (RFC 4961)
     * @param timeout        a relayed call with no RTP this long is ended with BYE on both legs
     * @param holdTimeout    the same while the call is on hold
     * @param ngPort         the UDP port of the rtpengine-compatible "ng" control protocol, bound on the SIP host; 0 turns it off
     */
    public record Media(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("30000-40000") String ports,
            @Nullable String advertisedHost,
            @DefaultValue("3s") Duration latchWindow,
            @DefaultValue("60s") Duration timeout,
            @DefaultValue("1h") Duration holdTimeout,
            @DefaultValue("22222") int ngPort) {
    }

    /**
     * @param probeInterval how often each gateway with probing on gets an OPTIONS; a dead gateway leaves
     *                      the routes after two silent probes, so within twice this
     * @param probeTimeout  how long a probe waits for its answer before it counts as silent
     * @param gatewaySilence how long a gateway may send nothing at all before a call tries the next one
     * @param ringTimeout   how long a call may ring through a carrier before it ends with 480 (Timer C)
     * @param registerCheckEvery how often each member looks at the gateways it registers (due refreshes, and
     *                      which are its own): a gateway whose member died is registered by its next owner
     *                      within this of the grid noticing (or at once, on the partitions' move)
     * @param registerRetryAfter the pause after a REGISTER a carrier refused or left unanswered, doubled at
     *                      each failure in a row up to ten minutes: never a flood of a carrier that refuses us
     * @param registerTimeout how long a REGISTER (and its challenge's answer) waits before it counts as silent
     */
    public record Trunking(
            @DefaultValue("15s") Duration probeInterval,
            @DefaultValue("2s") Duration probeTimeout,
            @DefaultValue("4s") Duration gatewaySilence,
            @DefaultValue("3m") Duration ringTimeout,
            @DefaultValue("2s") Duration registerCheckEvery,
            @DefaultValue("30s") Duration registerRetryAfter,
            @DefaultValue("8s") Duration registerTimeout) {
    }

    /**
     * @param maxCallLength how long any call may last: its dialog expires then (or 30 s after the end the
     *                      platform set, a paid call's funds, if that comes first), and the member owning it
     *                      writes its record as {@code DIALOG_TIMEOUT} and frees its call slots. The backstop
     *                      for a call whose node died: no BYE will ever end it
     */
    public record Calls(@DefaultValue("4h") Duration maxCallLength) {
    }
}
