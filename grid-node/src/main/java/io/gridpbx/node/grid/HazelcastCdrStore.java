package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.dialog.CdrStore;
import io.gridpbx.core.tenancy.DomainName;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CDRs by Call-ID, written behind to the {@code cdrs} table; the grid keeps the recent ones for reports.
 * A Call-ID's record is written once: a call closed twice (its BYE and its dialog's expiry, a retry)
 * keeps the first record.
 */
public final class HazelcastCdrStore implements CdrStore {

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastCdrStore.class);

    private final IMap<String, Cdr> cdrs;

    public HazelcastCdrStore(HazelcastInstance grid) {
        this.cdrs = grid.getMap(MapNames.CDRS);
    }

    @Override
    public void record(Cdr cdr) {
        cdrs.submitToKey(cdr.callId(), new RecordCdrOnceProcessor(cdr)).whenComplete((written, failure) -> {
            if (failure != null) {
                LOG.warn("the record of call {} was not written: {}", cdr.callId(), failure.toString());
            } else if (!written) {
                LOG.debug("call {} has its record already; this one ({}) is dropped", cdr.callId(), cdr.disposition());
            }
        });
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
