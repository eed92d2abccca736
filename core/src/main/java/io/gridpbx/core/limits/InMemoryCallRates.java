package io.gridpbx.core.limits;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Calls per second counted in this process's memory: a single node, and the tests. */
public final class InMemoryCallRates implements CallRates {

    private record Second(long epochSecond, int calls) {
    }

    private final Clock clock;
    private final Map<String, Second> seconds = new HashMap<>();

    public InMemoryCallRates(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized CompletionStage<Boolean> take(String key, int perSecond) {
        long now = clock.millis() / 1000;
        Second current = seconds.get(key);
        int calls = current == null || current.epochSecond() != now ? 0 : current.calls();
        if (calls >= perSecond) {
            return CompletableFuture.completedFuture(false);
        }
        seconds.put(key, new Second(now, calls + 1));
        return CompletableFuture.completedFuture(true);
    }
}
