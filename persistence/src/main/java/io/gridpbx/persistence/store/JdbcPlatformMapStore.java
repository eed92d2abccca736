package io.gridpbx.persistence.store;

import io.gridpbx.core.tenancy.Platform;
import io.gridpbx.persistence.jdbc.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The platform: one row ({@code id = 1}), under the grid key {@code platform}. */
public final class JdbcPlatformMapStore extends JdbcMapStore<String, Platform> {

    public static final String KEY = "platform";

    public JdbcPlatformMapStore(Database database) {
        super(database, "platform");
    }

    @Override
    void write(Connection c, Map<String, Platform> entries) throws SQLException {
        batch(c, """
                INSERT INTO platform (id, domain) VALUES (1, ?)
                ON DUPLICATE KEY UPDATE domain = VALUES(domain), updated_at = CURRENT_TIMESTAMP(3)""",
                entries.values(), (s, p) -> s.setString(1, p.domain()));
    }

    @Override
    void remove(Connection c, Collection<String> keys) throws SQLException {
        batch(c, "DELETE FROM platform WHERE id = 1", keys, (s, k) -> { });
    }

    @Override
    @Nullable Platform read(Connection c, String key) throws SQLException {
        if (!KEY.equals(key)) {
            return null;
        }
        List<Platform> found = query(c, "SELECT domain FROM platform WHERE id = 1", (s, ignored) -> { },
                row -> new Platform(row.getString(1)));
        return found.isEmpty() ? null : found.getFirst();
    }

    @Override
    List<String> keys(Connection c) throws SQLException {
        return query(c, "SELECT id FROM platform", (s, ignored) -> { }, row -> KEY);
    }
}
