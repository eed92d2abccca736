package io.gridpbx.core.manage;

import io.gridpbx.core.billing.Balances;
import io.gridpbx.core.store.StoreUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

/**
 * Balances in memory that remember each top-up (who, how much, why: what the grid's audits), and whose
 * reads of a tenant can be made to fail past their deadline, as a frozen member's would.
 */
public final class RecordingBalances implements Balances {

    /** One top-up as the port was asked it. */
    public record TopUp(String tenant, long micros, String actor, String note) {
    }

    private final Map<String, Long> balances = new ConcurrentHashMap<>();
    private final Set<String> charged = ConcurrentHashMap.newKeySet();
    private final Set<String> unreachable = ConcurrentHashMap.newKeySet();
    private final List<TopUp> topUps = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<Long> balance(String tenant) {
        if (unreachable.contains(tenant)) {
            return CompletableFuture.failedFuture(new StoreUnavailableException("balance " + tenant,
                    Duration.ofSeconds(2), new TimeoutException("frozen member")));
        }
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
        topUps.add(new TopUp(tenant, micros, actor, note));
        return balances.merge(tenant, micros, Long::sum);
    }

    /** The tenant's reads fail from now on, as past the store's deadline. */
    public void unreachable(String tenant) {
        unreachable.add(tenant);
    }

    /** Sets a balance without a top-up, as a seed would. */
    public void set(String tenant, long micros) {
        balances.put(tenant, micros);
    }

    public List<TopUp> topUps() {
        return List.copyOf(topUps);
    }
}
