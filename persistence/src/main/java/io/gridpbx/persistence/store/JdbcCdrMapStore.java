package io.gridpbx.persistence.store;

import io.gridpbx.core.dialog.CallFacts;
import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.dialog.CdrLeg;
import io.gridpbx.core.dialog.Charge;
import io.gridpbx.core.dialog.Direction;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.persistence.jdbc.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CDRs by Call-ID in the {@code cdrs} table, their attempts in {@code cdr_legs}. A CDR never changes,
 * so a replay is ignored (its row and its legs are inserted once, in one transaction); the grid loads
 * the last {@value #LOADED_DAYS} days at start, the tables keep them all. Text longer than its column
 * is cut rather than refused: a record the database refuses would be retried for ever.
 */
public final class JdbcCdrMapStore extends JdbcMapStore<String, Cdr> {

    static final int LOADED_DAYS = 90;

    private final Clock clock;

    public JdbcCdrMapStore(Database database) {
        this(database, Clock.systemUTC());
    }

    /** @param clock tells which records are recent enough to load at start */
    public JdbcCdrMapStore(Database database, Clock clock) {
        super(database, "cdrs");
        this.clock = clock;
    }

    @Override
    void write(Connection c, Map<String, Cdr> entries) throws SQLException {
        batch(c, """
                INSERT INTO cdrs (call_id, client_domain, caller, callee, started_at, answered_at, ended_at,
                    disposition, node_id, cost_micros, direction, dialled, e164, gateway, final_status,
                    reseller_cost_micros, rate_prefix, charged_client)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE call_id = call_id""", entries.values(), (s, cdr) -> {
                    CallFacts facts = cdr.facts();
                    s.setString(1, cdr.callId());
                    s.setString(2, cdr.clientDomain());
                    s.setString(3, cdr.caller().toString());
                    s.setString(4, cdr.callee().toString());
                    s.setLong(5, cdr.startedAtMillis());
                    s.setLong(6, cdr.answeredAtMillis());
                    s.setLong(7, cdr.endedAtMillis());
                    s.setString(8, cut(cdr.disposition(), 20));
                    s.setString(9, cdr.nodeId());
                    s.setLong(10, cdr.charge().clientMicros());
                    s.setString(11, facts.direction().name());
                    s.setString(12, cut(facts.dialled(), 128));
                    s.setString(13, cut(facts.e164(), 32));
                    s.setString(14, cut(facts.gateway(), 64));
                    s.setInt(15, cdr.finalStatus());
                    s.setLong(16, cdr.charge().resellerMicros());
                    s.setString(17, cdr.charge().ratePrefix() == null ? null : cut(cdr.charge().ratePrefix(), 32));
                    s.setString(18, cut(facts.chargedClient(), 253));
                });
        List<Leg> legs = new ArrayList<>();
        for (Cdr cdr : entries.values()) {
            for (int seq = 0; seq < cdr.legs().size(); seq++) {
                legs.add(new Leg(cdr.callId(), seq, cdr.legs().get(seq)));
            }
        }
        batch(c, """
                INSERT INTO cdr_legs (call_id, seq, kind, target, status, reason) VALUES (?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE call_id = call_id""", legs, (s, leg) -> {
                    s.setString(1, leg.callId());
                    s.setInt(2, leg.seq());
                    s.setString(3, cut(leg.leg().kind(), 10));
                    s.setString(4, cut(leg.leg().target(), 320));
                    s.setInt(5, leg.leg().status());
                    s.setString(6, cut(leg.leg().reason(), 200));
                });
    }

    @Override
    void remove(Connection c, Collection<String> keys) throws SQLException {
        batch(c, "DELETE FROM cdr_legs WHERE call_id = ?", keys, (s, k) -> s.setString(1, k));
        batch(c, "DELETE FROM cdrs WHERE call_id = ?", keys, (s, k) -> s.setString(1, k));
    }

    @Override
    @Nullable Cdr read(Connection c, String callId) throws SQLException {
        List<CdrLeg> legs = query(c, "SELECT kind, target, status, reason FROM cdr_legs WHERE call_id = ? ORDER BY seq",
                (s, ignored) -> s.setString(1, callId),
                row -> new CdrLeg(row.getString(1), row.getString(2), row.getInt(3), row.getString(4)));
        List<Cdr> found = query(c, """
                SELECT call_id, client_domain, caller, callee, started_at, answered_at, ended_at, disposition, node_id,
                    cost_micros, direction, dialled, e164, gateway, final_status, reseller_cost_micros, rate_prefix,
                    charged_client
                FROM cdrs WHERE call_id = ?""", (s, ignored) -> s.setString(1, callId), row -> cdr(row, legs));
        return found.isEmpty() ? null : found.getFirst();
    }

    /**
     * A row as a record. The INVITE's time is the record's start (an answered call's record starts at
     * its INVITE); a row written before the payer was kept is paid by its client.
     */
    private static Cdr cdr(ResultSet row, List<CdrLeg> legs) throws SQLException {
        String clientDomain = row.getString(2);
        long startedAt = row.getLong(5);
        long endedAt = row.getLong(7);
        long answeredAt = row.getObject(6) == null ? endedAt : row.getLong(6);
        String chargedClient = row.getString(18);
        CallFacts facts = new CallFacts(Direction.valueOf(row.getString(11)), row.getString(12), row.getString(13),
                row.getString(14), startedAt, chargedClient.isEmpty() ? clientDomain : chargedClient, legs);
        return new Cdr(row.getString(1), clientDomain, AddressOfRecord.parse(row.getString(3)),
                AddressOfRecord.parse(row.getString(4)), startedAt, answeredAt, endedAt, row.getString(8),
                row.getString(9), row.getInt(15), facts, new Charge(row.getLong(10), row.getLong(16), row.getString(17)));
    }

    @Override
    List<String> keys(Connection c) throws SQLException {
        return query(c, "SELECT call_id FROM cdrs WHERE started_at > ?",
                (s, ignored) -> s.setLong(1, clock.millis() - LOADED_DAYS * 86_400_000L),
                row -> row.getString(1));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** One row of {@code cdr_legs}. */
    private record Leg(String callId, int seq, CdrLeg leg) {
    }
}
