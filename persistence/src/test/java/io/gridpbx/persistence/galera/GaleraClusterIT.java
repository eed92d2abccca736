package io.gridpbx.persistence.galera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Galera fixture against a real cluster: replication, a crashed node catching up by IST, the consistency check. */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class GaleraClusterIT {

    private static GaleraCluster cluster;

    @BeforeAll
    static void startCluster() {
        try {
            Class.forName("com.mysql.cj.jdbc.Driver");
        } catch (ClassNotFoundException e) {
            fail("MySQL Connector/J (com.mysql:mysql-connector-j) is not on the test class path");
        }
        cluster = GaleraCluster.start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.stop();
        }
    }

    @Test
    void rowsWrittenWhileANodeIsDead_reachItByIstWhenItRejoins() throws SQLException {
        String run = UUID.randomUUID().toString();
        execute(cluster.nodeJdbcUrl(1), "CREATE TABLE IF NOT EXISTS galera_probe "
                + "(id VARCHAR(64) PRIMARY KEY, run VARCHAR(36) NOT NULL, note VARCHAR(100) NOT NULL)");
        insert(cluster.nodeJdbcUrl(1), run, "before-crash");
        assertThat(notes(cluster.nodeJdbcUrl(3), run)).containsExactly("before-crash");

        cluster.killNode(2);
        for (int i = 0; i < 5; i++) {
            insert(cluster.jdbcUrl(), run, "while-node2-dead-" + i);
            insert(cluster.nodeJdbcUrl(3), run, "while-node2-dead-via-node3-" + i);
        }
        boolean ist = cluster.startNode(2);

        assertThat(ist).as("node 2 caught up by IST, not a full SST").isTrue();
        assertThat(notes(cluster.nodeJdbcUrl(2), run)).hasSize(11).contains("before-crash",
                "while-node2-dead-4", "while-node2-dead-via-node3-4");
        GaleraCluster.Check check = cluster.check();
        assertThat(check.passed()).as(check.output()).isTrue();
        assertThat(check.output()).contains("gridpbx.galera_probe");
    }

    @Test
    void aRowThatOnlyOneNodeHolds_failsTheCheck() throws SQLException {
        execute(cluster.nodeJdbcUrl(1), "CREATE TABLE IF NOT EXISTS galera_divergence "
                + "(id VARCHAR(64) PRIMARY KEY, note VARCHAR(100) NOT NULL)");
        String id = UUID.randomUUID().toString();
        // wsrep_on=OFF for the session: the write stays on node 3, as if replication had lost it.
        String local = "INSERT INTO galera_divergence (id, note) VALUES ('" + id + "', 'node3 only')";
        execute(cluster.nodeJdbcUrl(3), "SET SESSION wsrep_on=OFF", local);
        try {
            GaleraCluster.Check check = cluster.check();

            assertThat(check.passed()).as(check.output()).isFalse();
            assertThat(check.output()).containsPattern("DIFF +gridpbx.galera_divergence");
        } finally {
            execute(cluster.nodeJdbcUrl(3), "SET SESSION wsrep_on=OFF",
                    "DELETE FROM galera_divergence WHERE id = '" + id + "'");
        }
        GaleraCluster.Check repaired = cluster.check();
        assertThat(repaired.passed()).as(repaired.output()).isTrue();
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, cluster.user(), cluster.password());
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static void insert(String url, String run, String note) throws SQLException {
        try (Connection connection = connect(url);
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO galera_probe (id, run, note) VALUES (?, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, run);
            insert.setString(3, note);
            insert.executeUpdate();
        }
    }

    /** Reads on one node after it has applied everything committed cluster-wide before the read. */
    private static List<String> notes(String url, String run) throws SQLException {
        try (Connection connection = connect(url)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET SESSION wsrep_sync_wait=1");
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT note FROM galera_probe WHERE run = ? ORDER BY note")) {
                select.setString(1, run);
                List<String> notes = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        notes.add(rows.getString(1));
                    }
                }
                return notes;
            }
        }
    }
}
