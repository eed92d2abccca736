package io.gridpbx.node.grid;

import com.hazelcast.aggregation.Aggregator;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridpbx.core.alerts.InternationalCallsRule;
import io.gridpbx.core.dialog.Cdr;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts, on each member, the CDRs whose callee was dialled with one of the prefixes, per client
 * domain; the caller receives a count per client instead of an hour of CDRs.
 */
final class DialledWithPrefixAggregator implements Aggregator<Map.Entry<String, Cdr>, Map<String, Long>>,
        IdentifiedDataSerializable {

    private List<String> prefixes = List.of();
    private Map<String, Long> perClient = new HashMap<>();

    /** For deserialization only. */
    DialledWithPrefixAggregator() {
    }

    DialledWithPrefixAggregator(List<String> prefixes) {
        this.prefixes = List.copyOf(prefixes);
    }

    @Override
    public void accumulate(Map.Entry<String, Cdr> entry) {
        Cdr cdr = entry.getValue();
        if (InternationalCallsRule.dialsWithPrefix(cdr.callee().user(), prefixes)) {
            perClient.merge(cdr.clientDomain(), 1L, Long::sum);
        }
    }

    @Override
    public void combine(Aggregator aggregator) {
        ((DialledWithPrefixAggregator) aggregator).perClient.forEach((client, count) -> perClient.merge(client, count, Long::sum));
    }

    @Override
    public Map<String, Long> aggregate() {
        return perClient;
    }

    @Override
    public int getFactoryId() {
        return GridDataSerializers.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return GridDataSerializers.DIALLED_WITH_PREFIX;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(prefixes.size());
        for (String prefix : prefixes) {
            out.writeString(prefix);
        }
        out.writeInt(perClient.size());
        for (Map.Entry<String, Long> count : perClient.entrySet()) {
            out.writeString(count.getKey());
            out.writeLong(count.getValue());
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        int size = in.readInt();
        List<String> read = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            read.add(in.readString());
        }
        prefixes = List.copyOf(read);
        int clients = in.readInt();
        perClient = new HashMap<>(clients);
        for (int i = 0; i < clients; i++) {
            perClient.put(in.readString(), in.readLong());
        }
    }
}
