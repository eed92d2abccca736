package io.gridpbx.persistence.store;

import io.gridpbx.core.trunking.OutboundRoute;
import io.gridpbx.persistence.jdbc.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Outbound routes by id: the route in {@code outbound_routes}, its ordered gateways in
 * {@code outbound_route_gateways} (rewritten whole on each write, in the same transaction), each with
 * its weight when the route shares calls by weight, NULL when it tries them in order.
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
        List<Position> positions = new ArrayList<>();
        for (OutboundRoute route : entries.values()) {
            for (int i = 0; i < route.gatewayIds().size(); i++) {
                positions.add(new Position(route.id(), i, route.gatewayIds().get(i),
                        route.weighted() ? route.weights().get(i) : null));
            }
        }
        batch(c, "INSERT INTO outbound_route_gateways (route_id, position, gateway_id, weight) VALUES (?, ?, ?, ?)",
                positions, (s, p) -> {
                    s.setString(1, p.routeId());
                    s.setInt(2, p.position());
                    s.setString(3, p.gatewayId());
                    if (p.weight() == null) {
                        s.setNull(4, Types.INTEGER);
                    } else {
                        s.setInt(4, p.weight());
                    }
                });
    }

    @Override
    void remove(Connection c, Collection<String> keys) throws SQLException {
        batch(c, "DELETE FROM outbound_route_gateways WHERE route_id = ?", keys, (s, k) -> s.setString(1, k));
        batch(c, "DELETE FROM outbound_routes WHERE id = ?", keys, (s, k) -> s.setString(1, k));
    }

    @Override
    @Nullable OutboundRoute read(Connection c, String id) throws SQLException {
        List<Position> positions = query(c,
                "SELECT position, gateway_id, weight FROM outbound_route_gateways WHERE route_id = ? ORDER BY position",
                (s, ignored) -> s.setString(1, id),
                row -> new Position(id, row.getInt(1), row.getString(2), row.getObject(3, Integer.class)));
        List<String> gateways = positions.stream().map(Position::gatewayId).toList();
        // Weighted only if every gateway has its weight: a route is one or the other, never half of each.
        List<Integer> weights = positions.stream().allMatch(p -> p.weight() != null)
                ? positions.stream().map(Position::weight).toList() : List.of();
        List<OutboundRoute> found = query(c,
                "SELECT id, owner_realm, name, pattern, priority FROM outbound_routes WHERE id = ?",
                (s, ignored) -> s.setString(1, id),
                row -> new OutboundRoute(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getInt(5), gateways, weights));
        return found.isEmpty() ? null : found.getFirst();
    }

    @Override
    List<String> keys(Connection c) throws SQLException {
        return query(c, "SELECT id FROM outbound_routes", (s, ignored) -> { }, row -> row.getString(1));
    }

    /** One row of {@code outbound_route_gateways}. */
    private record Position(String routeId, int position, String gatewayId, @Nullable Integer weight) {
    }
}
