package io.gridpbx.persistence.store;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.presence.xcap.XcapDocument;
import io.gridpbx.core.presence.xcap.XcapUri;
import io.gridpbx.persistence.jdbc.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Users' XCAP documents by {@code auid|user@domain|name} ({@link XcapUri#key()}), in the {@code xcap_documents}
 * table: the bytes as put and their entity tag. Loaded whole at start like the tenant maps (a few KB per user).
 */
public final class JdbcXcapMapStore extends JdbcMapStore<String, XcapDocument> {

    public JdbcXcapMapStore(Database database) {
        super(database, "xcap_documents");
    }

    @Override
    void write(Connection c, Map<String, XcapDocument> entries) throws SQLException {
        batch(c, """
                INSERT INTO xcap_documents (auid, domain, username, name, etag, content) VALUES (?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE etag = VALUES(etag), content = VALUES(content),
                    updated_at = CURRENT_TIMESTAMP(3)""", entries.values(), (s, document) -> {
            s.setString(1, document.auid().token());
            s.setString(2, document.owner().domain());
            s.setString(3, document.owner().user());
            s.setString(4, document.name());
            s.setString(5, document.etag());
            s.setBytes(6, document.bytes());
        });
    }

    @Override
    void remove(Connection c, Collection<String> keys) throws SQLException {
        batch(c, "DELETE FROM xcap_documents WHERE auid = ? AND domain = ? AND username = ? AND name = ?", keys,
                (s, key) -> bind(s, XcapUri.ofKey(key)));
    }

    @Override
    @Nullable XcapDocument read(Connection c, String key) throws SQLException {
        XcapUri uri = XcapUri.ofKey(key);
        List<XcapDocument> found = query(c,
                "SELECT etag, content FROM xcap_documents WHERE auid = ? AND domain = ? AND username = ? AND name = ?",
                (s, ignored) -> bind(s, uri), row -> new XcapDocument(uri, row.getBytes(2), row.getString(1)));
        return found.isEmpty() ? null : found.getFirst();
    }

    @Override
    List<String> keys(Connection c) throws SQLException {
        return query(c, "SELECT auid, domain, username, name FROM xcap_documents", (s, ignored) -> { },
                row -> row.getString(1) + "|" + new AddressOfRecord(row.getString(3), row.getString(2)) + "|"
                        + row.getString(4));
    }

    private static void bind(PreparedStatement s, XcapUri uri) throws SQLException {
        s.setString(1, uri.auid().token());
        s.setString(2, uri.owner().domain());
        s.setString(3, uri.owner().user());
        s.setString(4, uri.document());
    }
}
