package io.gridpbx.persistence.store;

import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.persistence.jdbc.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The platform's SIP trunks by id, in the {@code gateways} table. */
public final class JdbcGatewayMapStore extends JdbcMapStore<String, Gateway> {

    private static final String COLUMNS = "id, name, host, port, transport, username, password, strip_digits, add_prefix,"
            + " probing, register_enabled, register_expires";

    public JdbcGatewayMapStore(Database database) {
        super(database, "gateways");
    }

    @Override
    void write(Connection c, Map<String, Gateway> entries) throws SQLException {
        batch(c, "INSERT INTO gateways (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) " + """
                ON DUPLICATE KEY UPDATE name = VALUES(name), host = VALUES(host), port = VALUES(port),
                    transport = VALUES(transport), username = VALUES(username), password = VALUES(password),
                    strip_digits = VALUES(strip_digits), add_prefix = VALUES(add_prefix), probing = VALUES(probing),
                    register_enabled = VALUES(register_enabled), register_expires = VALUES(register_expires)""",
                entries.values(), (s, g) -> {
                    s.setString(1, g.id());
                    s.setString(2, g.name());
                    s.setString(3, g.host());
                    s.setInt(4, g.port());
                    s.setString(5, g.transport().name());
                    s.setString(6, g.username());
                    s.setString(7, g.password());
                    s.setInt(8, g.stripDigits());
                    s.setString(9, g.addPrefix());
                    s.setBoolean(10, g.probing());
                    s.setBoolean(11, g.register());
                    s.setInt(12, g.registerExpires());
                });
    }

    @Override
    void remove(Connection c, Collection<String> keys) throws SQLException {
        batch(c, "DELETE FROM gateways WHERE id = ?", keys, (s, k) -> s.setString(1, k));
    }

    @Override
    @Nullable Gateway read(Connection c, String id) throws SQLException {
        List<Gateway> found = query(c, "SELECT " + COLUMNS + " FROM gateways WHERE id = ?",
                (s, ignored) -> s.setString(1, id),
                row -> new Gateway(row.getString(1), row.getString(2), row.getString(3), row.getInt(4),
                        Gateway.Transport.valueOf(row.getString(5)), row.getString(6), row.getString(7), row.getInt(8),
                        row.getString(9), row.getBoolean(10), row.getBoolean(11), row.getInt(12)));
        return found.isEmpty() ? null : found.getFirst();
    }

    @Override
    List<String> keys(Connection c) throws SQLException {
        return query(c, "SELECT id FROM gateways", (s, ignored) -> { }, row -> row.getString(1));
    }
}
