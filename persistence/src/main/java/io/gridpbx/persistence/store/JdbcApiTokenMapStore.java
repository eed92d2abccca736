package io.gridpbx.persistence.store;

import io.gridpbx.core.access.ApiToken;
import io.gridpbx.core.access.Scope;
import io.gridpbx.persistence.jdbc.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** API tokens by the SHA-256 of their secret, in the {@code api_tokens} table (the secret is never stored). */
public final class JdbcApiTokenMapStore extends JdbcMapStore<String, ApiToken> {

    public JdbcApiTokenMapStore(Database database) {
        super(database, "api_tokens");
    }

    @Override
    void write(Connection c, Map<String, ApiToken> entries) throws SQLException {
        batch(c, """
                INSERT INTO api_tokens (secret_hash, id, label, scope, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE label = VALUES(label), scope = VALUES(scope)""",
                entries.values(), (s, t) -> {
                    s.setString(1, t.secretHash());
                    s.setString(2, t.id());
                    s.setString(3, t.label());
                    s.setString(4, t.scope().toString());
                    s.setString(5, t.createdBy());
                    s.setLong(6, t.createdAt().toEpochMilli());
                });
    }

    @Override
    void remove(Connection c, Collection<String> keys) throws SQLException {
        batch(c, "DELETE FROM api_tokens WHERE secret_hash = ?", keys, (s, k) -> s.setString(1, k));
    }

    @Override
    @Nullable ApiToken read(Connection c, String secretHash) throws SQLException {
        List<ApiToken> found = query(c, """
                SELECT secret_hash, id, label, scope, created_by, created_at FROM api_tokens WHERE secret_hash = ?""",
                (s, ignored) -> s.setString(1, secretHash),
                row -> new ApiToken(row.getString(2), row.getString(3), row.getString(1), Scope.parse(row.getString(4)),
                        row.getString(5), Instant.ofEpochMilli(row.getLong(6))));
        return found.isEmpty() ? null : found.getFirst();
    }

    @Override
    List<String> keys(Connection c) throws SQLException {
        return query(c, "SELECT secret_hash FROM api_tokens", (s, ignored) -> { }, row -> row.getString(1));
    }
}
