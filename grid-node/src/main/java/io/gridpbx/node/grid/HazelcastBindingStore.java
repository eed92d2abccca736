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

    public HazelcastBindingStore(HazelcastInstance grid, Clock clock) {
        this.locations = grid.getMap(MapNames.LOCATIONS);
        this.clock = clock;
    }

    @Override
    public RegisterOutcome register(RegisterRequest request, RegistrationPolicy policy) {
        return locations.executeOnKey(request.aor().toString(),
                new RegisterProcessor(request, policy, clock.millis()));
    }

    @Override
    public List<Binding> lookup(AddressOfRecord aor) {
        BindingSet live = locations.executeOnKey(aor.toString(), new LookupProcessor(clock.millis()));
        return live == null ? List.of() : live.bindings();
    }

    @Override
    public int addressCount() {
        return locations.size();
    }
}
