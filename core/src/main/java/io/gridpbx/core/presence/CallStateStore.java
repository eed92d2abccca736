package io.gridpbx.core.presence;

import io.gridpbx.core.location.AddressOfRecord;
import java.util.concurrent.CompletionStage;

/**
 * The calls of watched users, in the grid: the proxy reports a call's states for users someone
 * watches ({@link SubscriptionStore#watched}), and the watchers are notified from the change.
 */
public interface CallStateStore {

    /** Records a call's new state for {@code user}; asynchronous, the proxy does not wait. */
    void changed(AddressOfRecord user, CallState state);

    CompletionStage<UserCalls> callsOf(AddressOfRecord user);
}
