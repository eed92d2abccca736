package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridpbx.core.access.AuditEntry;
import io.gridpbx.core.access.AuditLog;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.billing.Balances;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The balances in the {@code billing.balances} map, by tenant (a client's domain or a reseller's realm),
 * written behind to the {@code balances} table. Every change is one entry processor on the balance's
 * owner ({@link BalanceProcessors.Apply}) that remembers its id: a charge is applied once per Call-ID,
 * and a top-up once however often the grid retries it.
 */
public final class HazelcastBalances implements Balances {

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastBalances.class);
    /** The audit trail's subject column holds this much. */
    private static final int SUBJECT_LENGTH = 300;

    private final IMap<String, Balance> balances;
    private final IMap<String, ?> resellers;
    private final AuditLog audit;
    private final Clock clock;
    private final RandomGenerator random;
    private final GridDeadline deadline;

    /**
     * @param random   draws the ids of top-ups
     * @param deadline how long a read of a balance (before a call) and a top-up may take
     */
    public HazelcastBalances(HazelcastInstance grid, AuditLog audit, Clock clock, RandomGenerator random,
            GridDeadline deadline) {
        this.balances = grid.getMap(MapNames.BALANCES);
        this.resellers = grid.getMap(MapNames.RESELLERS);
        this.audit = audit;
        this.clock = clock;
        this.random = random;
        this.deadline = deadline;
    }

    @Override
    public CompletionStage<Long> balance(String tenant) {
        return deadline.bound(balances.getAsync(tenant), "balance", tenant)
                .thenApply(balance -> balance == null ? 0L : balance.micros());
    }

    @Override
    public void charge(String tenant, String callId, long micros) {
        change(tenant, callId, -micros).whenComplete((after, failure) -> {
            if (failure != null) {
                LOG.warn("call {}: {} micros not charged to {}: {}", callId, micros, tenant, failure.toString());
            }
        });
    }

    /** Applies a change once per id, where the balance lives; completes with the balance after it. */
    CompletionStage<Long> change(String tenant, String changeId, long deltaMicros) {
        return balances.submitToKey(tenant, new BalanceProcessors.Apply(changeId, deltaMicros));
    }

    /**
     * Waits for the balance's owner at most the deadline. Audited once applied, with the actor and the
     * note, even when that is past the deadline: a top-up the caller gave up on may still have been made.
     */
    @Override
    public long topUp(String tenant, long micros, String actor, String note) {
        String changeId = "top-up:" + new UUID(random.nextLong(), random.nextLong());
        // Audited on the callback threads: the change may complete on the partition thread, which must not wait.
        CompletionStage<Long> audited = change(tenant, changeId, micros).thenApplyAsync(after -> {
            audit.append(new AuditEntry(clock.instant(), actor, "top-up", scopeOf(tenant),
                    subject(tenant, micros, after, note)));
            return after;
        }, deadline.callbacks().executor());
        return deadline.await(audited, "top-up", tenant);
    }

    /** The audit entry is filed under the tenant whose balance changed, so that it sees its own top-ups. */
    private Scope scopeOf(String tenant) {
        return resellers.containsKey(tenant) ? Scope.reseller(tenant) : Scope.client(tenant);
    }

    /** {@code balance:office.example +12.5 = 40.25 (cheque 1234)}, cut to what the trail keeps. */
    static String subject(String tenant, long micros, long after, String note) {
        String amount = (micros >= 0 ? "+" : "") + amount(micros);
        String subject = "balance:" + tenant + " " + amount + " = " + amount(after)
                + (note.isBlank() ? "" : " (" + note.strip() + ")");
        return subject.length() <= SUBJECT_LENGTH ? subject : subject.substring(0, SUBJECT_LENGTH);
    }

    private static String amount(long micros) {
        return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
    }
}
