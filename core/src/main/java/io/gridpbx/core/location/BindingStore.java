package io.gridpbx.core.location;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Where the bindings of every address of record live. An adapter applies {@link BindingRules}
 * atomically on the AOR's key (one round trip, where the data lives) and never loses an accepted
 * update when a node dies. Both calls are asynchronous: the SIP path never waits for the grid on its
 * threads, it answers from the completion. A stage that the store could not complete within its
 * deadline fails with {@link io.gridpbx.core.store.StoreUnavailableException}.
 */
public interface BindingStore {

    /** Applies a REGISTER to the AOR's bindings under the policy, atomically. */
    CompletionStage<RegisterOutcome> register(RegisterRequest request, RegistrationPolicy policy);

    /** The live contacts of an AOR, most preferred first; empty when it has none. */
    CompletionStage<List<Binding>> lookup(AddressOfRecord aor);

    /** How many addresses of record have at least one binding, cluster-wide. */
    int addressCount();
}
