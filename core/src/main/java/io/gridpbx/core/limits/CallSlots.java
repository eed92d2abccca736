package io.gridpbx.core.limits;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Where the slots of concurrent calls are counted, cluster-wide. Admission is a check-and-increment
 * on the counter's owner, never a read then a write; a call's slots are known by its Call-ID, so that
 * admitting a retransmitted INVITE again takes nothing more, and releasing twice gives back nothing more.
 */
public interface CallSlots {

    /**
     * Takes a slot of each limit for the call, all or none: a full limit refuses the call and the slots
     * already taken are given back. Fails with {@link io.gridpbx.core.store.StoreUnavailableException}
     * past the store's deadline.
     *
     * @param nodeId the node that carries the call (the grid's adapter records its own member instead, whose
     *               death it can see)
     */
    CompletionStage<Admission> admit(String callId, List<CallLimit> limits, String nodeId);

    /** Gives back the call's slots, if it holds any. Asynchronous, idempotent. */
    void release(String callId);

    /**
     * Takes one more slot for a call, of a limit met while it is set up (the gateway it is sent to):
     * false, and nothing taken, when that limit is full. The slot goes back with the call's others, or
     * alone by {@link #release(String, String)}.
     */
    CompletionStage<Boolean> take(String callId, CallLimit limit, String nodeId);

    /** Gives back one of the call's slots (the gateway it left). Asynchronous, idempotent. */
    void release(String callId, String key);

    /** The calls counted now against each key, for the admin ({@code client:office.example} → 3). */
    Map<String, Integer> counts(List<String> keys);
}
