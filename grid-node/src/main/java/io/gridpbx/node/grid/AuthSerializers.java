package io.gridpbx.node.grid;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.gridpbx.core.auth.NonceUse;
import java.util.List;

/** Compact serializers of digest state kept in the grid: the nonce-counts. */
final class AuthSerializers {

    private AuthSerializers() {
    }

    static List<CompactSerializer<?>> all() {
        return List.of(new NonceUseSerializer());
    }

    static final class NonceUseSerializer implements CompactSerializer<NonceUse> {
        @Override
        public NonceUse read(CompactReader in) {
            return new NonceUse(in.readInt64("count"), in.readInt32("requestHash"), in.readInt64("at"));
        }

        @Override
        public void write(CompactWriter out, NonceUse use) {
            out.writeInt64("count", use.count());
            out.writeInt32("requestHash", use.requestHash());
            out.writeInt64("at", use.atMillis());
        }

        @Override
        public String getTypeName() {
            return "gridpbx.NonceUse";
        }

        @Override
        public Class<NonceUse> getCompactClass() {
            return NonceUse.class;
        }
    }
}
