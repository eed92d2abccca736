package io.gridpbx.persistence.store;

import io.gridpbx.core.manage.Picture;
import io.gridpbx.persistence.jdbc.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Resellers' logos by realm, in the {@code reseller_logos} table; few and small, so loaded at start. */
public final class JdbcLogoMapStore extends JdbcMapStore<String, Picture> {

    public JdbcLogoMapStore(Database database) {
        super(database, "reseller_logos");
    }

    @Override
    void write(Connection c, Map<String, Picture> entries) throws SQLException {
        batch(c, """
                INSERT INTO reseller_logos (realm, content_type, image) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE content_type = VALUES(content_type), image = VALUES(image),
                    updated_at = CURRENT_TIMESTAMP(3)""", entries.entrySet(), (s, entry) -> {
            s.setString(1, entry.getKey());
            s.setString(2, entry.getValue().contentType());
            s.setBytes(3, entry.getValue().bytes());
        });
    }

    @Override
    void remove(Connection c, Collection<String> keys) throws SQLException {
        batch(c, "DELETE FROM reseller_logos WHERE realm = ?", keys, (s, key) -> s.setString(1, key));
    }

    @Override
    @Nullable Picture read(Connection c, String key) throws SQLException {
        List<Picture> found = query(c, "SELECT content_type, image FROM reseller_logos WHERE realm = ?",
                (s, ignored) -> s.setString(1, key), row -> new Picture(row.getString(1), row.getBytes(2)));
        return found.isEmpty() ? null : found.getFirst();
    }

    @Override
    List<String> keys(Connection c) throws SQLException {
        return query(c, "SELECT realm FROM reseller_logos", (s, ignored) -> { }, row -> row.getString(1));
    }
}
