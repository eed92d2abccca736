package io.gridpbx.node.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridpbx.core.presence.CallState;
import io.gridpbx.core.presence.UserCalls;
import io.gridpbx.core.presence.body.DialogState;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The entry processors of {@code presence.calls}: a call's new state merged into its user's calls on
 * the key's owner ({@link UserCalls#with}, at the time the sender fixed, so a replay stores the same
 * calls); the backup receives the merged calls.
 */
final class CallStateProcessors {

    /** How long a user's calls are kept after their last change: as long as a call is believed at all. */
    static final Duration KEPT = Duration.ofHours(6);

    private CallStateProcessors() {
    }

    static void write(Map.Entry<String, UserCalls> entry, UserCalls calls) {
        ((ExtendedMapEntry<String, UserCalls>) entry).setValue(calls, KEPT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Merges one call's state into the user's calls. */
    static final class Change implements EntryProcessor<String, UserCalls, Void>, IdentifiedDataSerializable {
        private @Nullable CallState state;
        private long nowMillis;
        private transient @Nullable UserCalls stored;

        /** For deserialization only. */
        public Change() {
        }

        Change(CallState state, long nowMillis) {
            this.state = state;
            this.nowMillis = nowMillis;
        }

        @Override
        public @Nullable Void process(Map.Entry<String, UserCalls> entry) {
            if (state == null) {
                return null;
            }
            UserCalls current = entry.getValue() == null ? UserCalls.NONE : entry.getValue();
            stored = current.with(state, nowMillis);
            write(entry, stored);
            return null;
        }

        @Override
        public @Nullable EntryProcessor<String, UserCalls, Void> getBackupProcessor() {
            return stored == null ? null : new Store(stored);
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            CallState s = state;
            out.writeString(s.callId());
            out.writeString(s.localTag());
            out.writeString(s.remoteTag());
            out.writeString(s.direction().name());
            out.writeString(s.state().name());
            out.writeString(s.localIdentity());
            out.writeString(s.remoteIdentity());
            out.writeString(s.remoteTarget());
            out.writeLong(s.sinceMillis());
            out.writeLong(nowMillis);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            state = new CallState(in.readString(), in.readString(), in.readString(),
                    DialogState.Direction.valueOf(in.readString()), DialogState.State.valueOf(in.readString()),
                    in.readString(), in.readString(), in.readString(), in.readLong());
            nowMillis = in.readLong();
        }

        @Override
        public int getFactoryId() {
            return GridDataSerializers.FACTORY_ID;
        }

        @Override
        public int getClassId() {
            return GridDataSerializers.CHANGE_CALL_STATE;
        }
    }

    /** The backup's side: the calls the owner computed. */
    static final class Store implements EntryProcessor<String, UserCalls, Void>, IdentifiedDataSerializable {
        private UserCalls calls = UserCalls.NONE;

        /** For deserialization only. */
        public Store() {
        }

        Store(UserCalls calls) {
            this.calls = calls;
        }

        @Override
        public @Nullable Void process(Map.Entry<String, UserCalls> entry) {
            write(entry, calls);
            return null;
        }

        @Override
        public @Nullable EntryProcessor<String, UserCalls, Void> getBackupProcessor() {
            return null;
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeObject(calls);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            calls = in.readObject();
        }

        @Override
        public int getFactoryId() {
            return GridDataSerializers.FACTORY_ID;
        }

        @Override
        public int getClassId() {
            return GridDataSerializers.STORE_USER_CALLS;
        }
    }
}
