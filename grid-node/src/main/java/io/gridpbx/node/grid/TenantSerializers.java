package io.gridpbx.node.grid;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.manage.Picture;
import io.gridpbx.core.tenancy.NatPolicy;
import io.gridpbx.core.tenancy.CallSettings;
import io.gridpbx.core.tenancy.Client;
import io.gridpbx.core.tenancy.Languages;
import io.gridpbx.core.tenancy.Platform;
import io.gridpbx.core.tenancy.Reseller;
import io.gridpbx.core.tenancy.SipCredentials;
import io.gridpbx.core.tenancy.User;
import io.gridpbx.core.text.SharedStrings;
import com.hazelcast.nio.serialization.FieldKind;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Compact serializers of the tenant configuration records and users' pictures (schema evolution by field name). */
final class TenantSerializers {

    private TenantSerializers() {
    }

    /** A string field that records written before it existed lack: null then. */
    static @Nullable String optionalString(CompactReader in, String field) {
        return in.getFieldKind(field) == FieldKind.STRING ? in.readString(field) : null;
    }

    static String stringOr(CompactReader in, String field, String absent) {
        String value = optionalString(in, field);
        return value == null ? absent : value;
    }

    static List<CompactSerializer<?>> all() {
        return List.of(new PlatformSerializer(), new ResellerSerializer(), new ClientSerializer(),
                new UserSerializer(), new CredentialsSerializer(), new PictureSerializer());
    }

    static final class PlatformSerializer implements CompactSerializer<Platform> {
        @Override
        public Platform read(CompactReader in) {
            return new Platform(in.readString("domain"));
        }

        @Override
        public void write(CompactWriter out, Platform p) {
            out.writeString("domain", p.domain());
        }

        @Override
        public String getTypeName() {
            return "gridpbx.Platform";
        }

        @Override
        public Class<Platform> getCompactClass() {
            return Platform.class;
        }
    }

    static final class ResellerSerializer implements CompactSerializer<Reseller> {
        @Override
        public Reseller read(CompactReader in) {
            return new Reseller(in.readString("realm"), in.readString("name"), in.readString("platformDomain"),
                    optionalString(in, "email"), new BigDecimal(stringOr(in, "discountPercent", "0")),
                    in.getFieldKind("balanceMicros") == FieldKind.INT64 ? in.readInt64("balanceMicros") : 0,
                    stringOr(in, "language", Languages.DEFAULT));
        }

        @Override
        public void write(CompactWriter out, Reseller r) {
            out.writeString("realm", r.realm());
            out.writeString("name", r.name());
            out.writeString("platformDomain", r.platformDomain());
            out.writeString("email", r.email());
            out.writeString("discountPercent", r.discountPercent().toPlainString());
            out.writeInt64("balanceMicros", r.balanceMicros());
            out.writeString("language", r.language());
        }

        @Override
        public String getTypeName() {
            return "gridpbx.Reseller";
        }

        @Override
        public Class<Reseller> getCompactClass() {
            return Reseller.class;
        }
    }

    static final class ClientSerializer implements CompactSerializer<Client> {
        @Override
        public Client read(CompactReader in) {
            return new Client(in.readString("domain"), in.readString("name"), in.readString("resellerRealm"),
                    in.readInt32("maxContactsPerUser"), optionalString(in, "email"),
                    stringOr(in, "language", Languages.DEFAULT),
                    DigestAlgorithm.fromTokens(stringOr(in, "digestAlgorithms", "")),
                    // Absent from records written before the field, unknown if a newer member wrote it: the usual policy.
                    NatPolicy.named(stringOr(in, "mediaRelay", "")).orElse(NatPolicy.WHEN_NAT));
        }

        @Override
        public void write(CompactWriter out, Client c) {
            out.writeString("domain", c.domain());
            out.writeString("name", c.name());
            out.writeString("resellerRealm", c.resellerRealm());
            out.writeInt32("maxContactsPerUser", c.maxContactsPerUser());
            out.writeString("email", c.email());
            out.writeString("language", c.language());
            // Tokens, not an enum array: a member of an older version reads the field as absent, not as garbage.
            out.writeString("digestAlgorithms", DigestAlgorithm.tokens(c.digestAlgorithms()));
            out.writeString("mediaRelay", c.mediaRelay().name());
        }

        @Override
        public String getTypeName() {
            return "gridpbx.Client";
        }

        @Override
        public Class<Client> getCompactClass() {
            return Client.class;
        }
    }

    static final class UserSerializer implements CompactSerializer<User> {
        @Override
        public User read(CompactReader in) {
            CallSettings settings = new CallSettings(in.readBoolean("dnd"), in.readBoolean("callWaiting"),
                    in.readString("forwardUnconditional"), in.readString("forwardBusy"),
                    in.readString("forwardNoAnswer"), in.readInt32("noAnswerSeconds"));
            return new User(in.readString("extension"), in.readString("domain"), in.readString("authUser"),
                    in.readString("displayName"), in.readString("language"), settings, optionalString(in, "department"),
                    optionalString(in, "mac"), optionalString(in, "firstName"), optionalString(in, "lastName"),
                    optionalString(in, "profile"));
        }

        @Override
        public void write(CompactWriter out, User u) {
            out.writeString("extension", u.extension());
            out.writeString("domain", u.domain());
            out.writeString("authUser", u.authUser());
            out.writeString("displayName", u.displayName());
            out.writeString("language", u.language());
            CallSettings s = u.callSettings();
            out.writeBoolean("dnd", s.doNotDisturb());
            out.writeBoolean("callWaiting", s.callWaiting());
            out.writeString("forwardUnconditional", s.forwardUnconditional());
            out.writeString("forwardBusy", s.forwardBusy());
            out.writeString("forwardNoAnswer", s.forwardNoAnswer());
            out.writeInt32("noAnswerSeconds", s.noAnswerSeconds());
            out.writeString("department", u.department());
            out.writeString("mac", u.mac());
            out.writeString("firstName", u.firstName());
            out.writeString("lastName", u.lastName());
            out.writeString("profile", u.profile());
        }

        @Override
        public String getTypeName() {
            return "gridpbx.User";
        }

        @Override
        public Class<User> getCompactClass() {
            return User.class;
        }
    }

    static final class PictureSerializer implements CompactSerializer<Picture> {
        @Override
        public Picture read(CompactReader in) {
            return new Picture(in.readString("contentType"), in.readArrayOfInt8("bytes"));
        }

        @Override
        public void write(CompactWriter out, Picture p) {
            out.writeString("contentType", p.contentType());
            out.writeArrayOfInt8("bytes", p.bytes());
        }

        @Override
        public String getTypeName() {
            return "gridpbx.Picture";
        }

        @Override
        public Class<Picture> getCompactClass() {
            return Picture.class;
        }
    }

    static final class CredentialsSerializer implements CompactSerializer<SipCredentials> {
        @Override
        public SipCredentials read(CompactReader in) {
            // The near-cache keeps every registering user's credentials: one copy of the realm for all of
            // a tenant's users, and the owner's parts shared with the user name and realm they repeat.
            String authUser = in.readString("authUser");
            String realm = SharedStrings.DOMAINS.of(in.readString("realm"));
            AddressOfRecord parsed = AddressOfRecord.parse(in.readString("owner"));
            AddressOfRecord owner = new AddressOfRecord(authUser.equals(parsed.user()) ? authUser : parsed.user(),
                    SharedStrings.DOMAINS.of(parsed.domain()));
            return new SipCredentials(authUser, realm, owner, in.readString("ha1Md5"),
                    in.readString("ha1Sha256"), optionalString(in, "sealedPassword"));
        }

        @Override
        public void write(CompactWriter out, SipCredentials c) {
            out.writeString("authUser", c.authUser());
            out.writeString("realm", c.realm());
            out.writeString("owner", c.owner().toString());
            out.writeString("ha1Md5", c.ha1Md5());
            out.writeString("ha1Sha256", c.ha1Sha256());
            out.writeString("sealedPassword", c.sealedPassword());
        }

        @Override
        public String getTypeName() {
            return "gridpbx.SipCredentials";
        }

        @Override
        public Class<SipCredentials> getCompactClass() {
            return SipCredentials.class;
        }
    }
}
