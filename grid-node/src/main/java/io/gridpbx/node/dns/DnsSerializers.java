package io.gridpbx.node.dns;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.List;

/** Compact serializers of what members publish for DNS. */
public final class DnsSerializers {

    private DnsSerializers() {
    }

    public static List<CompactSerializer<?>> all() {
        return List.of(new SipNodeSerializer());
    }

    static final class SipNodeSerializer implements CompactSerializer<SipNode> {
        @Override
        public SipNode read(CompactReader in) {
            return new SipNode(in.readString("address"), in.readInt32("sipPort"), in.readInt32("tlsPort"),
                    in.readInt32("weight"));
        }

        @Override
        public void write(CompactWriter out, SipNode node) {
            out.writeString("address", node.address());
            out.writeInt32("sipPort", node.sipPort());
            out.writeInt32("tlsPort", node.tlsPort());
            out.writeInt32("weight", node.weight());
        }

        @Override
        public String getTypeName() {
            return "gridpbx.SipNode";
        }

        @Override
        public Class<SipNode> getCompactClass() {
            return SipNode.class;
        }
    }
}
