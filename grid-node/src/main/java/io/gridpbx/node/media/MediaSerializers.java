package io.gridpbx.node.media;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.gridpbx.core.media.MediaSession;
import io.gridpbx.core.media.RelayedLeg;
import io.gridpbx.core.media.RelayedStream;
import java.util.List;

/** Compact serializers of the media sessions in the grid (field names keep rolling upgrades possible). */
public final class MediaSerializers {

    private MediaSerializers() {
    }

    public static List<CompactSerializer<?>> all() {
        return List.of(new SessionSerializer(), new StreamSerializer(), new LegSerializer());
    }

    static final class SessionSerializer implements CompactSerializer<MediaSession> {
        @Override
        public MediaSession read(CompactReader in) {
            RelayedStream[] streams = in.readArrayOfCompact("streams", RelayedStream.class);
            return new MediaSession(in.readString("callId"), in.readString("node"), in.readInt64("updatedAt"),
                    streams == null ? List.of() : List.of(streams));
        }

        @Override
        public void write(CompactWriter out, MediaSession session) {
            out.writeString("callId", session.callId());
            out.writeString("node", session.node());
            out.writeInt64("updatedAt", session.updatedAtMillis());
            out.writeArrayOfCompact("streams", session.streams().toArray(RelayedStream[]::new));
        }

        @Override
        public String getTypeName() {
            return "gridpbx.MediaSession";
        }

        @Override
        public Class<MediaSession> getCompactClass() {
            return MediaSession.class;
        }
    }

    static final class StreamSerializer implements CompactSerializer<RelayedStream> {
        @Override
        public RelayedStream read(CompactReader in) {
            return new RelayedStream(in.readInt32("index"), in.readCompact("caller"), in.readCompact("callee"));
        }

        @Override
        public void write(CompactWriter out, RelayedStream stream) {
            out.writeInt32("index", stream.index());
            out.writeCompact("caller", stream.caller());
            out.writeCompact("callee", stream.callee());
        }

        @Override
        public String getTypeName() {
            return "gridpbx.RelayedStream";
        }

        @Override
        public Class<RelayedStream> getCompactClass() {
            return RelayedStream.class;
        }
    }

    static final class LegSerializer implements CompactSerializer<RelayedLeg> {
        @Override
        public RelayedLeg read(CompactReader in) {
            return new RelayedLeg(in.readString("relayHost"), in.readInt32("rtpPort"), in.readInt32("rtcpPort"),
                    in.readString("announced"), in.readString("latched"), in.readInt64("packets"),
                    in.readInt64("bytes"), in.readInt64("lost"), in.readFloat64("jitterMillis"));
        }

        @Override
        public void write(CompactWriter out, RelayedLeg leg) {
            out.writeString("relayHost", leg.relayHost());
            out.writeInt32("rtpPort", leg.rtpPort());
            out.writeInt32("rtcpPort", leg.rtcpPort());
            out.writeString("announced", leg.announced());
            out.writeString("latched", leg.latched());
            out.writeInt64("packets", leg.packets());
            out.writeInt64("bytes", leg.bytes());
            out.writeInt64("lost", leg.lost());
            out.writeFloat64("jitterMillis", leg.jitterMillis());
        }

        @Override
        public String getTypeName() {
            return "gridpbx.RelayedLeg";
        }

        @Override
        public Class<RelayedLeg> getCompactClass() {
            return RelayedLeg.class;
        }
    }
}
