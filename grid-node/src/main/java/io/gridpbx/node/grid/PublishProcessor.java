package io.gridpbx.node.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridpbx.core.presence.Publication;
import io.gridpbx.core.presence.Publications;
import io.gridpbx.core.presence.PublishOutcome;
import io.gridpbx.core.presence.PublishRequest;
import io.gridpbx.core.presence.SubscriptionRules;
import io.gridpbx.core.presence.body.PresenceDocument;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Applies one PUBLISH (RFC 3903 section 6) to a presentity's publications on the key's owner:
 * {@link Publications#apply} with the entity tag and the time the sender chose, so that a retry
 * computes the same. A retry of a PUBLISH that was applied finds its new entity tag already there and
 * answers what the first run answered, changing nothing. The backup receives the publications the
 * owner computed; the entry lives until the last of them runs out.
 */
public final class PublishProcessor
        implements EntryProcessor<String, Publications, PublishOutcome>, IdentifiedDataSerializable {

    private PublishRequest request = new PublishRequest(null, null, null);
    private SubscriptionRules rules = SubscriptionRules.DEFAULT;
    private String newEtag = "";
    private long nowMillis;
    private transient @Nullable Publications stored;

    /** For deserialization only. */
    public PublishProcessor() {
    }

    PublishProcessor(PublishRequest request, SubscriptionRules rules, String newEtag, long nowMillis) {
        this.request = request;
        this.rules = rules;
        this.newEtag = newEtag;
        this.nowMillis = nowMillis;
    }

    @Override
    public PublishOutcome process(Map.Entry<String, Publications> entry) {
        Publications current = entry.getValue() == null ? Publications.NONE : entry.getValue();
        for (Publication publication : current.live()) {
            if (publication.etag().equals(newEtag) && publication.expiresAtMillis() > nowMillis) {
                return new PublishOutcome.Published(newEtag, (int) ((publication.expiresAtMillis() - nowMillis) / 1000));
            }
        }
        Publications.Change change = current.apply(request, rules, newEtag, nowMillis);
        if (change.outcome() instanceof PublishOutcome.Published || change.outcome() instanceof PublishOutcome.Removed) {
            stored = change.after();
            write(entry, stored, nowMillis);
        }
        return change.outcome();
    }

    /** Stores the publications until the last runs out, or removes the entry when none is left. */
    static void write(Map.Entry<String, Publications> entry, Publications publications, long nowMillis) {
        long ttl = publications.lastExpiryMillis() - nowMillis;
        if (publications.live().isEmpty() || ttl <= 0) {
            entry.setValue(null);
            return;
        }
        ((ExtendedMapEntry<String, Publications>) entry).setValue(publications, ttl, TimeUnit.MILLISECONDS);
    }

    @Override
    public @Nullable EntryProcessor<String, Publications, PublishOutcome> getBackupProcessor() {
        return stored == null ? null : new Store(stored, nowMillis);
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(request.ifMatch());
        out.writeBoolean(request.expires() != null);
        out.writeInt(request.expires() == null ? 0 : request.expires());
        PresenceDocument document = request.document();
        out.writeBoolean(document != null);
        if (document != null) {
            out.writeString(document.entity());
            out.writeBoolean(document.open());
            out.writeString(document.note());
            out.writeStringArray(document.activities().toArray(String[]::new));
            out.writeString(document.contact());
        }
        out.writeInt(rules.minSeconds());
        out.writeInt(rules.maxSeconds());
        out.writeInt(rules.defaultSeconds());
        out.writeString(newEtag);
        out.writeLong(nowMillis);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        String ifMatch = in.readString();
        boolean hasExpires = in.readBoolean();
        int expires = in.readInt();
        PresenceDocument document = null;
        if (in.readBoolean()) {
            String entity = in.readString();
            boolean open = in.readBoolean();
            String note = in.readString();
            String[] activities = in.readStringArray();
            document = new PresenceDocument(entity, open, note, activities == null ? List.of() : List.of(activities),
                    in.readString());
        }
        request = new PublishRequest(ifMatch, document, hasExpires ? expires : null);
        rules = new SubscriptionRules(in.readInt(), in.readInt(), in.readInt());
        newEtag = in.readString();
        nowMillis = in.readLong();
    }

    @Override
    public int getFactoryId() {
        return GridDataSerializers.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return GridDataSerializers.PUBLISH;
    }

    /** The backup's side: the publications the owner computed, with the same time-to-live. */
    static final class Store implements EntryProcessor<String, Publications, PublishOutcome>, IdentifiedDataSerializable {
        private Publications publications = Publications.NONE;
        private long nowMillis;

        /** For deserialization only. */
        public Store() {
        }

        Store(Publications publications, long nowMillis) {
            this.publications = publications;
            this.nowMillis = nowMillis;
        }

        @Override
        public @Nullable PublishOutcome process(Map.Entry<String, Publications> entry) {
            write(entry, publications, nowMillis);
            return null;
        }

        @Override
        public @Nullable EntryProcessor<String, Publications, PublishOutcome> getBackupProcessor() {
            return null;
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeObject(publications);
            out.writeLong(nowMillis);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            publications = in.readObject();
            nowMillis = in.readLong();
        }

        @Override
        public int getFactoryId() {
            return GridDataSerializers.FACTORY_ID;
        }

        @Override
        public int getClassId() {
            return GridDataSerializers.STORE_PUBLICATIONS;
        }
    }
}
