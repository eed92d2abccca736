package io.gridpbx.persistence.store;

import io.gridpbx.core.trunking.Did;
import io.gridpbx.persistence.jdbc.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The DID inventory by number, in the {@code dids} table (destinations are extensions of the client). */
public final class JdbcDidMapStore extends JdbcMapStore<String, Did> {

    public JdbcDidMapStore(Database database) {
        super(database, "dids");
    }

    @Override
    void write(Connection c, Map<String, Did> entries) throws SQLException {
        batch(c, """
                INSERT INTO dids (number, reseller_realm, client_domain, destination_type, destination)
                VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE reseller_realm = VALUES(reseller_realm), client_domain = VALUES(client_domain),
                    destination_type = VALUES(destination_type), destination = VALUES(destination)""",
                entries.values(), (s, d) -> {
                    s.setString(1, d.number());
                    s.setString(2, d.resellerRealm());
                    s.setString(3, d.clientDomain());
                    s.setString(4, d.destination() == null ? null : "extension");
                    s.setString(5, d.destination());
                });
    }

    @Override
    void remove(Connection c, Collection<String> keys) throws SQLException {
        batch(c, "DELETE FROM dids WHERE number = ?", keys, (s, k) -> s.setString(1, k));
    }

    @Override
    @Nullable Did read(Connection c, String number) throws SQLException {
        List<Did> found = query(c, "SELECT number, reseller_realm, client_domain, destination FROM dids WHERE number = ?",
                (s, ignored) -> s.setString(1, number),
                row -> new Did(row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
        return found.isEmpty() ? null : found.getFirst();
    }

    @Override
    List<String> keys(Connection c) throws SQLException {
        return query(c, "SELECT number FROM dids", (s, ignored) -> { }, row -> row.getString(1));
    }
}
