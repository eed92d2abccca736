package io.gridpbx.node.grid;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.gridpbx.core.security.Ban;
import io.gridpbx.core.security.BanReason;
import java.time.Instant;
import java.util.List;

/** Compact serializers of the SIP edge's records: bans and lockouts. */
final class SecuritySerializers {

    private SecuritySerializers() {
    }

    static List<CompactSerializer<?>> all() {
        return List.of(new BanSerializer());
    }

    static final class BanSerializer implements CompactSerializer<Ban> {
        @Override
        public Ban read(CompactReader in) {
            return new Ban(in.readString("address"), in.readString("user"), BanReason.valueOf(in.readString("reason")),
                    Instant.ofEpochMilli(in.readInt64("sinceMillis")), Instant.ofEpochMilli(in.readInt64("untilMillis")),
                    in.readString("node"));
        }

        @Override
        public void write(CompactWriter out, Ban ban) {
            out.writeString("address", ban.address());
            out.writeString("user", ban.user());
            out.writeString("reason", ban.reason().name());
            out.writeInt64("sinceMillis", ban.since().toEpochMilli());
            out.writeInt64("untilMillis", ban.until().toEpochMilli());
            out.writeString("node", ban.node());
        }

        @Override
        public String getTypeName() {
            return "gridpbx.Ban";
        }

        @Override
        public Class<Ban> getCompactClass() {
            return Ban.class;
        }
    }
}
