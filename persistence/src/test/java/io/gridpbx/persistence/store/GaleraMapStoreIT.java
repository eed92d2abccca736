package io.gridpbx.persistence.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.tenancy.CallSettings;
import io.gridpbx.core.tenancy.User;
import io.gridpbx.persistence.galera.GaleraCluster;
import io.gridpbx.persistence.jdbc.Database;
import io.gridpbx.persistence.jdbc.DatabaseSettings;
import io.gridpbx.persistence.jdbc.GaleraRetry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every MapStore against a real three-node Galera cluster through the multi-host URL, with the same
 * assertions as on the embedded store; afterwards every node must hold the same rows.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class GaleraMapStoreIT extends JdbcMapStoreContract {

    private static final String[] TABLES = {"platform", "resellers", "clients", "users", "sip_credentials",
            "registrations", "user_pictures", "voicemail_messages", "voicemail_recordings",
            "reseller_logos", "cdrs", "cdr_legs", "balances", "presence_subscriptions"};

    private static @Nullable GaleraCluster cluster;

    /**
     * Starts the cluster with a new, empty {@code gridpbx} schema, so that the migrations run on Galera
     * from the first one: the cluster keeps its data from run to run, and {@link
     * io.gridpbx.persistence.galera.GaleraClusterIT} leaves probe tables that Flyway would refuse to
     * migrate over (a non-empty schema without a history table).
     */
    @BeforeAll
    static void startCluster() throws SQLException {
        cluster = GaleraCluster.start();
        try (Connection connection = DriverManager.getConnection(cluster.nodeJdbcUrl(1), cluster.user(),
                cluster.password()); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS gridpbx");
            statement.execute("CREATE DATABASE gridpbx");
        }
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.stop();
        }
    }

    @Override
    Database openEmptyDatabase() throws SQLException {
        GaleraCluster galera = galera();
        Database opened = Database.open(new DatabaseSettings(galera.jdbcUrl(), galera.user(), galera.password(), 4),
                GaleraRetry.standard());
        // The cluster keeps its data from test to test (and run to run): start each test from empty
        // tables. Through the pool and its retry, like every write: the rows of the previous test may
        // still be applying on another node, and Galera reports that certification conflict as a
        // deadlock, which passes when retried.
        opened.transaction("empty the tables", connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String table : TABLES) {
                    statement.executeUpdate("DELETE FROM " + table);
                }
            }
            return null;
        });
        return opened;
    }

    @Test
    void rowsWrittenThroughTheMultiHostUrl_areTheSameOnEveryNode() {
        var users = new JdbcUserMapStore(database);
        for (int i = 0; i < 50; i++) {
            users.store(i + "@" + OFFICE, new User(Integer.toString(i), OFFICE,
                    Integer.toString(i), "User " + i, "en", CallSettings.DEFAULTS));
        }

        GaleraCluster.Check check = galera().check();

        assertThat(check.passed()).as(check.output()).isTrue();
        assertThat(check.output()).contains("gridpbx.users");
    }

    private static GaleraCluster galera() {
        if (cluster == null) {
            throw new IllegalStateException("the Galera cluster did not start");
        }
        return cluster;
    }
}
