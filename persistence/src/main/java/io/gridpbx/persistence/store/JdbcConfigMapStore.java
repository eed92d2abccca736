package io.gridpbx.persistence.store;

import io.gridpbx.core.access.Scope;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import io.gridpbx.persistence.jdbc.Database;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Configuration objects by key in the {@code config_objects} table, their values as Properties text. */
public final class JdbcConfigMapStore extends JdbcMapStore<String, ConfigObject> {

    public JdbcConfigMapStore(Database database) {
        super(database, "config_objects");
    }

    @Override
    void write(Connection c, Map<String, ConfigObject> entries) throws SQLException {
        batch(c, """
                INSERT INTO config_objects (object_key, kind, owner, id, field_values) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE field_values = VALUES(field_values), updated_at = CURRENT_TIMESTAMP(3)""",
                entries.values(), (s, o) -> {
                    s.setString(1, o.key());
                    s.setString(2, o.kind().name());
                    s.setString(3, o.owner().toString());
                    s.setString(4, o.id());
                    s.setString(5, encode(o.values()));
                });
    }

    @Override
    void remove(Connection c, Collection<String> keys) throws SQLException {
        batch(c, "DELETE FROM config_objects WHERE object_key = ?", keys, (s, k) -> s.setString(1, k));
    }

    @Override
    @Nullable ConfigObject read(Connection c, String key) throws SQLException {
        List<ConfigObject> found = query(c, "SELECT kind, owner, id, field_values FROM config_objects WHERE object_key = ?",
                (s, ignored) -> s.setString(1, key),
                row -> new ConfigObject(ConfigKind.valueOf(row.getString(1)), row.getString(3),
                        Scope.parse(row.getString(2)), decode(row.getString(4))));
        return found.isEmpty() ? null : found.getFirst();
    }

    @Override
    List<String> keys(Connection c) throws SQLException {
        return query(c, "SELECT object_key FROM config_objects", (s, ignored) -> { }, row -> row.getString(1));
    }

    static String encode(Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Drop the date comment Properties writes first, so that equal values give equal text.
        return text.toString().lines().filter(line -> !line.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
    }

    static Map<String, String> decode(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }
}
