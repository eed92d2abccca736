package io.gridpbx.node.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridpbx.core.location.BindingRules;
import io.gridpbx.core.location.BindingSet;
import io.gridpbx.core.location.RegisterOutcome;
import io.gridpbx.core.location.RegisterRequest;
import io.gridpbx.core.location.RegistrationPolicy;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Applies one REGISTER to an AOR's bindings on the partition that owns them: the whole RFC 3261
 * section 10.3 update in one step and one round trip. The time is fixed by the sender so that a
 * replay computes the same result; the backup receives the computed set, not the rules.
 */
public final class RegisterProcessor
        implements EntryProcessor<String, BindingSet, RegisterOutcome>, IdentifiedDataSerializable {

    private RegisterRequest request;
    private RegistrationPolicy policy;
    private long nowMillis;
    private transient @Nullable BindingSet stored;
    private transient boolean changed;

    /** For deserialization only. */
    public RegisterProcessor() {
        this.policy = RegistrationPolicy.DEFAULTS;
    }

    public RegisterProcessor(RegisterRequest request, RegistrationPolicy policy, long nowMillis) {
        this.request = request;
        this.policy = policy;
        this.nowMillis = nowMillis;
    }

    @Override
    public RegisterOutcome process(Map.Entry<String, BindingSet> entry) {
        BindingSet current = entry.getValue() == null ? BindingSet.EMPTY : entry.getValue();
        BindingRules.Result result = BindingRules.apply(current, request, policy, nowMillis);
        if (result.outcome() instanceof RegisterOutcome.Accepted) {
            stored = result.next();
            changed = true;
            BindingsEntry.write(entry, stored, nowMillis);
        }
        return result.outcome();
    }

    @Override
    public @Nullable EntryProcessor<String, BindingSet, RegisterOutcome> getBackupProcessor() {
        return changed ? new StoreBindingsProcessor<>(stored, nowMillis) : null;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeObject(request);
        out.writeInt(policy.minExpires());
        out.writeInt(policy.maxExpires());
        out.writeInt(policy.defaultExpires());
        out.writeInt(policy.maxContacts());
        out.writeLong(nowMillis);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        request = in.readObject();
        policy = new RegistrationPolicy(in.readInt(), in.readInt(), in.readInt(), in.readInt());
        nowMillis = in.readLong();
    }

    @Override
    public int getFactoryId() {
        return GridDataSerializers.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return GridDataSerializers.REGISTER;
    }
}
