package io.gridpbx.core.billing;

import java.util.concurrent.CompletionStage;

/**
 * The balances of clients and resellers, cluster-wide, in micros. Each change is applied where the
 * balance lives (never read then written), and a call's charge is applied once however often it is
 * asked for.
 */
public interface Balances {

    /**
     * The tenant's balance; 0 for one that never had any. Fails with
     * {@link io.gridpbx.core.store.StoreUnavailableException} past the store's deadline.
     */
    CompletionStage<Long> balance(String tenant);

    /** Debits a call's charge from the tenant, once per Call-ID. Asynchronous. */
    void charge(String tenant, String callId, long micros);

    /**
     * Credits (or, negative, debits) the tenant by hand: a payment, a correction. Returns the new balance.
     *
     * @param actor who did it, for the audit
     */
    long topUp(String tenant, long micros, String actor, String note);
}
