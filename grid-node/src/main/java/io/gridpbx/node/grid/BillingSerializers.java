package io.gridpbx.node.grid;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.List;

/** Compact serializers of the billing state the grid keeps. */
final class BillingSerializers {

    private BillingSerializers() {
    }

    static List<CompactSerializer<?>> all() {
        return List.of(new BalanceSerializer());
    }

    static final class BalanceSerializer implements CompactSerializer<Balance> {
        @Override
        public Balance read(CompactReader in) {
            String[] applied = in.readArrayOfString("applied");
            return new Balance(in.readInt64("micros"), applied == null ? List.of() : List.of(applied));
        }

        @Override
        public void write(CompactWriter out, Balance balance) {
            out.writeInt64("micros", balance.micros());
            out.writeArrayOfString("applied", balance.applied().toArray(String[]::new));
        }

        @Override
        public String getTypeName() {
            return "gridpbx.Balance";
        }

        @Override
        public Class<Balance> getCompactClass() {
            return Balance.class;
        }
    }
}
