package io.gridpbx.node.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridpbx.core.presence.Subscription;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The entry processors of {@code presence.subscriptions}: a refresh (RFC 6665 section 4.1.2.1), applied
 * on the key's owner in one step; and the taking of the next NOTIFY's CSeq, on a counter of its own. The time
 * is fixed by the sender, so the entry's time-to-live comes out the same wherever the processor runs;
 * the backups receive the subscription the owner computed ({@link Store}), never the change.
 */
final class SubscriptionProcessors {

    private SubscriptionProcessors() {
    }

    /** Stores a subscription until {@link HazelcastSubscriptions#GRACE} past its expiry, the same way on the owner and the backup. */
    static void write(Map.Entry<String, Subscription> entry, Subscription subscription, long nowMillis) {
        ((ExtendedMapEntry<String, Subscription>) entry).setValue(subscription, timeToLive(subscription, nowMillis),
                TimeUnit.MILLISECONDS);
    }

    /** Never 0, which would keep the entry for ever. */
    static long timeToLive(Subscription subscription, long nowMillis) {
        return Math.max(1, subscription.expiresAtMillis() - nowMillis + HazelcastSubscriptions.GRACE.toMillis());
    }

    /**
     * A refresh: the new expiry, the refreshing node, the watcher's Contact. Idempotent: applied twice,
     * it stores and answers the same subscription. Answers null when there is no such subscription, or
     * when the one refreshing it is not its watcher (481).
     */
    static final class Refresh implements EntryProcessor<String, Subscription, Subscription>, IdentifiedDataSerializable {
        private String watcher = "";
        private long expiresAtMillis;
        private String nodeId = "";
        private String contact = "";
        private long nowMillis;
        private transient @Nullable Subscription stored;

        /** For deserialization only. */
        public Refresh() {
        }

        Refresh(String watcher, long expiresAtMillis, String nodeId, String contact, long nowMillis) {
            this.watcher = watcher;
            this.expiresAtMillis = expiresAtMillis;
            this.nodeId = nodeId;
            this.contact = contact;
            this.nowMillis = nowMillis;
        }

        @Override
        public @Nullable Subscription process(Map.Entry<String, Subscription> entry) {
            Subscription current = entry.getValue();
            if (current == null || !current.watcher().toString().equals(watcher)) {
                return null;
            }
            stored = current.refreshed(expiresAtMillis, nodeId, contact);
            write(entry, stored, nowMillis);
            return stored;
        }

        @Override
        public @Nullable EntryProcessor<String, Subscription, Subscription> getBackupProcessor() {
            return stored == null ? null : new Store(stored, nowMillis);
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeString(watcher);
            out.writeLong(expiresAtMillis);
            out.writeString(nodeId);
            out.writeString(contact);
            out.writeLong(nowMillis);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            watcher = in.readString();
            expiresAtMillis = in.readLong();
            nodeId = in.readString();
            contact = in.readString();
            nowMillis = in.readLong();
        }

        @Override
        public int getFactoryId() {
            return GridDataSerializers.FACTORY_ID;
        }

        @Override
        public int getClassId() {
            return GridDataSerializers.REFRESH_SUBSCRIPTION;
        }
    }

    /**
     * Takes the next NOTIFY's CSeq (and document version) of a subscription, on the owner of its counter
     * in {@code presence.notify-counts}, so that two nodes notifying at once never send one CSeq twice.
     * The counter lives apart from the subscription: a NOTIFY then changes no subscription, so it is
     * neither written to the database nor sent to every member's mirror. A counter starts from the
     * {@code baseline} the sender gives (a clock, see {@link HazelcastSubscriptions#nextNotify}), so a
     * counter lost with the whole cluster starts again above the CSeqs its watcher saw. Not idempotent by
     * nature: a replay (a retry after the owner changed) takes one more, a gap the watcher accepts (only a
     * lower CSeq is out of order, RFC 3261 section 12.2.2). The backup stores the owner's result.
     */
    static final class NextNotify implements EntryProcessor<String, Long, Long>, IdentifiedDataSerializable {
        private long baseline;
        private long ttlMillis;
        /** Set on the backup's copy: the value the owner computed, stored as it is. */
        private long backupValue = -1;
        private transient long taken = -1;

        /** For deserialization only. */
        public NextNotify() {
        }

        NextNotify(long baseline, long ttlMillis) {
            this.baseline = baseline;
            this.ttlMillis = Math.max(1, ttlMillis);
        }

        @Override
        public Long process(Map.Entry<String, Long> entry) {
            long next;
            if (backupValue >= 0) {
                next = backupValue;
            } else {
                Long current = entry.getValue();
                next = Math.max(current == null ? 0 : current, baseline) + 1;
                taken = next;
            }
            ((ExtendedMapEntry<String, Long>) entry).setValue(next, ttlMillis, TimeUnit.MILLISECONDS);
            return next;
        }

        @Override
        public @Nullable EntryProcessor<String, Long, Long> getBackupProcessor() {
            if (taken < 0) {
                return null;
            }
            NextNotify backup = new NextNotify(baseline, ttlMillis);
            backup.backupValue = taken;
            return backup;
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeLong(baseline);
            out.writeLong(ttlMillis);
            out.writeLong(backupValue);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            baseline = in.readLong();
            ttlMillis = in.readLong();
            backupValue = in.readLong();
        }

        @Override
        public int getFactoryId() {
            return GridDataSerializers.FACTORY_ID;
        }

        @Override
        public int getClassId() {
            return GridDataSerializers.NEXT_NOTIFY;
        }
    }

    /** The backup's side: the subscription the owner computed, with the same time-to-live. */
    static final class Store implements EntryProcessor<String, Subscription, Subscription>, IdentifiedDataSerializable {
        private @Nullable Subscription subscription;
        private long nowMillis;

        /** For deserialization only. */
        public Store() {
        }

        Store(Subscription subscription, long nowMillis) {
            this.subscription = subscription;
            this.nowMillis = nowMillis;
        }

        @Override
        public @Nullable Subscription process(Map.Entry<String, Subscription> entry) {
            if (subscription != null) {
                write(entry, subscription, nowMillis);
            }
            return null;
        }

        @Override
        public @Nullable EntryProcessor<String, Subscription, Subscription> getBackupProcessor() {
            return null;
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeObject(subscription);
            out.writeLong(nowMillis);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            subscription = in.readObject();
            nowMillis = in.readLong();
        }

        @Override
        public int getFactoryId() {
            return GridDataSerializers.FACTORY_ID;
        }

        @Override
        public int getClassId() {
            return GridDataSerializers.STORE_SUBSCRIPTION;
        }
    }
}
