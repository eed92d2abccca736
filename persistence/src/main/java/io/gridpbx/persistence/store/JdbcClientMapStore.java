package io.gridpbx.persistence.store;

import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.tenancy.NatPolicy;
import io.gridpbx.core.tenancy.Client;
import io.gridpbx.persistence.jdbc.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Clients (SIP domains) by domain, in the {@code clients} table. */
public final class JdbcClientMapStore extends JdbcMapStore<String, Client> {

    public JdbcClientMapStore(Database database) {
        super(database, "clients");
    }

    @Override
    void write(Connection c, Map<String, Client> entries) throws SQLException {
        batch(c, """
                INSERT INTO clients (domain, name, reseller_realm, max_contacts, email, language, digest_algorithms,
                    media_relay)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE name = VALUES(name), reseller_realm = VALUES(reseller_realm),
                    max_contacts = VALUES(max_contacts), email = VALUES(email), language = VALUES(language),
                    digest_algorithms = VALUES(digest_algorithms), media_relay = VALUES(media_relay),
                    updated_at = CURRENT_TIMESTAMP(3)""",
                entries.values(), (s, client) -> {
                    s.setString(1, client.domain());
                    s.setString(2, client.name());
                    s.setString(3, client.resellerRealm());
                    s.setInt(4, client.maxContactsPerUser());
                    s.setString(5, client.email());
                    s.setString(6, client.language());
                    s.setString(7, client.digestAlgorithms().isEmpty() ? null
                            : DigestAlgorithm.tokens(client.digestAlgorithms()));
                    s.setString(8, client.mediaRelay().name());
                });
    }

    @Override
    void remove(Connection c, Collection<String> keys) throws SQLException {
        batch(c, "DELETE FROM clients WHERE domain = ?", keys, (s, k) -> s.setString(1, k));
    }

    @Override
    @Nullable Client read(Connection c, String domain) throws SQLException {
        List<Client> found = query(c, """
                SELECT domain, name, reseller_realm, max_contacts, email, language, digest_algorithms, media_relay
                FROM clients WHERE domain = ?""",
                (s, ignored) -> s.setString(1, domain),
                row -> new Client(row.getString(1), row.getString(2), row.getString(3), row.getInt(4),
                        row.getString(5), row.getString(6),
                        DigestAlgorithm.fromTokens(Objects.requireNonNullElse(row.getString(7), "")),
                        mediaRelay(row.getString(8))));
        return found.isEmpty() ? null : found.getFirst();
    }

    /** The stored policy; one this version does not know (a newer node wrote it) reads as the usual WHEN_NAT. */
    private static NatPolicy mediaRelay(@Nullable String name) {
        return name == null ? NatPolicy.WHEN_NAT : NatPolicy.named(name).orElse(NatPolicy.WHEN_NAT);
    }

    @Override
    List<String> keys(Connection c) throws SQLException {
        return query(c, "SELECT domain FROM clients", (s, ignored) -> { }, row -> row.getString(1));
    }
}
