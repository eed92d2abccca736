package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.dialog.CdrStore;
import io.gridpbx.core.tenancy.DomainName;
import java.util.List;
import java.util.Map;

/** CDRs by Call-ID, written behind to the {@code cdrs} table; the grid keeps the recent ones for reports. */
public final class HazelcastCdrStore implements CdrStore {

    private final IMap<String, Cdr> cdrs;

    public HazelcastCdrStore(HazelcastInstance grid) {
        this.cdrs = grid.getMap(MapNames.CDRS);
    }

    @Override
    public void record(Cdr cdr) {
        cdrs.setAsync(cdr.callId(), cdr);
    }

    @Override
    public List<Cdr> within(String domain, long fromMillis, long toMillis) {
        return cdrs.values(Predicates.and(Predicates.like("clientDomain", "%" + domain),
                        Predicates.between("startedAt", fromMillis, toMillis - 1)))
                .stream().filter(c -> DomainName.isWithin(c.clientDomain(), domain)
                        || DomainName.isWithin(c.callee().domain(), domain)).toList();
    }

    @Override
    public Map<String, Long> dialledWithPrefixPerClient(List<String> prefixes, long fromMillis, long toMillis) {
        return cdrs.aggregate(new DialledWithPrefixAggregator(prefixes),
                Predicates.between("startedAt", fromMillis, toMillis - 1));
    }
}
