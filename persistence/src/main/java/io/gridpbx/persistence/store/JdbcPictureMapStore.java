package io.gridpbx.persistence.store;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.manage.Picture;
import io.gridpbx.persistence.jdbc.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Users' profile pictures by address of record ({@code extension@domain}), in the {@code user_pictures} table. */
public final class JdbcPictureMapStore extends JdbcMapStore<String, Picture> {

    public JdbcPictureMapStore(Database database) {
        super(database, "user_pictures");
    }

    @Override
    void write(Connection c, Map<String, Picture> entries) throws SQLException {
        batch(c, """
                INSERT INTO user_pictures (domain, extension, content_type, image) VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE content_type = VALUES(content_type), image = VALUES(image),
                    updated_at = CURRENT_TIMESTAMP(3)""", entries.entrySet(), (s, entry) -> {
            AddressOfRecord aor = AddressOfRecord.parse(entry.getKey());
            s.setString(1, aor.domain());
            s.setString(2, aor.user());
            s.setString(3, entry.getValue().contentType());
            s.setBytes(4, entry.getValue().bytes());
        });
    }

    @Override
    void remove(Connection c, Collection<String> keys) throws SQLException {
        batch(c, "DELETE FROM user_pictures WHERE domain = ? AND extension = ?", keys, (s, key) -> {
            AddressOfRecord aor = AddressOfRecord.parse(key);
            s.setString(1, aor.domain());
            s.setString(2, aor.user());
        });
    }

    @Override
    @Nullable Picture read(Connection c, String key) throws SQLException {
        AddressOfRecord aor = AddressOfRecord.parse(key);
        List<Picture> found = query(c, "SELECT content_type, image FROM user_pictures WHERE domain = ? AND extension = ?",
                (s, ignored) -> {
                    s.setString(1, aor.domain());
                    s.setString(2, aor.user());
                }, row -> new Picture(row.getString(1), row.getBytes(2)));
        return found.isEmpty() ? null : found.getFirst();
    }

    @Override
    List<String> keys(Connection c) throws SQLException {
        return query(c, "SELECT extension, domain FROM user_pictures", (s, ignored) -> { },
                row -> row.getString(1) + "@" + row.getString(2));
    }

    /**
     * Pictures are not loaded at start (they would fill the heap and are seldom read): a miss asks
     * the table. Unlike the other maps, this one evicts, so a miss may be a picture that exists.
     */
    @Override
    public @Nullable Picture load(String key) {
        return loadAll(List.of(key)).get(key);
    }

    @Override
    public Iterable<String> loadAllKeys() {
        return List.of();
    }
}
