package io.gridpbx.persistence.store;

import io.gridpbx.core.provisioning.Phone;
import io.gridpbx.persistence.jdbc.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Desk phones by MAC (secret hash, last fetch), in the {@code phones} table. */
public final class JdbcPhoneMapStore extends JdbcMapStore<String, Phone> {

    public JdbcPhoneMapStore(Database database) {
        super(database, "phones");
    }

    @Override
    void write(Connection c, Map<String, Phone> entries) throws SQLException {
        batch(c, """
                INSERT INTO phones (mac, secret_hash, last_provisioned, last_user) VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE secret_hash = VALUES(secret_hash), last_provisioned = VALUES(last_provisioned),
                    last_user = VALUES(last_user), updated_at = CURRENT_TIMESTAMP(3)""",
                entries.values(), (s, p) -> {
                    s.setString(1, p.mac());
                    s.setString(2, p.secretHash());
                    if (p.lastProvisioned() == null) {
                        s.setNull(3, Types.BIGINT);
                    } else {
                        s.setLong(3, p.lastProvisioned().toEpochMilli());
                    }
                    s.setString(4, p.lastUser());
                });
    }

    @Override
    void remove(Connection c, Collection<String> keys) throws SQLException {
        batch(c, "DELETE FROM phones WHERE mac = ?", keys, (s, k) -> s.setString(1, k));
    }

    @Override
    @Nullable Phone read(Connection c, String mac) throws SQLException {
        List<Phone> found = query(c, "SELECT mac, secret_hash, last_provisioned, last_user FROM phones WHERE mac = ?",
                (s, ignored) -> s.setString(1, mac),
                row -> {
                    long at = row.getLong(3);
                    Instant provisioned = row.wasNull() ? null : Instant.ofEpochMilli(at);
                    return new Phone(row.getString(1), row.getString(2), provisioned, row.getString(4));
                });
        return found.isEmpty() ? null : found.getFirst();
    }

    @Override
    List<String> keys(Connection c) throws SQLException {
        return query(c, "SELECT mac FROM phones", (s, ignored) -> { }, row -> row.getString(1));
    }
}
