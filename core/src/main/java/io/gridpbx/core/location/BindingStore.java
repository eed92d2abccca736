package io.gridpbx.core.location;

import java.util.List;

/**
 * Where the bindings of every address of record live. An adapter applies {@link BindingRules}
 * atomically on the AOR's key (one round trip, where the data lives) and never loses an accepted
 * update when a node dies.
 */
public interface BindingStore {

    /** Applies a REGISTER to the AOR's bindings under the policy, atomically. */
    RegisterOutcome register(RegisterRequest request, RegistrationPolicy policy);

    /** The live contacts of an AOR, most preferred first; empty when it has none. */
    List<Binding> lookup(AddressOfRecord aor);

    /** How many addresses of record have at least one binding, cluster-wide. */
    int addressCount();
}
