package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.Binding;
import io.gridpbx.core.location.BindingSet;
import io.gridpbx.core.location.BindingStore;
import io.gridpbx.core.location.RegisterOutcome;
import io.gridpbx.core.location.RegisterRequest;
import io.gridpbx.core.location.RegistrationPolicy;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Bindings in the {@code locations} map, changed only by entry processors on the AOR key. Both
 * calls return at once; their answers come on the {@link GridCallbacks} threads, within the deadline.
 */
public final class HazelcastBindingStore implements BindingStore {

    private final IMap<String, BindingSet> locations;
    private final Clock clock;
    private final GridDeadline deadline;

    public HazelcastBindingStore(HazelcastInstance grid, Clock clock) {
        this(grid, clock, GridDeadline.DEFAULT);
    }

    /** @param deadline how long a register or a lookup waits for the AOR's owner */
    public HazelcastBindingStore(HazelcastInstance grid, Clock clock, GridDeadline deadline) {
        this.locations = grid.getMap(MapNames.LOCATIONS);
        this.clock = clock;
        this.deadline = deadline;
    }

    @Override
    public CompletionStage<RegisterOutcome> register(RegisterRequest request, RegistrationPolicy policy) {
        String key = request.aor().toString();
        return deadline.bound(locations.submitToKey(key, new RegisterProcessor(request, policy, clock.millis())),
                "register", key);
    }

    @Override
    public CompletionStage<List<Binding>> lookup(AddressOfRecord aor) {
        String key = aor.toString();
        return deadline.bound(locations.submitToKey(key, new LookupProcessor(clock.millis())), "lookup", key)
                .thenApply(live -> live == null ? List.<Binding>of() : live.bindings());
    }

    @Override
    public int addressCount() {
        return locations.size();
    }
}
