package io.gridpbx.node.grid;

import com.hazelcast.map.MapStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code billing.balances} map's store: a balance is written as its micros (the table's one
 * number) and read back without the ids of its latest changes, which only guard against a change
 * applied twice within seconds. Partial success is passed on: what the table's store took leaves the
 * batch, so Hazelcast retries only the rest.
 */
final class BalanceMapStore implements MapStore<String, Balance> {

    private final MapStore<String, Long> micros;

    BalanceMapStore(MapStore<String, Long> micros) {
        this.micros = micros;
    }

    /** The store the balances are written to, in micros. */
    MapStore<String, Long> table() {
        return micros;
    }

    @Override
    public void store(String tenant, Balance balance) {
        micros.store(tenant, balance.micros());
    }

    @Override
    public void storeAll(Map<String, Balance> balances) {
        Map<String, Long> pending = new HashMap<>();
        balances.forEach((tenant, balance) -> pending.put(tenant, balance.micros()));
        try {
            micros.storeAll(pending);
        } finally {
            balances.keySet().retainAll(pending.keySet());
        }
    }

    @Override
    public void delete(String tenant) {
        micros.delete(tenant);
    }

    @Override
    public void deleteAll(Collection<String> tenants) {
        List<String> pending = new ArrayList<>(tenants);
        try {
            micros.deleteAll(pending);
        } finally {
            tenants.retainAll(pending);
        }
    }

    @Override
    public @Nullable Balance load(String tenant) {
        Long loaded = micros.load(tenant);
        return loaded == null ? null : Balance.of(loaded);
    }

    @Override
    public Map<String, Balance> loadAll(Collection<String> tenants) {
        Map<String, Balance> loaded = new HashMap<>();
        micros.loadAll(tenants).forEach((tenant, value) -> loaded.put(tenant, Balance.of(value)));
        return loaded;
    }

    @Override
    public Iterable<String> loadAllKeys() {
        return micros.loadAllKeys();
    }
}
