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

/** Bindings in the {@code locations} map, changed only by entry processors on the AOR key. */
public final class HazelcastBindingStore implements BindingStore {

    private final IMap<String, BindingSet> locations;
    private final Clock clock;
    private final GridDeadline deadline;

    public HazelcastBindingStore(HazelcastInstance grid, Clock clock) {
        this(grid, clock, GridDeadline.DEFAULT);
    }

    /** @param deadline how long a register or a lookup waits for the AOR's owner (they run on SIP threads) */
    public HazelcastBindingStore(HazelcastInstance grid, Clock clock, GridDeadline deadline) {
        this.locations = grid.getMap(MapNames.LOCATIONS);
        this.clock = clock;
        this.deadline = deadline;
    }

    @Override
    public RegisterOutcome register(RegisterRequest request, RegistrationPolicy policy) {
        String key = request.aor().toString();
        return deadline.await(locations.submitToKey(key, new RegisterProcessor(request, policy, clock.millis())),
                "register", key);
    }

    @Override
    public List<Binding> lookup(AddressOfRecord aor) {
        String key = aor.toString();
        BindingSet live = deadline.await(locations.submitToKey(key, new LookupProcessor(clock.millis())),
                "lookup", key);
        return live == null ? List.of() : live.bindings();
    }

    @Override
    public int addressCount() {
        return locations.size();
    }
}
