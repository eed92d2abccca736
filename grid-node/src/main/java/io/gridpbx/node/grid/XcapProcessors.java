package io.gridpbx.node.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridpbx.core.presence.xcap.XcapDocument;
import io.gridpbx.core.presence.xcap.XcapPrecondition;
import io.gridpbx.core.presence.xcap.XcapStore;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The XCAP documents' writes, on the key's owner: {@link XcapStore#decide} checks the request's
 * {@code If-Match}/{@code If-None-Match} against the document there now and the write follows in the same
 * step, so of two nodes' PUTs that carry the same tag only the first changes the document. A replay after a
 * failover finds its own document (and tag) in place: the precondition then fails, and nothing changes twice.
 * The backup receives what the owner stored, or that it removed the document.
 */
final class XcapProcessors {

    private XcapProcessors() {
    }

    /** A PUT (with a document) or a DELETE (without); answers the {@link XcapStore.Outcome}'s name. */
    static final class Write implements EntryProcessor<String, XcapDocument, String>, IdentifiedDataSerializable {

        private @Nullable XcapDocument document;
        private XcapPrecondition precondition = XcapPrecondition.NONE;
        private transient XcapStore.@Nullable Outcome outcome;

        /** For deserialization only. */
        public Write() {
        }

        Write(@Nullable XcapDocument document, XcapPrecondition precondition) {
            this.document = document;
            this.precondition = precondition;
        }

        @Override
        public String process(Map.Entry<String, XcapDocument> entry) {
            XcapDocument current = entry.getValue();
            if (document != null && current != null && current.etag().equals(document.etag())) {
                // A replay of this very PUT (tags are random, one per write): it already won.
                return XcapStore.Outcome.REPLACED.name();
            }
            outcome = XcapStore.decide(current == null ? null : current.etag(), document != null, precondition);
            switch (outcome) {
                case CREATED, REPLACED -> entry.setValue(document);
                case DELETED -> entry.setValue(null);
                case NOT_FOUND, PRECONDITION_FAILED -> {
                    // Nothing changes, and the backup is not asked to do anything.
                }
            }
            return outcome.name();
        }

        @Override
        public @Nullable EntryProcessor<String, XcapDocument, String> getBackupProcessor() {
            return switch (outcome) {
                case CREATED, REPLACED, DELETED -> new Store(outcome == XcapStore.Outcome.DELETED ? null : document);
                case NOT_FOUND, PRECONDITION_FAILED -> null;
                case null -> null;
            };
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeObject(document);
            writeTags(out, precondition.ifMatch());
            writeTags(out, precondition.ifNoneMatch());
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            document = in.readObject();
            precondition = new XcapPrecondition(readTags(in), readTags(in));
        }

        private static void writeTags(ObjectDataOutput out, @Nullable List<String> tags) throws IOException {
            out.writeStringArray(tags == null ? null : tags.toArray(String[]::new));
        }

        private static @Nullable List<String> readTags(ObjectDataInput in) throws IOException {
            String[] tags = in.readStringArray();
            return tags == null ? null : List.of(tags);
        }

        @Override
        public int getFactoryId() {
            return GridDataSerializers.FACTORY_ID;
        }

        @Override
        public int getClassId() {
            return GridDataSerializers.WRITE_XCAP_DOCUMENT;
        }
    }

    /** The backup's side: the document the owner stored, or none when it removed it. */
    static final class Store implements EntryProcessor<String, XcapDocument, String>, IdentifiedDataSerializable {

        private @Nullable XcapDocument document;

        /** For deserialization only. */
        public Store() {
        }

        Store(@Nullable XcapDocument document) {
            this.document = document;
        }

        @Override
        public @Nullable String process(Map.Entry<String, XcapDocument> entry) {
            entry.setValue(document);
            return null;
        }

        @Override
        public @Nullable EntryProcessor<String, XcapDocument, String> getBackupProcessor() {
            return null;
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeObject(document);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            document = in.readObject();
        }

        @Override
        public int getFactoryId() {
            return GridDataSerializers.FACTORY_ID;
        }

        @Override
        public int getClassId() {
            return GridDataSerializers.STORE_XCAP_DOCUMENT;
        }
    }
}
