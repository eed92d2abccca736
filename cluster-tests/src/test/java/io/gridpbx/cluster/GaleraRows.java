package io.gridpbx.cluster;

import io.gridpbx.persistence.galera.GaleraCluster;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Counts rows on one Galera node, after it has applied everything the cluster committed before the read. */
final class GaleraRows {

    private GaleraRows() {
    }

    /** The single number a {@code SELECT COUNT(...)} answers on node {@code node}, with string parameters. */
    static long count(GaleraCluster cluster, int node, String sql, String... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(cluster.nodeJdbcUrl(node), cluster.user(),
                cluster.password())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET SESSION wsrep_sync_wait=1");
            }
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    select.setString(i + 1, parameters[i]);
                }
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        }
    }

    /**
     * Deletes every row of the {@code gridpbx} tables (not the Flyway history): the cluster keeps its
     * data from run to run, and a node eagerly loads whatever it finds.
     */
    static void emptyTables(GaleraCluster cluster) throws SQLException {
        try (Connection connection = DriverManager.getConnection(cluster.nodeJdbcUrl(1), cluster.user(),
                cluster.password()); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'gridpbx' AND table_type = 'BASE TABLE'"
                    + " AND table_name <> 'flyway_schema_history'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                statement.executeUpdate("DELETE FROM `" + table + "`");
            }
        }
    }
}
