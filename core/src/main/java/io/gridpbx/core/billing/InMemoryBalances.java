package io.gridpbx.core.billing;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Balances in this process's memory: one node with no grid, and tests. Charges are applied once per Call-ID. */
public final class InMemoryBalances implements Balances {

    private final Map<String, Long> balances = new ConcurrentHashMap<>();
    private final Set<String> charged = ConcurrentHashMap.newKeySet();

    @Override
    public CompletionStage<Long> balance(String tenant) {
        return CompletableFuture.completedFuture(balances.getOrDefault(tenant, 0L));
    }

    @Override
    public void charge(String tenant, String callId, long micros) {
        if (charged.add(tenant + "|" + callId)) {
            balances.merge(tenant, -micros, Long::sum);
        }
    }

    @Override
    public long topUp(String tenant, long micros, String actor, String note) {
        return balances.merge(tenant, micros, Long::sum);
    }
}
