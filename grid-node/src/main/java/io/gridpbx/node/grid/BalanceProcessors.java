package io.gridpbx.node.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The entry processors of the balances: a change (a charge, a top-up) is applied where the balance
 * lives, once per change id, and the backups receive the resulting balance, never the change, so that
 * a promoted backup holds exactly what the owner decided.
 */
final class BalanceProcessors {

    private BalanceProcessors() {
    }

    /** Adds {@code deltaMicros} (negative: a debit) unless the change was applied already; answers the balance. */
    static final class Apply implements EntryProcessor<String, Balance, Long>, IdentifiedDataSerializable {
        private String changeId = "";
        private long deltaMicros;
        private transient @Nullable Balance stored;

        /** For deserialization only. */
        public Apply() {
        }

        Apply(String changeId, long deltaMicros) {
            this.changeId = changeId;
            this.deltaMicros = deltaMicros;
        }

        @Override
        public Long process(Map.Entry<String, Balance> entry) {
            Balance balance = entry.getValue() == null ? Balance.NONE : entry.getValue();
            if (balance.hasApplied(changeId)) {
                return balance.micros();
            }
            stored = balance.after(changeId, deltaMicros);
            entry.setValue(stored);
            return stored.micros();
        }

        @Override
        public @Nullable EntryProcessor<String, Balance, Long> getBackupProcessor() {
            return stored == null ? null : new Store(stored);
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeString(changeId);
            out.writeLong(deltaMicros);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            changeId = in.readString();
            deltaMicros = in.readLong();
        }

        @Override
        public int getFactoryId() {
            return GridDataSerializers.FACTORY_ID;
        }

        @Override
        public int getClassId() {
            return GridDataSerializers.APPLY_TO_BALANCE;
        }
    }

    /** The backup's side: the balance the owner computed. */
    static final class Store implements EntryProcessor<String, Balance, Long>, IdentifiedDataSerializable {
        private @Nullable Balance balance;

        /** For deserialization only. */
        public Store() {
        }

        Store(Balance balance) {
            this.balance = balance;
        }

        @Override
        public @Nullable Long process(Map.Entry<String, Balance> entry) {
            entry.setValue(balance);
            return null;
        }

        @Override
        public @Nullable EntryProcessor<String, Balance, Long> getBackupProcessor() {
            return null;
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeObject(balance);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            balance = in.readObject();
        }

        @Override
        public int getFactoryId() {
            return GridDataSerializers.FACTORY_ID;
        }

        @Override
        public int getClassId() {
            return GridDataSerializers.STORE_BALANCE;
        }
    }
}
