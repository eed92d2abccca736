package io.gridpbx.persistence.store;

import io.gridpbx.core.tenancy.Reseller;
import io.gridpbx.persistence.jdbc.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Resellers by realm, in the {@code resellers} table. */
public final class JdbcResellerMapStore extends JdbcMapStore<String, Reseller> {

    public JdbcResellerMapStore(Database database) {
        super(database, "resellers");
    }

    @Override
    void write(Connection c, Map<String, Reseller> entries) throws SQLException {
        batch(c, """
                INSERT INTO resellers (realm, name, platform_domain) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE name = VALUES(name), platform_domain = VALUES(platform_domain),
                    updated_at = CURRENT_TIMESTAMP(3)""", entries.values(), (s, r) -> {
            s.setString(1, r.realm());
            s.setString(2, r.name());
            s.setString(3, r.platformDomain());
        });
    }

    @Override
    void remove(Connection c, Collection<String> keys) throws SQLException {
        batch(c, "DELETE FROM resellers WHERE realm = ?", keys, (s, k) -> s.setString(1, k));
    }

    @Override
    @Nullable Reseller read(Connection c, String realm) throws SQLException {
        List<Reseller> found = query(c, "SELECT realm, name, platform_domain FROM resellers WHERE realm = ?",
                (s, ignored) -> s.setString(1, realm),
                row -> new Reseller(row.getString(1), row.getString(2), row.getString(3)));
        return found.isEmpty() ? null : found.getFirst();
    }

    @Override
    List<String> keys(Connection c) throws SQLException {
        return query(c, "SELECT realm FROM resellers", (s, ignored) -> { }, row -> row.getString(1));
    }
}
