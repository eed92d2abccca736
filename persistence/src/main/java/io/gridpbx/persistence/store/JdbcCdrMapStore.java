package io.gridpbx.persistence.store;

import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.persistence.jdbc.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CDRs by Call-ID in the {@code cdrs} table. A CDR never changes, so a replay is ignored; the grid
 * loads the last {@value #LOADED_DAYS} days at start, the table keeps them all.
 */
public final class JdbcCdrMapStore extends JdbcMapStore<String, Cdr> {

    static final int LOADED_DAYS = 90;

    public JdbcCdrMapStore(Database database) {
        super(database, "cdrs");
    }

    @Override
    void write(Connection c, Map<String, Cdr> entries) throws SQLException {
        batch(c, """
                INSERT INTO cdrs (call_id, client_domain, caller, callee, started_at, answered_at, ended_at,
                    disposition, node_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE call_id = call_id""", entries.values(), (s, cdr) -> {
                    s.setString(1, cdr.callId());
                    s.setString(2, cdr.clientDomain());
                    s.setString(3, cdr.caller().toString());
                    s.setString(4, cdr.callee().toString());
                    s.setLong(5, cdr.startedAtMillis());
                    s.setLong(6, cdr.answeredAtMillis());
                    s.setLong(7, cdr.endedAtMillis());
                    s.setString(8, cdr.disposition());
                    s.setString(9, cdr.nodeId());
                });
    }

    @Override
    void remove(Connection c, Collection<String> keys) throws SQLException {
        batch(c, "DELETE FROM cdrs WHERE call_id = ?", keys, (s, k) -> s.setString(1, k));
    }

    @Override
    @Nullable Cdr read(Connection c, String callId) throws SQLException {
        List<Cdr> found = query(c, """
                SELECT call_id, client_domain, caller, callee, started_at, answered_at, ended_at, disposition, node_id
                FROM cdrs WHERE call_id = ?""", (s, ignored) -> s.setString(1, callId),
                row -> new Cdr(row.getString(1), row.getString(2), AddressOfRecord.parse(row.getString(3)),
                        AddressOfRecord.parse(row.getString(4)), row.getLong(5), row.getLong(6), row.getLong(7),
                        row.getString(8), row.getString(9)));
        return found.isEmpty() ? null : found.getFirst();
    }

    @Override
    List<String> keys(Connection c) throws SQLException {
        return query(c, "SELECT call_id FROM cdrs WHERE started_at > ?",
                (s, ignored) -> s.setLong(1, System.currentTimeMillis() - LOADED_DAYS * 86_400_000L),
                row -> row.getString(1));
    }
}
