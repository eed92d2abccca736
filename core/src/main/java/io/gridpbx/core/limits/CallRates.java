package io.gridpbx.core.limits;

import java.util.concurrent.CompletionStage;

/**
 * Where the calls started each second are counted, cluster-wide: a client's calls per second. Each
 * count is a check-and-increment where the counter lives.
 */
public interface CallRates {

    /**
     * Counts one call against {@code key} in the current second; false, and nothing counted, when the
     * second already has {@code perSecond} calls. Fails with
     * {@link io.gridpbx.core.store.StoreUnavailableException} past the store's deadline.
     */
    CompletionStage<Boolean> take(String key, int perSecond);

    /** The key a client's calls per second are counted under. */
    static String clientKey(String clientDomain) {
        return "cps:client:" + clientDomain;
    }
}
