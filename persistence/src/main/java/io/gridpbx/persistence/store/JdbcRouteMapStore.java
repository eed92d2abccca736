package io.gridpbx.persistence.store;

import io.gridpbx.core.trunking.OutboundRoute;
import io.gridpbx.persistence.jdbc.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Outbound routes by id: the route in {@code outbound_routes}, its ordered gateways in
 * {@code outbound_route_gateways} (rewritten whole on each write, in the same transaction).
 */
public final class JdbcRouteMapStore extends JdbcMapStore<String, OutboundRoute> {

    public JdbcRouteMapStore(Database database) {
        super(database, "outbound_routes");
    }

    @Override
    void write(Connection c, Map<String, OutboundRoute> entries) throws SQLException {
        batch(c, """
                INSERT INTO outbound_routes (id, owner_realm, name, pattern, priority) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE owner_realm = VALUES(owner_realm), name = VALUES(name),
                    pattern = VALUES(pattern), priority = VALUES(priority)""", entries.values(), (s, r) -> {
                    s.setString(1, r.id());
                    s.setString(2, r.ownerRealm());
                    s.setString(3, r.name());
                    s.setString(4, r.pattern());
                    s.setInt(5, r.priority());
                });
        batch(c, "DELETE FROM outbound_route_gateways WHERE route_id = ?", entries.keySet(), (s, k) -> s.setString(1, k));
        List<String[]> positions = new ArrayList<>();
        for (OutboundRoute route : entries.values()) {
            for (int i = 0; i < route.gatewayIds().size(); i++) {
                positions.add(new String[] {route.id(), Integer.toString(i), route.gatewayIds().get(i)});
            }
        }
        batch(c, "INSERT INTO outbound_route_gateways (route_id, position, gateway_id) VALUES (?, ?, ?)", positions,
                (s, p) -> {
                    s.setString(1, p[0]);
                    s.setInt(2, Integer.parseInt(p[1]));
                    s.setString(3, p[2]);
                });
    }

    @Override
    void remove(Connection c, Collection<String> keys) throws SQLException {
        batch(c, "DELETE FROM outbound_route_gateways WHERE route_id = ?", keys, (s, k) -> s.setString(1, k));
        batch(c, "DELETE FROM outbound_routes WHERE id = ?", keys, (s, k) -> s.setString(1, k));
    }

    @Override
    @Nullable OutboundRoute read(Connection c, String id) throws SQLException {
        List<String> gateways = query(c,
                "SELECT gateway_id FROM outbound_route_gateways WHERE route_id = ? ORDER BY position",
                (s, ignored) -> s.setString(1, id), row -> row.getString(1));
        List<OutboundRoute> found = query(c,
                "SELECT id, owner_realm, name, pattern, priority FROM outbound_routes WHERE id = ?",
                (s, ignored) -> s.setString(1, id),
                row -> new OutboundRoute(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getInt(5), gateways));
        return found.isEmpty() ? null : found.getFirst();
    }

    @Override
    List<String> keys(Connection c) throws SQLException {
        return query(c, "SELECT id FROM outbound_routes", (s, ignored) -> { }, row -> row.getString(1));
    }
}
