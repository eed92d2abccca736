package io.gridpbx.node.grid;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.Binding;
import io.gridpbx.core.location.BindingSet;
import io.gridpbx.core.location.ContactRequest;
import io.gridpbx.core.location.RegisterOutcome;
import io.gridpbx.core.location.RegisterRequest;
import java.util.List;

/** Compact serializers of registrar state, and of what the registrar's processors carry. */
final class LocationSerializers {

    private LocationSerializers() {
    }

    static List<CompactSerializer<?>> all() {
        return List.of(new BindingSerializer(), new BindingSetSerializer(), new ContactRequestSerializer(),
                new RegisterRequestSerializer(), new AcceptedSerializer(), new RejectedSerializer());
    }

    static final class BindingSerializer extends NamedCompactSerializer<Binding> {
        BindingSerializer() {
            super("gridpbx.Binding", Binding.class);
        }

        @Override
        public Binding read(CompactReader in) {
            return new Binding(in.readString("contact"), in.readInt64("expiresAt"), in.readInt32("q"),
                    in.readString("callId"), in.readInt64("cseq"), in.readString("source"), in.readString("node"),
                    in.readString("userAgent"), in.readInt64("updatedAt"));
        }

        @Override
        public void write(CompactWriter out, Binding b) {
            out.writeString("contact", b.contactUri());
            out.writeInt64("expiresAt", b.expiresAtMillis());
            out.writeInt32("q", b.qMillis());
            out.writeString("callId", b.callId());
            out.writeInt64("cseq", b.cseq());
            out.writeString("source", b.source());
            out.writeString("node", b.nodeId());
            out.writeString("userAgent", b.userAgent());
            out.writeInt64("updatedAt", b.updatedAtMillis());
        }
    }

    static final class BindingSetSerializer extends NamedCompactSerializer<BindingSet> {
        BindingSetSerializer() {
            super("gridpbx.BindingSet", BindingSet.class);
        }

        @Override
        public BindingSet read(CompactReader in) {
            return new BindingSet(List.of(in.readArrayOfCompact("bindings", Binding.class)));
        }

        @Override
        public void write(CompactWriter out, BindingSet set) {
            out.writeArrayOfCompact("bindings", set.bindings().toArray(Binding[]::new));
        }
    }

    static final class ContactRequestSerializer extends NamedCompactSerializer<ContactRequest> {
        ContactRequestSerializer() {
            super("gridpbx.ContactRequest", ContactRequest.class);
        }

        @Override
        public ContactRequest read(CompactReader in) {
            return new ContactRequest(in.readString("uri"), in.readNullableInt32("expires"), in.readInt32("q"));
        }

        @Override
        public void write(CompactWriter out, ContactRequest c) {
            out.writeString("uri", c.uri());
            out.writeNullableInt32("expires", c.expires());
            out.writeInt32("q", c.qMillis());
        }
    }

    static final class RegisterRequestSerializer extends NamedCompactSerializer<RegisterRequest> {
        RegisterRequestSerializer() {
            super("gridpbx.RegisterRequest", RegisterRequest.class);
        }

        @Override
        public RegisterRequest read(CompactReader in) {
            return new RegisterRequest(AddressOfRecord.parse(in.readString("aor")),
                    List.of(in.readArrayOfCompact("contacts", ContactRequest.class)), in.readBoolean("wildcard"),
                    in.readNullableInt32("expires"), in.readString("callId"), in.readInt64("cseq"),
                    in.readString("source"), in.readString("node"), in.readString("userAgent"));
        }

        @Override
        public void write(CompactWriter out, RegisterRequest r) {
            out.writeString("aor", r.aor().toString());
            out.writeArrayOfCompact("contacts", r.contacts().toArray(ContactRequest[]::new));
            out.writeBoolean("wildcard", r.wildcard());
            out.writeNullableInt32("expires", r.headerExpires());
            out.writeString("callId", r.callId());
            out.writeInt64("cseq", r.cseq());
            out.writeString("source", r.source());
            out.writeString("node", r.nodeId());
            out.writeString("userAgent", r.userAgent());
        }
    }

    static final class AcceptedSerializer extends NamedCompactSerializer<RegisterOutcome.Accepted> {
        AcceptedSerializer() {
            super("gridpbx.RegisterAccepted", RegisterOutcome.Accepted.class);
        }

        @Override
        public RegisterOutcome.Accepted read(CompactReader in) {
            return new RegisterOutcome.Accepted(List.of(in.readArrayOfCompact("live", Binding.class)),
                    in.readInt64("now"));
        }

        @Override
        public void write(CompactWriter out, RegisterOutcome.Accepted a) {
            out.writeArrayOfCompact("live", a.live().toArray(Binding[]::new));
            out.writeInt64("now", a.nowMillis());
        }
    }

    static final class RejectedSerializer extends NamedCompactSerializer<RegisterOutcome.Rejected> {
        RejectedSerializer() {
            super("gridpbx.RegisterRejected", RegisterOutcome.Rejected.class);
        }

        @Override
        public RegisterOutcome.Rejected read(CompactReader in) {
            return new RegisterOutcome.Rejected(in.readInt32("status"), in.readString("reason"),
                    in.readInt32("minExpires"));
        }

        @Override
        public void write(CompactWriter out, RegisterOutcome.Rejected r) {
            out.writeInt32("status", r.status());
            out.writeString("reason", r.reason());
            out.writeInt32("minExpires", r.minExpires());
        }
    }
}
