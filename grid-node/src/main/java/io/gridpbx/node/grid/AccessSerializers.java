package io.gridpbx.node.grid;


import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.gridpbx.core.access.Account;
import io.gridpbx.core.access.ApiToken;
import io.gridpbx.core.access.AuditEntry;
import io.gridpbx.core.access.PasswordResets;
import io.gridpbx.core.access.Scope;
import java.time.Instant;
import java.util.List;

/** Compact serializers of the management plane's records: accounts, API tokens, audit entries, resets. */
final class AccessSerializers {

    private AccessSerializers() {
    }

    static List<CompactSerializer<?>> all() {
        return List.of(new AccountSerializer(), new ApiTokenSerializer(), new AuditEntrySerializer(),
                new PendingResetSerializer());
    }

    static final class AccountSerializer implements CompactSerializer<Account> {
        @Override
        public Account read(CompactReader in) {
            Instant locked = in.getFieldKind("lockedUntilMillis") == FieldKind.NULLABLE_INT64
                    && in.readNullableInt64("lockedUntilMillis") != null
                    ? Instant.ofEpochMilli(in.readNullableInt64("lockedUntilMillis")) : null;
            return new Account(in.readString("email"), in.readString("passwordHash"),
                    Scope.parse(in.readString("home")), in.readString("language"), in.readInt32("failedSignIns"),
                    locked);
        }

        @Override
        public void write(CompactWriter out, Account a) {
            out.writeString("email", a.email());
            out.writeString("passwordHash", a.passwordHash());
            out.writeString("home", a.home().toString());
            out.writeString("language", a.language());
            out.writeInt32("failedSignIns", a.failedSignIns());
            out.writeNullableInt64("lockedUntilMillis", a.lockedUntil() == null ? null : a.lockedUntil().toEpochMilli());
        }

        @Override
        public String getTypeName() {
            return "gridpbx.Account";
        }

        @Override
        public Class<Account> getCompactClass() {
            return Account.class;
        }
    }

    static final class ApiTokenSerializer implements CompactSerializer<ApiToken> {
        @Override
        public ApiToken read(CompactReader in) {
            return new ApiToken(in.readString("id"), in.readString("label"), in.readString("secretHash"),
                    Scope.parse(in.readString("scope")), in.readString("createdBy"),
                    Instant.ofEpochMilli(in.readInt64("createdAtMillis")));
        }

        @Override
        public void write(CompactWriter out, ApiToken t) {
            out.writeString("id", t.id());
            out.writeString("label", t.label());
            out.writeString("secretHash", t.secretHash());
            out.writeString("scope", t.scope().toString());
            out.writeString("createdBy", t.createdBy());
            out.writeInt64("createdAtMillis", t.createdAt().toEpochMilli());
        }

        @Override
        public String getTypeName() {
            return "gridpbx.ApiToken";
        }

        @Override
        public Class<ApiToken> getCompactClass() {
            return ApiToken.class;
        }
    }

    static final class AuditEntrySerializer implements CompactSerializer<AuditEntry> {
        @Override
        public AuditEntry read(CompactReader in) {
            return new AuditEntry(Instant.ofEpochMilli(in.readInt64("atMillis")), in.readString("actor"),
                    in.readString("action"), Scope.parse(in.readString("actingAs")), in.readString("subject"));
        }

        @Override
        public void write(CompactWriter out, AuditEntry e) {
            out.writeInt64("atMillis", e.at().toEpochMilli());
            out.writeString("actor", e.actor());
            out.writeString("action", e.action());
            out.writeString("actingAs", e.actingAs().toString());
            out.writeString("subject", e.subject());
        }

        @Override
        public String getTypeName() {
            return "gridpbx.AuditEntry";
        }

        @Override
        public Class<AuditEntry> getCompactClass() {
            return AuditEntry.class;
        }
    }

    static final class PendingResetSerializer implements CompactSerializer<PasswordResets.Pending> {
        @Override
        public PasswordResets.Pending read(CompactReader in) {
            return new PasswordResets.Pending(in.readString("email"), Instant.ofEpochMilli(in.readInt64("expiresAtMillis")));
        }

        @Override
        public void write(CompactWriter out, PasswordResets.Pending p) {
            out.writeString("email", p.email());
            out.writeInt64("expiresAtMillis", p.expiresAt().toEpochMilli());
        }

        @Override
        public String getTypeName() {
            return "gridpbx.PendingReset";
        }

        @Override
        public Class<PasswordResets.Pending> getCompactClass() {
            return PasswordResets.Pending.class;
        }
    }
}
