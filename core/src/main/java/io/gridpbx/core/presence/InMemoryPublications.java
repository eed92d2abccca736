package io.gridpbx.core.presence;

import io.gridpbx.core.location.AddressOfRecord;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Published presence of one node without a grid (tests, a node alone); tells {@code changed} after each change. */
public final class InMemoryPublications implements PublicationStore {

    private final Map<AddressOfRecord, Publications> byEntity = new ConcurrentHashMap<>();
    private final SubscriptionRules rules;
    private final Clock clock;
    private volatile Consumer<AddressOfRecord> changed = entity -> { };

    public InMemoryPublications(SubscriptionRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    /** Who hears of a change (the presence server, once built). */
    public void onChange(Consumer<AddressOfRecord> listener) {
        this.changed = listener;
    }

    @Override
    public CompletionStage<PublishOutcome> publish(AddressOfRecord entity, PublishRequest request, String newEtag) {
        PublishOutcome[] outcome = new PublishOutcome[1];
        byEntity.compute(entity, (key, old) -> {
            Publications.Change change = (old == null ? Publications.NONE : old).apply(request, rules, newEtag, clock.millis());
            outcome[0] = change.outcome();
            return change.after();
        });
        if (outcome[0] instanceof PublishOutcome.Published || outcome[0] instanceof PublishOutcome.Removed) {
            changed.accept(entity);
        }
        return CompletableFuture.completedFuture(outcome[0]);
    }

    @Override
    public CompletionStage<Publications> publications(AddressOfRecord entity) {
        return CompletableFuture.completedFuture(byEntity.getOrDefault(entity, Publications.NONE));
    }
}
