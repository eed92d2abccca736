package io.gridpbx.node.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The entry processors of the call slots: a limit's entry holds the Call-IDs counted against it, in
 * order, and changes only on its owner. The backups receive the resulting set, never the rule, so that
 * a promoted backup holds exactly what the owner decided.
 */
final class SlotProcessors {

    private SlotProcessors() {
    }

    /** Counts a call against a limit if it has room: true when the call holds a slot (now or already). */
    static final class Take implements EntryProcessor<String, String[], Boolean>, IdentifiedDataSerializable {
        private String callId = "";
        private int max;
        private transient String @Nullable [] stored;

        /** For deserialization only. */
        public Take() {
        }

        Take(String callId, int max) {
            this.callId = callId;
            this.max = max;
        }

        @Override
        public Boolean process(Map.Entry<String, String[]> entry) {
            String[] calls = entry.getValue() == null ? new String[0] : entry.getValue();
            int at = Arrays.binarySearch(calls, callId);
            if (at >= 0) {
                return true;
            }
            if (calls.length >= max) {
                return false;
            }
            int insertion = -at - 1;
            String[] more = new String[calls.length + 1];
            System.arraycopy(calls, 0, more, 0, insertion);
            more[insertion] = callId;
            System.arraycopy(calls, insertion, more, insertion + 1, calls.length - insertion);
            entry.setValue(more);
            stored = more;
            return true;
        }

        @Override
        public @Nullable EntryProcessor<String, String[], Boolean> getBackupProcessor() {
            return stored == null ? null : new Store(stored);
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeString(callId);
            out.writeInt(max);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            callId = in.readString();
            max = in.readInt();
        }

        @Override
        public int getFactoryId() {
            return GridDataSerializers.FACTORY_ID;
        }

        @Override
        public int getClassId() {
            return GridDataSerializers.TAKE_SLOT;
        }
    }

    /** Gives a call's slot of a limit back; the entry goes when its last call does. */
    static final class Release implements EntryProcessor<String, String[], Boolean>, IdentifiedDataSerializable {
        private String callId = "";
        private transient boolean changed;
        private transient String @Nullable [] stored;

        /** For deserialization only. */
        public Release() {
        }

        Release(String callId) {
            this.callId = callId;
        }

        @Override
        public Boolean process(Map.Entry<String, String[]> entry) {
            String[] calls = entry.getValue();
            int at = calls == null ? -1 : Arrays.binarySearch(calls, callId);
            if (at < 0) {
                return false;
            }
            String[] fewer = new String[calls.length - 1];
            System.arraycopy(calls, 0, fewer, 0, at);
            System.arraycopy(calls, at + 1, fewer, at, calls.length - at - 1);
            stored = fewer.length == 0 ? null : fewer;
            entry.setValue(stored);
            changed = true;
            return true;
        }

        @Override
        public @Nullable EntryProcessor<String, String[], Boolean> getBackupProcessor() {
            return changed ? new Store(stored) : null;
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeString(callId);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            callId = in.readString();
        }

        @Override
        public int getFactoryId() {
            return GridDataSerializers.FACTORY_ID;
        }

        @Override
        public int getClassId() {
            return GridDataSerializers.RELEASE_SLOT;
        }
    }

    /** The backup's side: the set the owner computed, or none. */
    static final class Store implements EntryProcessor<String, String[], Boolean>, IdentifiedDataSerializable {
        private String @Nullable [] calls;

        /** For deserialization only. */
        public Store() {
        }

        Store(String @Nullable [] calls) {
            this.calls = calls;
        }

        @Override
        public @Nullable Boolean process(Map.Entry<String, String[]> entry) {
            entry.setValue(calls);
            return null;
        }

        @Override
        public @Nullable EntryProcessor<String, String[], Boolean> getBackupProcessor() {
            return null;
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeStringArray(calls);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            calls = in.readStringArray();
        }

        @Override
        public int getFactoryId() {
            return GridDataSerializers.FACTORY_ID;
        }

        @Override
        public int getClassId() {
            return GridDataSerializers.STORE_SLOTS;
        }
    }
}
