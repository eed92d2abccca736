package io.gridpbx.persistence.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The node's database: a connection pool, the schema brought up to date, and retried transactions. */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final GaleraRetry retry;

    private Database(HikariDataSource pool, GaleraRetry retry) {
        this.pool = pool;
        this.retry = retry;
    }

    /** Opens the pool and runs the Flyway migrations (the one schema) before anything reads or writes. */
    public static Database open(DatabaseSettings settings, GaleraRetry retry) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("gridpbx-db");
        config.setConnectionTimeout(5_000);
        // Start even when the database is away: the grid serves calls and writes behind later.
        config.setInitializationFailTimeout(-1);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        LOG.info("database {} ready ({})", redact(settings.url()), settings.isEmbedded() ? "embedded H2" : "MySQL/Galera");
        return new Database(pool, retry);
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .connectRetries(30)
                .load()
                .migrate();
    }

    /** Runs the work in one transaction, retried on Galera's transient failures; the work must be idempotent. */
    public <T> T transaction(String what, SqlWork<T> work) throws SQLException {
        return retry.run(what, () -> {
            try (Connection connection = pool.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException failure) {
                    rollbackQuietly(connection);
                    throw failure;
                }
            }
        });
    }

    /**
     * Whether a connection can be had and answers now: bounded by the pool's connection timeout (5 s)
     * and {@code timeoutSeconds} for the check itself. Blocks: call it from a thread of its own.
     */
    public boolean reachable(int timeoutSeconds) {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(timeoutSeconds);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool will discard it
        }
    }

    private static String redact(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
