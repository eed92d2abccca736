package io.gridpbx.node.alerts;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.gridpbx.core.alerts.Alert;
import io.gridpbx.core.alerts.AlertKind;
import java.time.Instant;
import java.util.List;

/** Compact serializers of the alerts kept in the grid. */
public final class AlertSerializers {

    private AlertSerializers() {
    }

    public static List<CompactSerializer<?>> all() {
        return List.of(new AlertSerializer());
    }

    static final class AlertSerializer implements CompactSerializer<Alert> {
        @Override
        public Alert read(CompactReader in) {
            Long clearedAt = in.readNullableInt64("clearedAt");
            return new Alert(AlertKind.ofKey(in.readString("kind")), in.readString("subject"), in.readString("detail"),
                    in.readInt64("figure"), Instant.ofEpochMilli(in.readInt64("raisedAt")), in.readString("raisedBy"),
                    clearedAt == null ? null : Instant.ofEpochMilli(clearedAt), in.readString("clearedBy"));
        }

        @Override
        public void write(CompactWriter out, Alert alert) {
            out.writeString("kind", alert.kind().key());
            out.writeString("subject", alert.subject());
            out.writeString("detail", alert.detail());
            out.writeInt64("figure", alert.figure());
            out.writeInt64("raisedAt", alert.raisedAt().toEpochMilli());
            out.writeString("raisedBy", alert.raisedBy());
            Instant clearedAt = alert.clearedAt();
            out.writeNullableInt64("clearedAt", clearedAt == null ? null : clearedAt.toEpochMilli());
            out.writeString("clearedBy", alert.clearedBy());
        }

        @Override
        public String getTypeName() {
            return "gridpbx.Alert";
        }

        @Override
        public Class<Alert> getCompactClass() {
            return Alert.class;
        }
    }
}
