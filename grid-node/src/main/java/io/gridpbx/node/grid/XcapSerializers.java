package io.gridpbx.node.grid;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.presence.xcap.Auid;
import io.gridpbx.core.presence.xcap.XcapDocument;
import java.util.List;

/** The Compact serializer of XCAP documents (resource-lists, rls-services), the values of {@code presence.xcap}. */
final class XcapSerializers {

    private XcapSerializers() {
    }

    static List<CompactSerializer<?>> all() {
        return List.of(new DocumentSerializer());
    }

    static final class DocumentSerializer extends NamedCompactSerializer<XcapDocument> {
        DocumentSerializer() {
            super("gridpbx.XcapDocument", XcapDocument.class);
        }

        @Override
        public XcapDocument read(CompactReader in) {
            String auid = in.readString("auid");
            return new XcapDocument(Auid.named(auid).orElseThrow(() -> new IllegalStateException("unknown AUID " + auid)),
                    AddressOfRecord.parse(in.readString("owner")), in.readString("name"), in.readArrayOfInt8("bytes"),
                    in.readString("etag"));
        }

        @Override
        public void write(CompactWriter out, XcapDocument document) {
            out.writeString("auid", document.auid().token());
            out.writeString("owner", document.owner().toString());
            out.writeString("name", document.name());
            out.writeArrayOfInt8("bytes", document.bytes());
            out.writeString("etag", document.etag());
        }
    }
}
