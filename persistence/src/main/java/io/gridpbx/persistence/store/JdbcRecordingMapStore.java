package io.gridpbx.persistence.store;

import io.gridpbx.core.voicemail.Recording;
import io.gridpbx.persistence.jdbc.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Voicemail recordings by message id, in {@code voicemail_recordings}; read when played, never at start. */
public final class JdbcRecordingMapStore extends JdbcMapStore<String, Recording> {

    public JdbcRecordingMapStore(Database database) {
        super(database, "voicemail_recordings");
    }

    @Override
    void write(Connection c, Map<String, Recording> entries) throws SQLException {
        batch(c, """
                INSERT INTO voicemail_recordings (id, wav) VALUES (?, ?)
                ON DUPLICATE KEY UPDATE wav = VALUES(wav)""", entries.entrySet(), (s, entry) -> {
            s.setString(1, entry.getKey());
            s.setBytes(2, entry.getValue().bytes());
        });
    }

    @Override
    void remove(Connection c, Collection<String> keys) throws SQLException {
        batch(c, "DELETE FROM voicemail_recordings WHERE id = ?", keys, (s, key) -> s.setString(1, key));
    }

    @Override
    @Nullable Recording read(Connection c, String key) throws SQLException {
        List<Recording> found = query(c, "SELECT wav FROM voicemail_recordings WHERE id = ?",
                (s, ignored) -> s.setString(1, key), row -> Recording.of(row.getBytes(1)));
        return found.isEmpty() ? null : found.getFirst();
    }

    @Override
    List<String> keys(Connection c) throws SQLException {
        return query(c, "SELECT id FROM voicemail_recordings", (s, ignored) -> { }, row -> row.getString(1));
    }

    /**
     * Recordings are not loaded at start (they would fill the heap and most are played once): a miss
     * asks the table. The map evicts, so a miss may be a recording that exists.
     */
    @Override
    public @Nullable Recording load(String key) {
        return loadAll(List.of(key)).get(key);
    }

    @Override
    public Iterable<String> loadAllKeys() {
        return List.of();
    }
}
