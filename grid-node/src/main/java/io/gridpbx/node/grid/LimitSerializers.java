package io.gridpbx.node.grid;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Arrays;
import java.util.List;

/** Compact serializers of the call limits' records. */
final class LimitSerializers {

    private LimitSerializers() {
    }

    static List<CompactSerializer<?>> all() {
        return List.of(new CallHoldingSerializer());
    }

    static final class CallHoldingSerializer implements CompactSerializer<CallHolding> {
        @Override
        public CallHolding read(CompactReader in) {
            String[] keys = in.readArrayOfString("keys");
            return new CallHolding(keys == null ? List.of() : Arrays.asList(keys), in.readString("member"),
                    in.readInt64("admittedAtMillis"));
        }

        @Override
        public void write(CompactWriter out, CallHolding holding) {
            out.writeArrayOfString("keys", holding.keys().toArray(String[]::new));
            out.writeString("member", holding.member());
            out.writeInt64("admittedAtMillis", holding.admittedAtMillis());
        }

        @Override
        public String getTypeName() {
            return "gridpbx.CallHolding";
        }

        @Override
        public Class<CallHolding> getCompactClass() {
            return CallHolding.class;
        }
    }
}
