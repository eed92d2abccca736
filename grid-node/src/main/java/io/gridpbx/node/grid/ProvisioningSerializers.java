package io.gridpbx.node.grid;

import static io.gridpbx.node.grid.TenantSerializers.optionalString;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.gridpbx.core.provisioning.Phone;
import java.time.Instant;
import java.util.List;

/** Compact serializer of the desk phones' records. */
final class ProvisioningSerializers {

    private ProvisioningSerializers() {
    }

    static List<CompactSerializer<?>> all() {
        return List.of(new PhoneSerializer());
    }

    static final class PhoneSerializer implements CompactSerializer<Phone> {
        @Override
        public Phone read(CompactReader in) {
            Long at = in.readNullableInt64("lastProvisionedMillis");
            return new Phone(in.readString("mac"), optionalString(in, "secretHash"),
                    at == null ? null : Instant.ofEpochMilli(at), optionalString(in, "lastUser"));
        }

        @Override
        public void write(CompactWriter out, Phone p) {
            out.writeString("mac", p.mac());
            out.writeString("secretHash", p.secretHash());
            out.writeNullableInt64("lastProvisionedMillis",
                    p.lastProvisioned() == null ? null : p.lastProvisioned().toEpochMilli());
            out.writeString("lastUser", p.lastUser());
        }

        @Override
        public String getTypeName() {
            return "gridpbx.Phone";
        }

        @Override
        public Class<Phone> getCompactClass() {
            return Phone.class;
        }
    }
}
