package io.gridpbx.core.presence;

import io.gridpbx.core.location.AddressOfRecord;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Subscriptions of one node without a grid (tests, a node alone). */
public final class InMemorySubscriptions implements SubscriptionStore {

    private final Map<String, Subscription> byKey = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemorySubscriptions(Clock clock) {
        this.clock = clock;
    }

    @Override
    public CompletionStage<Void> create(Subscription subscription) {
        byKey.put(subscription.key(), subscription);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Optional<Subscription>> refresh(String key, AddressOfRecord watcher, long expiresAtMillis,
            String nodeId, String watcherContact) {
        Subscription current = byKey.get(key);
        if (current == null || !current.watcher().equals(watcher)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return CompletableFuture.completedFuture(Optional.ofNullable(byKey.computeIfPresent(key,
                (k, old) -> live(old) ? old.refreshed(expiresAtMillis, nodeId, watcherContact) : null)));
    }

    @Override
    public CompletionStage<Optional<Subscription>> nextNotify(String key) {
        return CompletableFuture.completedFuture(Optional.ofNullable(byKey.computeIfPresent(key,
                (k, old) -> live(old) ? old.nextNotify() : null)));
    }

    @Override
    public CompletionStage<Void> remove(String key) {
        byKey.remove(key);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public List<Subscription> watchersOf(AddressOfRecord resource, EventPackage event) {
        return byKey.values().stream().filter(s -> s.resource().equals(resource) && s.event() == event && live(s)).toList();
    }

    @Override
    public List<Subscription> lists(EventPackage event) {
        return byKey.values().stream().filter(s -> s.isList() && s.event() == event && live(s)).toList();
    }

    @Override
    public boolean watched(AddressOfRecord resource, EventPackage event) {
        return !watchersOf(resource, event).isEmpty();
    }

    private boolean live(Subscription subscription) {
        return subscription.expiresAtMillis() > clock.millis();
    }
}
