package io.gridpbx.core.presence;

import io.gridpbx.core.location.AddressOfRecord;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where subscriptions live: in the grid, with their expiry, so any node refreshes them and notifies
 * their watchers. Every member mirrors who watches whom, so a change on the call path asks
 * {@link #watched} without a grid call.
 */
public interface SubscriptionStore {

    /** Stores a new subscription; it lives until its expiry. */
    CompletionStage<Void> create(Subscription subscription);

    /**
     * Refreshes a subscription (section 4.1.2.1): its new expiry, node and Contact; empty when there is
     * none with that key whose watcher is {@code watcher} (481: only its own watcher refreshes or ends a
     * subscription, whoever else learnt its Call-ID and tags).
     */
    CompletionStage<Optional<Subscription>> refresh(String key, AddressOfRecord watcher, long expiresAtMillis,
            String nodeId, String watcherContact);

    /**
     * Takes the next NOTIFY's CSeq and version, atomically on the key's owner, so NOTIFYs sent by two
     * nodes never share a CSeq; empty when the subscription is gone.
     */
    CompletionStage<Optional<Subscription>> nextNotify(String key);

    /**
     * The CSeq and version of the last NOTIFY of a subscription that is ending (expired, unsubscribed):
     * it may be gone from the store already, but its watcher must still see a higher CSeq.
     */
    default CompletionStage<Subscription> finalNotify(Subscription subscription) {
        return java.util.concurrent.CompletableFuture.completedFuture(subscription.nextNotify());
    }

    /** Ends a subscription (unsubscribed, refused by its watcher, expired). */
    CompletionStage<Void> remove(String key);

    /** The live subscriptions to a resource's package, from this member's mirror. */
    List<Subscription> watchersOf(AddressOfRecord resource, EventPackage event);

    /** The live subscriptions to resource lists in a package ({@link Subscription#isList}), from this member's mirror. */
    List<Subscription> lists(EventPackage event);

    /** Whether anyone watches the resource's package, from this member's mirror: cheap enough for the call path. */
    boolean watched(AddressOfRecord resource, EventPackage event);
}
