package io.gridpbx.node.grid;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridpbx.core.location.BindingSet;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The proxy's lookup of a callee's contacts, run on the AOR's owner: only the live contacts travel
 * back, already in the order to fork in. Read-only, so it never blocks writers or makes a backup.
 */
public final class LookupProcessor
        implements EntryProcessor<String, BindingSet, BindingSet>, ReadOnly, IdentifiedDataSerializable {

    private long nowMillis;

    /** For deserialization only. */
    public LookupProcessor() {
    }

    public LookupProcessor(long nowMillis) {
        this.nowMillis = nowMillis;
    }

    @Override
    public @Nullable BindingSet process(Map.Entry<String, BindingSet> entry) {
        BindingSet set = entry.getValue();
        return set == null ? null : new BindingSet(set.liveAt(nowMillis));
    }

    @Override
    public @Nullable EntryProcessor<String, BindingSet, BindingSet> getBackupProcessor() {
        return null;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeLong(nowMillis);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        nowMillis = in.readLong();
    }

    @Override
    public int getFactoryId() {
        return GridDataSerializers.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return GridDataSerializers.LOOKUP;
    }
}
