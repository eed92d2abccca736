package io.gridpbx.persistence.store;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.tenancy.CallSettings;
import io.gridpbx.core.tenancy.User;
import io.gridpbx.persistence.jdbc.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Users by address of record ({@code extension@domain}), in the {@code users} table. */
public final class JdbcUserMapStore extends JdbcMapStore<String, User> {

    private static final String COLUMNS = "extension, domain, auth_user, display_name, language, dnd, call_waiting, "
            + "forward_unconditional, forward_busy, forward_no_answer, no_answer_seconds, department, mac, first_name, "
            + "last_name, profile";

    public JdbcUserMapStore(Database database) {
        super(database, "users");
    }

    @Override
    void write(Connection c, Map<String, User> entries) throws SQLException {
        batch(c, "INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + """
                ON DUPLICATE KEY UPDATE auth_user = VALUES(auth_user), display_name = VALUES(display_name),
                    language = VALUES(language), dnd = VALUES(dnd), call_waiting = VALUES(call_waiting),
                    forward_unconditional = VALUES(forward_unconditional), forward_busy = VALUES(forward_busy),
                    forward_no_answer = VALUES(forward_no_answer), no_answer_seconds = VALUES(no_answer_seconds),
                    department = VALUES(department), mac = VALUES(mac), first_name = VALUES(first_name),
                    last_name = VALUES(last_name), profile = VALUES(profile),
                    updated_at = CURRENT_TIMESTAMP(3)""", entries.values(), (s, u) -> {
            CallSettings settings = u.callSettings();
            s.setString(1, u.extension());
            s.setString(2, u.domain());
            s.setString(3, u.authUser());
            s.setString(4, u.displayName());
            s.setString(5, u.language());
            s.setBoolean(6, settings.doNotDisturb());
            s.setBoolean(7, settings.callWaiting());
            s.setString(8, settings.forwardUnconditional());
            s.setString(9, settings.forwardBusy());
            s.setString(10, settings.forwardNoAnswer());
            s.setInt(11, settings.noAnswerSeconds());
            s.setString(12, u.department());
            s.setString(13, u.mac());
            s.setString(14, u.firstName());
            s.setString(15, u.lastName());
            s.setString(16, u.profile());
        });
    }

    @Override
    void remove(Connection c, Collection<String> keys) throws SQLException {
        batch(c, "DELETE FROM users WHERE domain = ? AND extension = ?", keys, (s, key) -> {
            AddressOfRecord aor = AddressOfRecord.parse(key);
            s.setString(1, aor.domain());
            s.setString(2, aor.user());
        });
    }

    @Override
    @Nullable User read(Connection c, String key) throws SQLException {
        AddressOfRecord aor = AddressOfRecord.parse(key);
        List<User> found = query(c, "SELECT " + COLUMNS + " FROM users WHERE domain = ? AND extension = ?", (s, ignored) -> {
            s.setString(1, aor.domain());
            s.setString(2, aor.user());
        }, row -> new User(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                new CallSettings(row.getBoolean(6), row.getBoolean(7), row.getString(8), row.getString(9),
                        row.getString(10), row.getInt(11)), row.getString(12), row.getString(13), row.getString(14),
                row.getString(15), row.getString(16)));
        return found.isEmpty() ? null : found.getFirst();
    }

    @Override
    List<String> keys(Connection c) throws SQLException {
        return query(c, "SELECT extension, domain FROM users", (s, ignored) -> { },
                row -> row.getString(1) + "@" + row.getString(2));
    }
}
