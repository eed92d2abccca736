package io.gridpbx.persistence.store;

import io.gridpbx.core.tenancy.Reseller;
import io.gridpbx.persistence.jdbc.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Resellers by realm, in the {@code resellers} table. */
public final class JdbcResellerMapStore extends JdbcMapStore<String, Reseller> {

    public JdbcResellerMapStore(Database database) {
        super(database, "resellers");
    }

    @Override
    void write(Connection c, Map<String, Reseller> entries) throws SQLException {
        batch(c, """
                INSERT INTO resellers (realm, name, platform_domain, email, discount_percent, balance_micros, language)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE name = VALUES(name), platform_domain = VALUES(platform_domain),
                    email = VALUES(email), discount_percent = VALUES(discount_percent),
                    balance_micros = VALUES(balance_micros), language = VALUES(language),
                    updated_at = CURRENT_TIMESTAMP(3)""", entries.values(), (s, r) -> {
            s.setString(1, r.realm());
            s.setString(2, r.name());
            s.setString(3, r.platformDomain());
            s.setString(4, r.email());
            s.setBigDecimal(5, r.discountPercent());
            s.setLong(6, r.balanceMicros());
            s.setString(7, r.language());
        });
    }

    @Override
    void remove(Connection c, Collection<String> keys) throws SQLException {
        batch(c, "DELETE FROM resellers WHERE realm = ?", keys, (s, k) -> s.setString(1, k));
    }

    @Override
    @Nullable Reseller read(Connection c, String realm) throws SQLException {
        List<Reseller> found = query(c, """
                SELECT realm, name, platform_domain, email, discount_percent, balance_micros, language
                FROM resellers WHERE realm = ?""",
                (s, ignored) -> s.setString(1, realm),
                row -> new Reseller(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getBigDecimal(5).stripTrailingZeros(), row.getLong(6), row.getString(7)));
        return found.isEmpty() ? null : found.getFirst();
    }

    @Override
    List<String> keys(Connection c) throws SQLException {
        return query(c, "SELECT realm FROM resellers", (s, ignored) -> { }, row -> row.getString(1));
    }
}
