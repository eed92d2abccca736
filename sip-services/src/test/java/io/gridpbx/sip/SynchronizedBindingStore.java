package io.gridpbx.sip;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.Binding;
import io.gridpbx.core.location.BindingStore;
import io.gridpbx.core.location.RegisterOutcome;
import io.gridpbx.core.location.RegisterRequest;
import io.gridpbx.core.location.RegistrationPolicy;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Makes a single-threaded binding store safe for the stack's listener pool: the grid adapter is
 * atomic per AOR (an entry processor), the in-memory double of core is a plain map.
 */
final class SynchronizedBindingStore implements BindingStore {

    private final BindingStore delegate;

    SynchronizedBindingStore(BindingStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized CompletionStage<RegisterOutcome> register(RegisterRequest request, RegistrationPolicy policy) {
        return delegate.register(request, policy);
    }

    @Override
    public synchronized CompletionStage<List<Binding>> lookup(AddressOfRecord aor) {
        return delegate.lookup(aor);
    }

    @Override
    public synchronized int addressCount() {
        return delegate.addressCount();
    }
}
