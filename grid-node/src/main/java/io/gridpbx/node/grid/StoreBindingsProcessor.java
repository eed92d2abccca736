package io.gridpbx.node.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridpbx.core.location.BindingSet;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The backup side of {@link RegisterProcessor}: stores the binding set the primary computed. */
public final class StoreBindingsProcessor<R>
        implements EntryProcessor<String, BindingSet, R>, IdentifiedDataSerializable {

    private @Nullable BindingSet value;
    private long nowMillis;

    /** For deserialization only. */
    public StoreBindingsProcessor() {
    }

    StoreBindingsProcessor(@Nullable BindingSet value, long nowMillis) {
        this.value = value;
        this.nowMillis = nowMillis;
    }

    @Override
    public @Nullable R process(Map.Entry<String, BindingSet> entry) {
        BindingsEntry.write(entry, value == null ? BindingSet.EMPTY : value, nowMillis);
        return null;
    }

    @Override
    public @Nullable EntryProcessor<String, BindingSet, R> getBackupProcessor() {
        return null;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeObject(value);
        out.writeLong(nowMillis);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        value = in.readObject();
        nowMillis = in.readLong();
    }

    @Override
    public int getFactoryId() {
        return GridDataSerializers.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return GridDataSerializers.STORE_BINDINGS;
    }
}
