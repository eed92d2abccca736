package io.gridpbx.persistence.jdbc;

import java.nio.file.Path;

/**
 * Where the node's database is. With no URL configured a node uses the embedded store: H2 in
 * MySQL mode in its data directory, running the same migrations as MariaDB.
 *
 * @param url      JDBC URL; a Galera cluster is a Connector/J multi-host URL
 * @param user     database user
 * @param password its password
 * @param poolSize connections kept by the pool
 */
public record DatabaseSettings(String url, String user, String password, int poolSize) {

    public DatabaseSettings {
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1");
        }
        if (!url.startsWith("jdbc:mysql:") && !url.startsWith("jdbc:mariadb:") && !url.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("gridpbx.db.url must be a MySQL/MariaDB (jdbc:mysql:...) or H2 URL: " + url);
        }
        url = withConnectorDefaults(url);
    }

    /** The embedded store of a node without database settings. */
    public static DatabaseSettings embedded(Path dataDir) {
        String file = dataDir.resolve("gridpbx").toAbsolutePath().toString();
        return new DatabaseSettings("jdbc:h2:file:" + file + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE", "sa", "", 4);
    }

    public boolean isEmbedded() {
        return url.startsWith("jdbc:h2:");
    }

    /**
     * Connector/J settings that Galera needs unless the operator chose otherwise:
     * {@code failOverReadOnly=false} (else a failed-over connection is read-only and every write
     * fails), batched inserts rewritten into multi-row statements (about three times the rows/s),
     * bounded connect and socket timeouts so a dead node fails a statement instead of hanging it, and
     * the driver's own log through SLF4J: by default it prints a stack trace to stderr for every host
     * a failover tries, about a thousand a minute (7 MB of node log) while the whole cluster is away.
     */
    static String withConnectorDefaults(String url) {
        if (!url.startsWith("jdbc:mysql:")) {
            return url;
        }
        StringBuilder result = new StringBuilder(url);
        char separator = url.contains("?") ? '&' : '?';
        for (String option : new String[] {"failOverReadOnly=false", "rewriteBatchedStatements=true",
                "connectTimeout=3000", "socketTimeout=30000", "logger=com.mysql.cj.log.Slf4JLogger"}) {
            String name = option.substring(0, option.indexOf('=') + 1);
            if (!url.contains(name)) {
                result.append(separator).append(option);
                separator = '&';
            }
        }
        return result.toString();
    }
}
