package io.gridpbx.node.grid;

import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.dialog.DialogId;
import io.gridpbx.core.dialog.DialogTarget;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.Binding;
import io.gridpbx.core.location.BindingSet;
import io.gridpbx.core.location.ContactRequest;
import io.gridpbx.core.location.RegisterOutcome;
import io.gridpbx.core.location.RegisterRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Compact serializers of registrar and dialog state, and of what the registrar's processors carry. */
final class LocationSerializers {

    private LocationSerializers() {
    }

    static List<CompactSerializer<?>> all() {
        return List.of(new BindingSerializer(), new BindingSetSerializer(), new ContactRequestSerializer(),
                new RegisterRequestSerializer(), new AcceptedSerializer(), new RejectedSerializer(),
                new DialogSerializer(), new CdrSerializer());
    }

    private abstract static class Named<T> implements CompactSerializer<T> {
        private final String name;
        private final Class<T> type;

        Named(String name, Class<T> type) {
            this.name = name;
            this.type = type;
        }

        @Override
        public String getTypeName() {
            return name;
        }

        @Override
        public Class<T> getCompactClass() {
            return type;
        }
    }

    static final class BindingSerializer extends Named<Binding> {
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

    static final class BindingSetSerializer extends Named<BindingSet> {
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

    static final class ContactRequestSerializer extends Named<ContactRequest> {
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

    static final class RegisterRequestSerializer extends Named<RegisterRequest> {
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

    static final class AcceptedSerializer extends Named<RegisterOutcome.Accepted> {
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

    static final class RejectedSerializer extends Named<RegisterOutcome.Rejected> {
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

    static final class DialogSerializer extends Named<Dialog> {
        DialogSerializer() {
            super("gridpbx.Dialog", Dialog.class);
        }

        @Override
        public Dialog read(CompactReader in) {
            return new Dialog(new DialogId(in.readString("callId"), in.readString("fromTag"), in.readString("toTag")),
                    AddressOfRecord.parse(in.readString("caller")), AddressOfRecord.parse(in.readString("callee")),
                    in.readInt64("startedAt"), in.readString("node"),
                    target(in, "callerContact", "callerRoute"), target(in, "calleeContact", "calleeRoute"));
        }

        @Override
        public void write(CompactWriter out, Dialog d) {
            out.writeString("callId", d.id().callId());
            out.writeString("fromTag", d.id().fromTag());
            out.writeString("toTag", d.id().toTag());
            out.writeString("caller", d.caller().toString());
            out.writeString("callee", d.callee().toString());
            out.writeInt64("startedAt", d.startedAtMillis());
            out.writeString("node", d.nodeId());
            write(out, "callerContact", "callerRoute", d.callerTarget());
            write(out, "calleeContact", "calleeRoute", d.calleeTarget());
        }

        /** Null when the dialog was written without targets (the field is absent or empty). */
        private static @Nullable DialogTarget target(CompactReader in, String contactField, String routeField) {
            if (in.getFieldKind(contactField) != FieldKind.STRING) {
                return null;
            }
            String contact = in.readString(contactField);
            String[] route = in.readArrayOfString(routeField);
            return contact == null || contact.isEmpty() ? null
                    : new DialogTarget(contact, route == null ? List.of() : List.of(route));
        }

        private static void write(CompactWriter out, String contactField, String routeField,
                @Nullable DialogTarget target) {
            out.writeString(contactField, target == null ? "" : target.contact());
            out.writeArrayOfString(routeField, target == null ? new String[0] : target.route().toArray(String[]::new));
        }
    }

    static final class CdrSerializer extends Named<Cdr> {
        CdrSerializer() {
            super("gridpbx.Cdr", Cdr.class);
        }

        @Override
        public Cdr read(CompactReader in) {
            return new Cdr(in.readString("callId"), in.readString("clientDomain"),
                    AddressOfRecord.parse(in.readString("caller")), AddressOfRecord.parse(in.readString("callee")),
                    in.readInt64("startedAt"), in.readInt64("answeredAt"), in.readInt64("endedAt"),
                    in.readString("disposition"), in.readString("node"));
        }

        @Override
        public void write(CompactWriter out, Cdr c) {
            out.writeString("callId", c.callId());
            out.writeString("clientDomain", c.clientDomain());
            out.writeString("caller", c.caller().toString());
            out.writeString("callee", c.callee().toString());
            out.writeInt64("startedAt", c.startedAtMillis());
            out.writeInt64("answeredAt", c.answeredAtMillis());
            out.writeInt64("endedAt", c.endedAtMillis());
            out.writeString("disposition", c.disposition());
            out.writeString("node", c.nodeId());
        }
    }
}
