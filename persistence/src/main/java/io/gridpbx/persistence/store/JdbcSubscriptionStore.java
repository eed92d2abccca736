package io.gridpbx.persistence.store;

import com.hazelcast.map.EntryLoader.MetadataAwareValue;
import com.hazelcast.map.EntryStore;
import io.gridpbx.core.dialog.DialogTarget;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.presence.EventPackage;
import io.gridpbx.core.presence.Subscription;
import io.gridpbx.persistence.jdbc.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Presence subscriptions, one row each in {@code presence_subscriptions}, keyed by the SHA-256 of the
 * grid's key. A write is the subscription's whole state (an upsert: a replay is harmless, the last
 * write wins, which makes coalescing right). Loading gives each entry back its expiry plus the grace
 * the grid keeps, and skips subscriptions that ran out while the cluster was down.
 */
public final class JdbcSubscriptionStore extends JdbcMapStore<String, MetadataAwareValue<Subscription>>
        implements EntryStore<String, Subscription> {

    private static final String COLUMNS = "call_id, watcher_tag, our_tag, event, event_id, watcher, resource,"
            + " contact_uri, route, flow, expires_at, cseq, version, node_id";
    /** Route entries are URIs in angle brackets: a line break never occurs in one. */
    private static final String ROUTE_SEPARATOR = "\n";

    private final Clock clock;
    private final long graceMillis;

    /** @param grace how long the grid keeps an entry past its subscription's expiry */
    public JdbcSubscriptionStore(Database database, Clock clock, Duration grace) {
        super(database, "presence_subscriptions");
        this.clock = clock;
        this.graceMillis = grace.toMillis();
    }

    @Override
    void write(Connection c, Map<String, MetadataAwareValue<Subscription>> entries) throws SQLException {
        batch(c, "INSERT INTO presence_subscriptions (key_hash, sub_key, " + COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE contact_uri = VALUES(contact_uri), route = VALUES(route),"
                + " flow = VALUES(flow), expires_at = VALUES(expires_at), cseq = VALUES(cseq),"
                + " version = VALUES(version), node_id = VALUES(node_id)",
                entries.entrySet(), (s, entry) -> {
                    Subscription sub = entry.getValue().getValue();
                    s.setString(1, keyHash(entry.getKey()));
                    s.setString(2, entry.getKey());
                    s.setString(3, sub.callId());
                    s.setString(4, sub.watcherTag());
                    s.setString(5, sub.ourTag());
                    s.setString(6, sub.event().token());
                    s.setString(7, sub.eventId());
                    s.setString(8, sub.watcher().toString());
                    s.setString(9, sub.resource().toString());
                    s.setString(10, sub.watcherTarget().contact());
                    s.setString(11, String.join(ROUTE_SEPARATOR, sub.watcherTarget().route()));
                    s.setString(12, sub.flow());
                    s.setLong(13, sub.expiresAtMillis());
                    s.setLong(14, sub.cseq());
                    s.setLong(15, sub.version());
                    s.setString(16, sub.nodeId());
                });
    }

    @Override
    void remove(Connection c, Collection<String> keys) throws SQLException {
        batch(c, "DELETE FROM presence_subscriptions WHERE key_hash = ?", keys, (s, key) -> s.setString(1, keyHash(key)));
    }

    @Override
    @Nullable MetadataAwareValue<Subscription> read(Connection c, String key) throws SQLException {
        List<Subscription> found = query(c, "SELECT " + COLUMNS + " FROM presence_subscriptions"
                + " WHERE key_hash = ? AND expires_at > ?", (s, ignored) -> {
                    s.setString(1, keyHash(key));
                    s.setLong(2, clock.millis());
                }, row -> {
                    String event = row.getString(4);
                    String route = row.getString(9);
                    return new Subscription(row.getString(1), row.getString(2), row.getString(3),
                            EventPackage.byToken(event).orElseThrow(() -> new SQLException("unknown package " + event)),
                            row.getString(5), AddressOfRecord.parse(row.getString(6)),
                            AddressOfRecord.parse(row.getString(7)),
                            new DialogTarget(row.getString(8), route.isEmpty() ? List.of()
                                    : Arrays.asList(route.split(ROUTE_SEPARATOR))),
                            row.getString(10), row.getLong(11), row.getLong(12), row.getLong(13), row.getString(14));
                });
        if (found.isEmpty()) {
            return null;
        }
        Subscription subscription = found.getFirst();
        return new MetadataAwareValue<>(subscription, subscription.expiresAtMillis() + graceMillis);
    }

    @Override
    List<String> keys(Connection c) throws SQLException {
        return query(c, "SELECT sub_key FROM presence_subscriptions WHERE expires_at > ?",
                (s, ignored) -> s.setLong(1, clock.millis()), row -> row.getString(1));
    }

    /**
     * Removes the rows of subscriptions that ran out more than the grace ago. The grid never tells its
     * store about an entry that expired, so the row of a watcher that simply went away stays until this
     * runs; it is idempotent and any node may run it.
     */
    public int purgeExpired() throws SQLException {
        long before = clock.millis() - graceMillis;
        return database.transaction("purge expired subscriptions", c -> {
            try (var statement = c.prepareStatement("DELETE FROM presence_subscriptions WHERE expires_at < ?")) {
                statement.setLong(1, before);
                return statement.executeUpdate();
            }
        });
    }

    private static String keyHash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
