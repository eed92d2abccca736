package io.gridpbx.persistence.store;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.tenancy.SipCredentials;
import io.gridpbx.persistence.jdbc.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Digest credentials by {@code authUser@realm} (HA1s and the sealed password), in the {@code sip_credentials} table. */
public final class JdbcCredentialsMapStore extends JdbcMapStore<String, SipCredentials> {

    public JdbcCredentialsMapStore(Database database) {
        super(database, "sip_credentials");
    }

    @Override
    void write(Connection c, Map<String, SipCredentials> entries) throws SQLException {
        batch(c, """
                INSERT INTO sip_credentials (realm, auth_user, owner_aor, ha1_md5, ha1_sha256, sealed_password)
                VALUES (?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE owner_aor = VALUES(owner_aor), ha1_md5 = VALUES(ha1_md5),
                    ha1_sha256 = VALUES(ha1_sha256), sealed_password = VALUES(sealed_password),
                    updated_at = CURRENT_TIMESTAMP(3)""",
                entries.values(), (s, cred) -> {
                    s.setString(1, cred.realm());
                    s.setString(2, cred.authUser());
                    s.setString(3, cred.owner().toString());
                    s.setString(4, cred.ha1Md5());
                    s.setString(5, cred.ha1Sha256());
                    s.setString(6, cred.sealedPassword());
                });
    }

    @Override
    void remove(Connection c, Collection<String> keys) throws SQLException {
        batch(c, "DELETE FROM sip_credentials WHERE realm = ? AND auth_user = ?", keys, (s, key) -> {
            int at = key.lastIndexOf('@');
            s.setString(1, key.substring(at + 1));
            s.setString(2, key.substring(0, at));
        });
    }

    @Override
    @Nullable SipCredentials read(Connection c, String key) throws SQLException {
        int at = key.lastIndexOf('@');
        if (at <= 0) {
            return null;
        }
        List<SipCredentials> found = query(c,
                """
                SELECT auth_user, realm, owner_aor, ha1_md5, ha1_sha256, sealed_password FROM sip_credentials
                WHERE realm = ? AND auth_user = ?""",
                (s, ignored) -> {
                    s.setString(1, key.substring(at + 1));
                    s.setString(2, key.substring(0, at));
                },
                row -> new SipCredentials(row.getString(1), row.getString(2), AddressOfRecord.parse(row.getString(3)),
                        row.getString(4), row.getString(5), row.getString(6)));
        return found.isEmpty() ? null : found.getFirst();
    }

    @Override
    List<String> keys(Connection c) throws SQLException {
        return query(c, "SELECT auth_user, realm FROM sip_credentials", (s, ignored) -> { },
                row -> SipCredentials.key(row.getString(1), row.getString(2)));
    }
}
