package io.gridpbx.persistence.store;

import io.gridpbx.persistence.jdbc.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Balances in micros by tenant (a client's domain or a reseller's realm), in the {@code balances}
 * table. Each write is the balance as the grid holds it, so a replay writes the same number again.
 */
public final class JdbcBalanceMapStore extends JdbcMapStore<String, Long> {

    public JdbcBalanceMapStore(Database database) {
        super(database, "balances");
    }

    @Override
    void write(Connection c, Map<String, Long> entries) throws SQLException {
        batch(c, """
                INSERT INTO balances (tenant, micros) VALUES (?, ?)
                ON DUPLICATE KEY UPDATE micros = VALUES(micros), updated_at = CURRENT_TIMESTAMP(3)""",
                entries.entrySet(), (s, entry) -> {
                    s.setString(1, entry.getKey());
                    s.setLong(2, entry.getValue());
                });
    }

    @Override
    void remove(Connection c, Collection<String> keys) throws SQLException {
        batch(c, "DELETE FROM balances WHERE tenant = ?", keys, (s, k) -> s.setString(1, k));
    }

    @Override
    @Nullable Long read(Connection c, String tenant) throws SQLException {
        List<Long> found = query(c, "SELECT micros FROM balances WHERE tenant = ?", (s, ignored) -> s.setString(1, tenant),
                row -> row.getLong(1));
        return found.isEmpty() ? null : found.getFirst();
    }

    @Override
    List<String> keys(Connection c) throws SQLException {
        return query(c, "SELECT tenant FROM balances", (s, ignored) -> { }, row -> row.getString(1));
    }
}
