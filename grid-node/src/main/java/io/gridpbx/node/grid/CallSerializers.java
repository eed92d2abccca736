package io.gridpbx.node.grid;

import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.gridpbx.core.dialog.CallFacts;
import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.dialog.CdrLeg;
import io.gridpbx.core.dialog.Charge;
import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.dialog.DialogId;
import io.gridpbx.core.dialog.DialogTarget;
import io.gridpbx.core.dialog.Direction;
import io.gridpbx.core.location.AddressOfRecord;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Compact serializers of calls: established dialogs and call detail records, with what they learnt
 * while the call was set up. A call's facts are written flat ({@code direction}, {@code chargedClient}
 * are fields of the dialog and of the record themselves), so that queries can name them. Every field
 * added since the first version is read only when present: a member reads what an older one wrote.
 */
final class CallSerializers {

    /** The final status of a record written before records kept theirs: they were all answered calls. */
    private static final int ANSWERED_STATUS = 200;

    private CallSerializers() {
    }

    static List<CompactSerializer<?>> all() {
        return List.of(new DialogSerializer(), new CdrSerializer(), new CdrLegSerializer());
    }

    static final class DialogSerializer extends NamedCompactSerializer<Dialog> {
        DialogSerializer() {
            super("gridpbx.Dialog", Dialog.class);
        }

        @Override
        public Dialog read(CompactReader in) {
            long startedAt = in.readInt64("startedAt");
            return new Dialog(new DialogId(in.readString("callId"), in.readString("fromTag"), in.readString("toTag")),
                    AddressOfRecord.parse(in.readString("caller")), AddressOfRecord.parse(in.readString("callee")),
                    startedAt, in.readString("node"),
                    target(in, "callerContact", "callerRoute"), target(in, "calleeContact", "calleeRoute"),
                    facts(in), int64(in, "endsAt", 0), int64(in, "cseqShift", 0));
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
            writeFacts(out, d.facts());
            out.writeInt64("endsAt", d.endsAtMillis());
            out.writeInt64("cseqShift", d.cseqShift());
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

    static final class CdrSerializer extends NamedCompactSerializer<Cdr> {
        CdrSerializer() {
            super("gridpbx.Cdr", Cdr.class);
        }

        @Override
        public Cdr read(CompactReader in) {
            String clientDomain = in.readString("clientDomain");
            long startedAt = in.readInt64("startedAt");
            CallFacts facts = facts(in);
            return new Cdr(in.readString("callId"), clientDomain,
                    AddressOfRecord.parse(in.readString("caller")), AddressOfRecord.parse(in.readString("callee")),
                    startedAt, in.readInt64("answeredAt"), in.readInt64("endedAt"),
                    in.readString("disposition"), in.readString("node"),
                    in.getFieldKind("finalStatus") == FieldKind.INT32 ? in.readInt32("finalStatus") : ANSWERED_STATUS,
                    facts != null ? facts : CallFacts.internal(startedAt, clientDomain),
                    new Charge(int64(in, "clientMicros", 0), int64(in, "resellerMicros", 0),
                            TenantSerializers.optionalString(in, "ratePrefix")));
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
            out.writeInt32("finalStatus", c.finalStatus());
            writeFacts(out, c.facts());
            out.writeInt64("clientMicros", c.charge().clientMicros());
            out.writeInt64("resellerMicros", c.charge().resellerMicros());
            out.writeString("ratePrefix", c.charge().ratePrefix());
        }
    }

    static final class CdrLegSerializer extends NamedCompactSerializer<CdrLeg> {
        CdrLegSerializer() {
            super("gridpbx.CdrLeg", CdrLeg.class);
        }

        @Override
        public CdrLeg read(CompactReader in) {
            return new CdrLeg(in.readString("kind"), in.readString("target"), in.readInt32("status"),
                    TenantSerializers.stringOr(in, "reason", ""));
        }

        @Override
        public void write(CompactWriter out, CdrLeg leg) {
            out.writeString("kind", leg.kind());
            out.writeString("target", leg.target());
            out.writeInt32("status", leg.status());
            out.writeString("reason", leg.reason());
        }
    }

    /** The facts as fields of their call; a blank direction says the call kept none. */
    private static void writeFacts(CompactWriter out, @Nullable CallFacts facts) {
        out.writeString("direction", facts == null ? "" : facts.direction().name());
        out.writeString("dialled", facts == null ? "" : facts.dialled());
        out.writeString("e164", facts == null ? "" : facts.e164());
        out.writeString("gateway", facts == null ? "" : facts.gateway());
        out.writeInt64("invitedAt", facts == null ? 0 : facts.invitedAtMillis());
        out.writeString("chargedClient", facts == null ? "" : facts.chargedClient());
        out.writeArrayOfCompact("legs", facts == null ? new CdrLeg[0] : facts.legs().toArray(CdrLeg[]::new));
    }

    /** Null when the call was written without facts, by a member that kept none or of a call that had none. */
    private static @Nullable CallFacts facts(CompactReader in) {
        String direction = TenantSerializers.optionalString(in, "direction");
        if (direction == null || direction.isEmpty()) {
            return null;
        }
        CdrLeg[] legs = in.getFieldKind("legs") == FieldKind.ARRAY_OF_COMPACT
                ? in.readArrayOfCompact("legs", CdrLeg.class) : null;
        return new CallFacts(direction(direction), TenantSerializers.stringOr(in, "dialled", ""),
                TenantSerializers.stringOr(in, "e164", ""), TenantSerializers.stringOr(in, "gateway", ""),
                int64(in, "invitedAt", 0), TenantSerializers.stringOr(in, "chargedClient", ""),
                legs == null ? List.of() : List.of(legs));
    }

    /** A direction a newer member may know and this one not: such a call is counted as internal. */
    private static Direction direction(String name) {
        for (Direction known : Direction.values()) {
            if (known.name().equals(name)) {
                return known;
            }
        }
        return Direction.INTERNAL;
    }

    private static long int64(CompactReader in, String field, long absent) {
        return in.getFieldKind(field) == FieldKind.INT64 ? in.readInt64(field) : absent;
    }
}
