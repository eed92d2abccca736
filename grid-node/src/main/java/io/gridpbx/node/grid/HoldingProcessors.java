package io.gridpbx.node.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The entry processors of a call's holding, for a slot met while the call is set up (its gateway's):
 * the key joins the holding before the slot is taken, so that whatever happens next the slot is found
 * and given back, and leaves it when the call leaves that gateway. Deterministic, so the backup runs
 * the same processor.
 */
final class HoldingProcessors {

    private HoldingProcessors() {
    }

    /** Adds a key to the call's holding, creating the holding (for this member, now) when the call has none. */
    static final class AddKey implements EntryProcessor<String, CallHolding, Boolean>, IdentifiedDataSerializable {
        private String key = "";
        private String member = "";
        private long now;

        /** For deserialization only. */
        public AddKey() {
        }

        AddKey(String key, String member, long now) {
            this.key = key;
            this.member = member;
            this.now = now;
        }

        @Override
        public Boolean process(Map.Entry<String, CallHolding> entry) {
            CallHolding holding = entry.getValue();
            if (holding == null) {
                entry.setValue(new CallHolding(List.of(key), member, now));
            } else if (!holding.keys().contains(key)) {
                List<String> keys = new ArrayList<>(holding.keys());
                keys.add(key);
                entry.setValue(new CallHolding(keys, holding.member(), holding.admittedAtMillis()));
            }
            return true;
        }

        @Override
        public @Nullable EntryProcessor<String, CallHolding, Boolean> getBackupProcessor() {
            return this;
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeString(key);
            out.writeString(member);
            out.writeLong(now);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            key = in.readString();
            member = in.readString();
            now = in.readLong();
        }

        @Override
        public int getFactoryId() {
            return GridDataSerializers.FACTORY_ID;
        }

        @Override
        public int getClassId() {
            return GridDataSerializers.ADD_HOLDING_KEY;
        }
    }

    /** Removes a key from the call's holding; true when it held it. */
    static final class RemoveKey implements EntryProcessor<String, CallHolding, Boolean>, IdentifiedDataSerializable {
        private String key = "";

        /** For deserialization only. */
        public RemoveKey() {
        }

        RemoveKey(String key) {
            this.key = key;
        }

        @Override
        public Boolean process(Map.Entry<String, CallHolding> entry) {
            CallHolding holding = entry.getValue();
            if (holding == null || !holding.keys().contains(key)) {
                return false;
            }
            List<String> keys = new ArrayList<>(holding.keys());
            keys.remove(key);
            entry.setValue(new CallHolding(keys, holding.member(), holding.admittedAtMillis()));
            return true;
        }

        @Override
        public @Nullable EntryProcessor<String, CallHolding, Boolean> getBackupProcessor() {
            return this;
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeString(key);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            key = in.readString();
        }

        @Override
        public int getFactoryId() {
            return GridDataSerializers.FACTORY_ID;
        }

        @Override
        public int getClassId() {
            return GridDataSerializers.REMOVE_HOLDING_KEY;
        }
    }
}
