package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.presence.CallState;
import io.gridpbx.core.presence.CallStateStore;
import io.gridpbx.core.presence.UserCalls;
import java.time.Clock;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls of watched users in the {@code presence.calls} map, by AOR: each state the proxy reports
 * is merged on the entry's owner ({@link CallStateProcessors.Change}); the proxy does not wait for it.
 * A user's calls are kept {@link CallStateProcessors#KEPT} after their last change.
 */
public final class HazelcastCallStates implements CallStateStore {

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastCallStates.class);

    private final IMap<String, UserCalls> calls;
    private final Clock clock;
    private final GridDeadline deadline;

    public HazelcastCallStates(HazelcastInstance grid, Clock clock, GridDeadline deadline) {
        this.calls = grid.getMap(MapNames.PRESENCE_CALLS);
        this.clock = clock;
        this.deadline = deadline;
    }

    @Override
    public void changed(AddressOfRecord user, CallState state) {
        String key = user.toString();
        deadline.bound(calls.submitToKey(key, new CallStateProcessors.Change(state, clock.millis())), "call state", key)
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        LOG.debug("call {} of {} not shown to its watchers: {}", state.callId(), key, failure.toString());
                    }
                });
    }

    @Override
    public CompletionStage<UserCalls> callsOf(AddressOfRecord user) {
        String key = user.toString();
        return deadline.bound(calls.getAsync(key), "calls", key).thenApply(found -> found == null ? UserCalls.NONE : found);
    }
}
