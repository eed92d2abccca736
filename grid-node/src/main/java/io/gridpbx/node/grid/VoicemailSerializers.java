package io.gridpbx.node.grid;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.gridpbx.core.voicemail.Mailbox;
import io.gridpbx.core.voicemail.Recording;
import io.gridpbx.core.voicemail.VoicemailMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Compact serializers of the mailboxes and their recordings (schema evolution by field name). */
final class VoicemailSerializers {

    private VoicemailSerializers() {
    }

    static List<CompactSerializer<?>> all() {
        return List.of(new MessageSerializer(), new MailboxSerializer(), new RecordingSerializer());
    }

    static final class MessageSerializer implements CompactSerializer<VoicemailMessage> {
        @Override
        public VoicemailMessage read(CompactReader in) {
            return new VoicemailMessage(in.readString("id"), in.readString("caller"),
                    Instant.ofEpochMilli(in.readInt64("receivedAt")), in.readInt32("seconds"), in.readBoolean("heard"));
        }

        @Override
        public void write(CompactWriter out, VoicemailMessage m) {
            out.writeString("id", m.id());
            out.writeString("caller", m.caller());
            out.writeInt64("receivedAt", m.receivedAt().toEpochMilli());
            out.writeInt32("seconds", m.seconds());
            out.writeBoolean("heard", m.heard());
        }

        @Override
        public String getTypeName() {
            return "gridpbx.VoicemailMessage";
        }

        @Override
        public Class<VoicemailMessage> getCompactClass() {
            return VoicemailMessage.class;
        }
    }

    static final class MailboxSerializer implements CompactSerializer<Mailbox> {
        @Override
        public Mailbox read(CompactReader in) {
            VoicemailMessage[] messages = in.readArrayOfCompact("messages", VoicemailMessage.class);
            return new Mailbox(messages == null ? List.of()
                    : Arrays.stream(messages).map(Objects::requireNonNull).toList());
        }

        @Override
        public void write(CompactWriter out, Mailbox mailbox) {
            out.writeArrayOfCompact("messages", mailbox.messages().toArray(VoicemailMessage[]::new));
        }

        @Override
        public String getTypeName() {
            return "gridpbx.Mailbox";
        }

        @Override
        public Class<Mailbox> getCompactClass() {
            return Mailbox.class;
        }
    }

    /** The WAV bytes only: their length is read again from them, as when they were first accepted. */
    static final class RecordingSerializer implements CompactSerializer<Recording> {
        @Override
        public Recording read(CompactReader in) {
            return Recording.of(Objects.requireNonNull(in.readArrayOfInt8("wav")));
        }

        @Override
        public void write(CompactWriter out, Recording recording) {
            out.writeArrayOfInt8("wav", recording.bytes());
        }

        @Override
        public String getTypeName() {
            return "gridpbx.Recording";
        }

        @Override
        public Class<Recording> getCompactClass() {
            return Recording.class;
        }
    }
}
