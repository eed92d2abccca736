package io.gridpbx.persistence.store;

import io.gridpbx.core.access.AuditEntry;
import io.gridpbx.core.access.Scope;
import io.gridpbx.persistence.jdbc.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The audit trail in the {@code audit_log} table. Entries are never changed, so a replayed write is
 * ignored; at start the grid loads the last {@value #LOADED_DAYS} days (older entries stay in the table).
 */
public final class JdbcAuditMapStore extends JdbcMapStore<String, AuditEntry> {

    static final int LOADED_DAYS = 90;

    public JdbcAuditMapStore(Database database) {
        super(database, "audit_log");
    }

    @Override
    void write(Connection c, Map<String, AuditEntry> entries) throws SQLException {
        batch(c, """
                INSERT INTO audit_log (id, at, actor, action, acting_as, subject) VALUES (?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE id = id""", entries.entrySet(), (s, e) -> {
                    AuditEntry entry = e.getValue();
                    s.setString(1, e.getKey());
                    s.setLong(2, entry.at().toEpochMilli());
                    s.setString(3, entry.actor());
                    s.setString(4, entry.action());
                    s.setString(5, entry.actingAs().toString());
                    s.setString(6, entry.subject());
                });
    }

    @Override
    void remove(Connection c, Collection<String> keys) throws SQLException {
        batch(c, "DELETE FROM audit_log WHERE id = ?", keys, (s, k) -> s.setString(1, k));
    }

    @Override
    @Nullable AuditEntry read(Connection c, String id) throws SQLException {
        List<AuditEntry> found = query(c, "SELECT at, actor, action, acting_as, subject FROM audit_log WHERE id = ?",
                (s, ignored) -> s.setString(1, id),
                row -> new AuditEntry(Instant.ofEpochMilli(row.getLong(1)), row.getString(2), row.getString(3),
                        Scope.parse(row.getString(4)), row.getString(5)));
        return found.isEmpty() ? null : found.getFirst();
    }

    @Override
    List<String> keys(Connection c) throws SQLException {
        return query(c, "SELECT id FROM audit_log WHERE at > ?",
                (s, ignored) -> s.setLong(1, Instant.now().minus(Duration.ofDays(LOADED_DAYS)).toEpochMilli()),
                row -> row.getString(1));
    }
}
