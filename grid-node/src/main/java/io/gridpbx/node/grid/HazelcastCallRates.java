package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridpbx.core.limits.CallRates;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Calls per second in the grid: one entry of {@code limits.rates} per capped key, holding the current
 * second and the calls counted in it, changed only by an entry processor on its owner (a
 * check-and-increment, one round trip). The second is the calling member's clock's.
 */
public final class HazelcastCallRates implements CallRates {

    private final IMap<String, long[]> rates;
    private final Clock clock;
    private final GridDeadline deadline;

    public HazelcastCallRates(HazelcastInstance grid, Clock clock, GridDeadline deadline) {
        this.rates = grid.getMap(MapNames.CALL_RATES);
        this.clock = clock;
        this.deadline = deadline;
    }

    @Override
    public CompletionStage<Boolean> take(String key, int perSecond) {
        return deadline.bound(rates.submitToKey(key, new Take(clock.millis() / 1000, perSecond)), "call rate", key);
    }

    /** Counts a call in the given second if it has room; a new second starts from zero. */
    static final class Take implements EntryProcessor<String, long[], Boolean>, IdentifiedDataSerializable {
        private long second;
        private int max;
        private transient long @Nullable [] stored;

        /** For deserialization only. */
        public Take() {
        }

        Take(long second, int max) {
            this.second = second;
            this.max = max;
        }

        @Override
        public Boolean process(Map.Entry<String, long[]> entry) {
            long[] current = entry.getValue();
            long calls = current == null || current[0] != second ? 0 : current[1];
            if (current != null && current[0] > second) {
                calls = current[1]; // a member whose clock is behind counts in the newer second
            }
            if (calls >= max) {
                return false;
            }
            long[] counted = {Math.max(second, current == null ? second : current[0]), calls + 1};
            entry.setValue(counted);
            stored = counted;
            return true;
        }

        @Override
        public @Nullable EntryProcessor<String, long[], Boolean> getBackupProcessor() {
            return stored == null ? null : new Store(stored);
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeLong(second);
            out.writeInt(max);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            second = in.readLong();
            max = in.readInt();
        }

        @Override
        public int getFactoryId() {
            return GridDataSerializers.FACTORY_ID;
        }

        @Override
        public int getClassId() {
            return GridDataSerializers.TAKE_CALL_RATE;
        }
    }

    /** The backup's copy of what the owner decided. */
    static final class Store implements EntryProcessor<String, long[], Boolean>, IdentifiedDataSerializable {
        private long[] value = new long[2];

        /** For deserialization only. */
        public Store() {
        }

        Store(long[] value) {
            this.value = value;
        }

        @Override
        public Boolean process(Map.Entry<String, long[]> entry) {
            entry.setValue(value);
            return true;
        }

        @Override
        public @Nullable EntryProcessor<String, long[], Boolean> getBackupProcessor() {
            return null;
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeLongArray(value);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            value = in.readLongArray();
        }

        @Override
        public int getFactoryId() {
            return GridDataSerializers.FACTORY_ID;
        }

        @Override
        public int getClassId() {
            return GridDataSerializers.STORE_CALL_RATE;
        }
    }
}
