package io.gridpbx.node.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridpbx.core.dialog.Cdr;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Records a call's CDR unless its Call-ID has one: a record closed twice (a BYE and the dialog's
 * expiry, a retried write) keeps the first. The backup runs the same rule on the same record.
 */
final class RecordCdrOnceProcessor implements EntryProcessor<String, Cdr, Boolean>, IdentifiedDataSerializable {

    private @Nullable Cdr cdr;
    private transient boolean written;

    /** For deserialization only. */
    public RecordCdrOnceProcessor() {
    }

    RecordCdrOnceProcessor(Cdr cdr) {
        this.cdr = cdr;
    }

    /** True when this record was written, false when the Call-ID had one already. */
    @Override
    public Boolean process(Map.Entry<String, Cdr> entry) {
        if (entry.getValue() != null || cdr == null) {
            return false;
        }
        entry.setValue(cdr);
        written = true;
        return true;
    }

    @Override
    public @Nullable EntryProcessor<String, Cdr, Boolean> getBackupProcessor() {
        return written ? this : null;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeObject(cdr);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        cdr = in.readObject();
    }

    @Override
    public int getFactoryId() {
        return GridDataSerializers.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return GridDataSerializers.RECORD_CDR_ONCE;
    }
}
