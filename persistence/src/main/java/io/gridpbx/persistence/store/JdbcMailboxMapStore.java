package io.gridpbx.persistence.store;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.voicemail.Mailbox;
import io.gridpbx.core.voicemail.VoicemailMessage;
import io.gridpbx.persistence.jdbc.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Mailboxes by address of record ({@code extension@domain}), a row per message in {@code
 * voicemail_messages}. A mailbox is stored whole: its rows are replaced, so a replayed write is harmless
 * and a message deleted in the grid is deleted in the table.
 */
public final class JdbcMailboxMapStore extends JdbcMapStore<String, Mailbox> {

    public JdbcMailboxMapStore(Database database) {
        super(database, "voicemail_messages");
    }

    @Override
    void write(Connection c, Map<String, Mailbox> entries) throws SQLException {
        remove(c, entries.keySet());
        List<Map.Entry<AddressOfRecord, VoicemailMessage>> rows = new ArrayList<>();
        entries.forEach((key, mailbox) -> mailbox.messages()
                .forEach(m -> rows.add(Map.entry(AddressOfRecord.parse(key), m))));
        batch(c, """
                INSERT INTO voicemail_messages (id, domain, extension, caller, received_at, seconds, heard)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", rows, (s, row) -> {
            VoicemailMessage m = row.getValue();
            s.setString(1, m.id());
            s.setString(2, row.getKey().domain());
            s.setString(3, row.getKey().user());
            s.setString(4, m.caller());
            s.setLong(5, m.receivedAt().toEpochMilli());
            s.setInt(6, m.seconds());
            s.setBoolean(7, m.heard());
        });
    }

    @Override
    void remove(Connection c, Collection<String> keys) throws SQLException {
        batch(c, "DELETE FROM voicemail_messages WHERE domain = ? AND extension = ?", keys, (s, key) -> {
            AddressOfRecord aor = AddressOfRecord.parse(key);
            s.setString(1, aor.domain());
            s.setString(2, aor.user());
        });
    }

    @Override
    @Nullable Mailbox read(Connection c, String key) throws SQLException {
        AddressOfRecord aor = AddressOfRecord.parse(key);
        List<VoicemailMessage> messages = query(c, """
                SELECT id, caller, received_at, seconds, heard FROM voicemail_messages
                WHERE domain = ? AND extension = ?""", (s, ignored) -> {
                    s.setString(1, aor.domain());
                    s.setString(2, aor.user());
                }, row -> new VoicemailMessage(row.getString(1), row.getString(2),
                        Instant.ofEpochMilli(row.getLong(3)), row.getInt(4), row.getBoolean(5)));
        return messages.isEmpty() ? null : new Mailbox(messages);
    }

    @Override
    List<String> keys(Connection c) throws SQLException {
        return query(c, "SELECT DISTINCT extension, domain FROM voicemail_messages", (s, ignored) -> { },
                row -> row.getString(1) + "@" + row.getString(2));
    }
}
