package io.gridpbx.node;

import java.nio.file.Path;
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
        @DefaultValue Admin admin) {

    /**
     * @param host           address for UDP and TCP
     * @param port           SIP port
     * @param advertisedHost address put in Via and Record-Route; defaults to {@code host}
     * @param threads        SIP listener threads
     * @param digestAlgorithms algorithms offered in challenges, preferred first
     * @param minExpires     shortest registration accepted (423 below)
     * @param maxExpires     longest registration granted
     * @param gridDeadlineMs how long a SIP thread waits for the grid before answering 503
     * @param shedDelayMs    queue delay the node keeps under by turning new requests away with 503; 0: never shed
     * @param retryAfterSeconds Retry-After of an overload 503
     */
    public record Sip(
            @DefaultValue("127.0.0.1") String host,
            @DefaultValue("5060") int port,
            @Nullable String advertisedHost,
            @DefaultValue("32") int threads,
            @DefaultValue({"MD5", "SHA-256"}) List<String> digestAlgorithms,
            @DefaultValue("60") int minExpires,
            @DefaultValue("3600") int maxExpires,
            @DefaultValue("1000") long gridDeadlineMs,
            @DefaultValue("100") long shedDelayMs,
            @DefaultValue("2") long retryAfterSeconds) {
    }

    /**
     * @param name    cluster name
     * @param host    address the member binds; defaults to the SIP host
     * @param port    member port
     * @param members host:port of peers, empty to run alone
     */
    public record Cluster(
            @DefaultValue("gridpbx") String name,
            @Nullable String host,
            @DefaultValue("5701") int port,
            @DefaultValue List<String> members) {
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
     */
    public record Db(
            @Nullable String url,
            @DefaultValue("gridpbx") String user,
            @DefaultValue("") String password,
            @DefaultValue("8") int poolSize,
            @DefaultValue("1") int writeDelaySeconds,
            @DefaultValue("1000") int writeBatchSize,
            @DefaultValue("10000") long backlogWarnThreshold) {
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
}
