package io.gridpbx.core.presence;

import io.gridpbx.core.location.AddressOfRecord;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Calls of watched users on one node without a grid (tests, a node alone); tells {@code changed} after each change. */
public final class InMemoryCallStates implements CallStateStore {

    private final Map<AddressOfRecord, UserCalls> byUser = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Consumer<AddressOfRecord> changed = user -> { };

    public InMemoryCallStates(Clock clock) {
        this.clock = clock;
    }

    /** Who hears of a change (the presence server, once built). */
    public void onChange(Consumer<AddressOfRecord> listener) {
        this.changed = listener;
    }

    @Override
    public void changed(AddressOfRecord user, CallState state) {
        byUser.compute(user, (key, old) -> (old == null ? UserCalls.NONE : old).with(state, clock.millis()));
        changed.accept(user);
    }

    @Override
    public CompletionStage<UserCalls> callsOf(AddressOfRecord user) {
        return CompletableFuture.completedFuture(byUser.getOrDefault(user, UserCalls.NONE));
    }
}
