package io.gridpbx.persistence.store;

import io.gridpbx.core.access.Account;
import io.gridpbx.core.access.Scope;
import io.gridpbx.persistence.jdbc.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Portal accounts by email, in the {@code accounts} table. */
public final class JdbcAccountMapStore extends JdbcMapStore<String, Account> {

    public JdbcAccountMapStore(Database database) {
        super(database, "accounts");
    }

    @Override
    void write(Connection c, Map<String, Account> entries) throws SQLException {
        batch(c, """
                INSERT INTO accounts (email, password_hash, home_scope, language, failed_sign_ins, locked_until)
                VALUES (?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE password_hash = VALUES(password_hash), home_scope = VALUES(home_scope),
                    language = VALUES(language), failed_sign_ins = VALUES(failed_sign_ins),
                    locked_until = VALUES(locked_until), updated_at = CURRENT_TIMESTAMP(3)""",
                entries.values(), (s, a) -> {
                    s.setString(1, a.email());
                    s.setString(2, a.passwordHash());
                    s.setString(3, a.home().toString());
                    s.setString(4, a.language());
                    s.setInt(5, a.failedSignIns());
                    if (a.lockedUntil() == null) {
                        s.setNull(6, Types.BIGINT);
                    } else {
                        s.setLong(6, a.lockedUntil().toEpochMilli());
                    }
                });
    }

    @Override
    void remove(Connection c, Collection<String> keys) throws SQLException {
        batch(c, "DELETE FROM accounts WHERE email = ?", keys, (s, k) -> s.setString(1, k));
    }

    @Override
    @Nullable Account read(Connection c, String email) throws SQLException {
        List<Account> found = query(c, """
                SELECT email, password_hash, home_scope, language, failed_sign_ins, locked_until
                FROM accounts WHERE email = ?""", (s, ignored) -> s.setString(1, email), row -> {
                    long locked = row.getLong(6);
                    return new Account(row.getString(1), row.getString(2), Scope.parse(row.getString(3)),
                            row.getString(4), row.getInt(5), row.wasNull() ? null : Instant.ofEpochMilli(locked));
                });
        return found.isEmpty() ? null : found.getFirst();
    }

    @Override
    List<String> keys(Connection c) throws SQLException {
        return query(c, "SELECT email FROM accounts", (s, ignored) -> { }, row -> row.getString(1));
    }
}
