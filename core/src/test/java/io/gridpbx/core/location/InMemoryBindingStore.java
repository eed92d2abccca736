package io.gridpbx.core.location;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A binding store in one map that applies {@link BindingRules} as the grid adapter does, for tests. */
public final class InMemoryBindingStore implements BindingStore {

    private final Map<AddressOfRecord, BindingSet> sets = new HashMap<>();
    private final Clock clock;

    public InMemoryBindingStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public CompletionStage<RegisterOutcome> register(RegisterRequest request, RegistrationPolicy policy) {
        BindingRules.Result result = BindingRules.apply(
                sets.getOrDefault(request.aor(), BindingSet.EMPTY), request, policy, clock.millis());
        if (result.next().isEmpty()) {
            sets.remove(request.aor());
        } else {
            sets.put(request.aor(), result.next());
        }
        return CompletableFuture.completedFuture(result.outcome());
    }

    @Override
    public CompletionStage<List<Binding>> lookup(AddressOfRecord aor) {
        return CompletableFuture.completedFuture(sets.getOrDefault(aor, BindingSet.EMPTY).liveAt(clock.millis()));
    }

    @Override
    public int addressCount() {
        return (int) sets.values().stream().filter(set -> !set.liveAt(clock.millis()).isEmpty()).count();
    }
}
