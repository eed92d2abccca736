package io.gridpbx.persistence.store;

import com.hazelcast.map.EntryLoader.MetadataAwareValue;
import com.hazelcast.map.EntryStore;
import io.gridpbx.core.location.Binding;
import io.gridpbx.core.location.BindingSet;
import io.gridpbx.persistence.jdbc.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Registrar bindings, one row per contact in {@code registrations}. The grid holds an AOR's whole
 * binding set as one value, so writing it replaces the AOR's rows (idempotent, last write wins,
 * which makes write coalescing right). Loading gives each entry back its expiry, so a restarted
 * grid forgets a registration exactly when the phone's registration runs out.
 */
public final class JdbcLocationStore extends JdbcMapStore<String, MetadataAwareValue<BindingSet>>
        implements EntryStore<String, BindingSet> {

    private static final String COLUMNS =
            "contact_uri, expires_at, q, call_id, cseq, source, node_id, user_agent, updated_at";

    private final Clock clock;
    private final long graceMillis;

    /**
     * @param grace how long an entry outlives its last contact in the grid (the registrar keeps the
     *              Call-ID and CSeq of a just-expired binding a little longer)
     */
    public JdbcLocationStore(Database database, Clock clock, Duration grace) {
        super(database, "registrations");
        this.clock = clock;
        this.graceMillis = grace.toMillis();
    }

    @Override
    void write(Connection c, Map<String, MetadataAwareValue<BindingSet>> entries) throws SQLException {
        batch(c, "DELETE FROM registrations WHERE aor = ?", entries.keySet(), (s, aor) -> s.setString(1, aor));
        List<Row> rows = new ArrayList<>();
        entries.forEach((aor, value) -> value.getValue().bindings().forEach(b -> rows.add(new Row(aor, b))));
        batch(c, "INSERT INTO registrations (aor, contact_hash, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows, (s, row) -> {
                    Binding b = row.binding();
                    s.setString(1, row.aor());
                    s.setString(2, contactHash(b.matchKey()));
                    s.setString(3, b.contactUri());
                    s.setLong(4, b.expiresAtMillis());
                    s.setInt(5, b.qMillis());
                    s.setString(6, b.callId());
                    s.setLong(7, b.cseq());
                    s.setString(8, b.source());
                    s.setString(9, b.nodeId());
                    s.setString(10, b.userAgent());
                    s.setLong(11, b.updatedAtMillis());
                });
    }

    @Override
    void remove(Connection c, Collection<String> keys) throws SQLException {
        batch(c, "DELETE FROM registrations WHERE aor = ?", keys, (s, aor) -> s.setString(1, aor));
    }

    @Override
    @Nullable MetadataAwareValue<BindingSet> read(Connection c, String aor) throws SQLException {
        List<Binding> bindings = query(c, "SELECT " + COLUMNS + " FROM registrations WHERE aor = ? AND expires_at > ?",
                (s, ignored) -> {
                    s.setString(1, aor);
                    s.setLong(2, clock.millis());
                },
                row -> new Binding(row.getString(1), row.getLong(2), row.getInt(3), row.getString(4), row.getLong(5),
                        row.getString(6), row.getString(7), row.getString(8), row.getLong(9)));
        if (bindings.isEmpty()) {
            return null;
        }
        BindingSet set = new BindingSet(bindings);
        return new MetadataAwareValue<>(set, set.lastExpiryMillis() + graceMillis);
    }

    @Override
    List<String> keys(Connection c) throws SQLException {
        return query(c, "SELECT DISTINCT aor FROM registrations WHERE expires_at > ?",
                (s, ignored) -> s.setLong(1, clock.millis()), row -> row.getString(1));
    }

    /**
     * Removes rows of registrations that ran out more than the grace ago. The grid never tells its
     * store about an entry that expired, so the rows of a phone that simply went away stay until this
     * runs; it is idempotent and any node may run it.
     */
    public int purgeExpired() throws SQLException {
        long before = clock.millis() - graceMillis;
        return database.transaction("purge expired registrations", c -> {
            try (var statement = c.prepareStatement("DELETE FROM registrations WHERE expires_at < ?")) {
                statement.setLong(1, before);
                return statement.executeUpdate();
            }
        });
    }

    private static String contactHash(String matchKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(matchKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Row(String aor, Binding binding) {
    }
}
