package io.gridpbx.node.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridpbx.core.auth.NonceUse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One use of a nonce, checked and recorded on the partition that owns its count: accepted when its
 * count is higher than the highest so far, or when it is that request retransmitted ({@link NonceUse}).
 * The use carries the sender's time, so a replayed processor decides the same way (the use it stored
 * is then its own retransmission); the backup receives the stored use, not the rule. Never blocks.
 */
public final class AdvanceNonceCountProcessor
        implements EntryProcessor<Long, NonceUse, Boolean>, IdentifiedDataSerializable {

    private NonceUse use;
    private long retransmissionMillis;
    private boolean firstUseInTime;
    private long ttlMillis;
    private transient @Nullable NonceUse stored;

    /** For deserialization only. */
    public AdvanceNonceCountProcessor() {
        this.use = new NonceUse(0, 0, 0);
    }

    /**
     * @param firstUseInTime whether the nonce is young enough to be used for the first time
     * @param ttlMillis      how long the nonce stays valid from now: how long its count is kept
     */
    AdvanceNonceCountProcessor(NonceUse use, long retransmissionMillis, boolean firstUseInTime, long ttlMillis) {
        this.use = use;
        this.retransmissionMillis = retransmissionMillis;
        this.firstUseInTime = firstUseInTime;
        this.ttlMillis = ttlMillis;
    }

    @Override
    public Boolean process(Map.Entry<Long, NonceUse> entry) {
        NonceUse top = entry.getValue();
        if (top == null && !firstUseInTime) {
            return false;
        }
        if (use.raises(top)) {
            stored = use;
            write(entry, use, ttlMillis);
            return true;
        }
        return use.mayFollow(top, retransmissionMillis);
    }

    static void write(Map.Entry<Long, NonceUse> entry, NonceUse use, long ttlMillis) {
        ((ExtendedMapEntry<Long, NonceUse>) entry).setValue(use, ttlMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public @Nullable EntryProcessor<Long, NonceUse, Boolean> getBackupProcessor() {
        return stored == null ? null : new StoreNonceUseProcessor(stored, ttlMillis);
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        writeUse(out, use);
        out.writeLong(retransmissionMillis);
        out.writeBoolean(firstUseInTime);
        out.writeLong(ttlMillis);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        use = readUse(in);
        retransmissionMillis = in.readLong();
        firstUseInTime = in.readBoolean();
        ttlMillis = in.readLong();
    }

    static void writeUse(ObjectDataOutput out, NonceUse use) throws IOException {
        out.writeLong(use.count());
        out.writeInt(use.requestHash());
        out.writeLong(use.atMillis());
    }

    static NonceUse readUse(ObjectDataInput in) throws IOException {
        return new NonceUse(in.readLong(), in.readInt(), in.readLong());
    }

    @Override
    public int getFactoryId() {
        return GridDataSerializers.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return GridDataSerializers.ADVANCE_NONCE_COUNT;
    }

    /** The backup side: stores the use the primary stored, with the same time-to-live. */
    public static final class StoreNonceUseProcessor
            implements EntryProcessor<Long, NonceUse, Boolean>, IdentifiedDataSerializable {

        private NonceUse use;
        private long ttlMillis;

        /** For deserialization only. */
        public StoreNonceUseProcessor() {
            this.use = new NonceUse(0, 0, 0);
        }

        StoreNonceUseProcessor(NonceUse use, long ttlMillis) {
            this.use = use;
            this.ttlMillis = ttlMillis;
        }

        @Override
        public @Nullable Boolean process(Map.Entry<Long, NonceUse> entry) {
            write(entry, use, ttlMillis);
            return null;
        }

        @Override
        public @Nullable EntryProcessor<Long, NonceUse, Boolean> getBackupProcessor() {
            return null;
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            writeUse(out, use);
            out.writeLong(ttlMillis);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            use = readUse(in);
            ttlMillis = in.readLong();
        }

        @Override
        public int getFactoryId() {
            return GridDataSerializers.FACTORY_ID;
        }

        @Override
        public int getClassId() {
            return GridDataSerializers.STORE_NONCE_USE;
        }
    }
}
