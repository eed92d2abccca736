package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.presence.EventPackage;
import io.gridpbx.core.presence.Subscription;
import io.gridpbx.core.presence.SubscriptionStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presence subscriptions in the {@code presence.subscriptions} map, by {@link Subscription#key()}.
 * An entry lives {@link #GRACE} past its subscription's expiry; a refresh and
 * the taking of a NOTIFY's CSeq are entry processors on the owner; every grid call is bounded by the
 * node's {@link GridDeadline}. Every member mirrors the map ({@link SubscriptionMirror}, fed by an
 * entry listener and a first read, as the trunking and billing mirrors are), so who watches whom is
 * answered from memory.
 */
public final class HazelcastSubscriptions implements SubscriptionStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastSubscriptions.class);
    /** How long an entry outlives its subscription: a refresh sent just in time still finds it. */
    public static final Duration GRACE = Duration.ofSeconds(10);

    private final HazelcastInstance grid;
    private final IMap<String, Subscription> subscriptions;
    private final IMap<String, Long> counts;
    private static final long EPOCH_2020_MILLIS = 1_577_836_800_000L;
    /** A counter outlives its subscription a little: the last NOTIFY of one that expired still takes from it. */
    private static final Duration COUNTER_GRACE = Duration.ofMinutes(1);
    private final Clock clock;
    private final GridDeadline deadline;
    private final SubscriptionMirror mirror = new SubscriptionMirror();
    private final MirrorFeed<String, Subscription> feed;
    private final ExecutorService reloading = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("subscription-mirror").daemon().factory());
    private @Nullable UUID lifecycleListener;

    private HazelcastSubscriptions(HazelcastInstance grid, Clock clock, GridDeadline deadline) {
        this.grid = grid;
        this.subscriptions = grid.getMap(MapNames.PRESENCE_SUBSCRIPTIONS);
        this.counts = grid.getMap(MapNames.PRESENCE_NOTIFY_COUNTS);
        this.clock = clock;
        this.deadline = deadline;
        this.feed = new MirrorFeed<>(subscriptions, Predicates.alwaysTrue(), mirror::put, mirror::remove);
    }

    /** The store, its mirror listening and then filled with the map's contents (blocking until read). */
    public static HazelcastSubscriptions start(HazelcastInstance grid, Clock clock, GridDeadline deadline) {
        HazelcastSubscriptions store = new HazelcastSubscriptions(grid, clock, deadline);
        try {
            store.feed.listen();
            store.feed.load();
            // A member of the smaller side of a split takes the larger side's entries without an event for each.
            store.lifecycleListener = grid.getLifecycleService().addLifecycleListener(event -> {
                if (event.getState() == LifecycleState.MERGED) {
                    store.reloadSoon();
                }
            });
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    @Override
    public CompletionStage<Void> create(Subscription subscription) {
        long ttl = SubscriptionProcessors.timeToLive(subscription, clock.millis());
        return deadline.bound(subscriptions.setAsync(subscription.key(), subscription, ttl, TimeUnit.MILLISECONDS),
                "subscribe", subscription.key());
    }

    @Override
    public CompletionStage<Optional<Subscription>> refresh(String key, AddressOfRecord watcher, long expiresAtMillis,
            String nodeId, String watcherContact) {
        var refresh = new SubscriptionProcessors.Refresh(watcher.toString(), expiresAtMillis, nodeId, watcherContact,
                clock.millis());
        return deadline.bound(subscriptions.submitToKey(key, refresh), "refresh subscription", key)
                .thenApply(Optional::ofNullable);
    }

    /**
     * The subscription from this member's mirror (or the grid, when its event has not arrived yet: the
     * first NOTIFY follows its creation at once), with the next CSeq from its counter. The counter starts
     * from a quarter-second clock (seconds since 2020, times 4: under 2^31 until 2036, RFC 3261 section
     * 8.1.1.5), so after a full-cluster restart, which keeps subscriptions but not counters, a watcher's
     * next NOTIFY still carries a higher CSeq than any it saw unless it got more than four a second over
     * its subscription's life.
     */
    @Override
    public CompletionStage<Optional<Subscription>> nextNotify(String key) {
        Subscription known = mirror.get(key);
        CompletionStage<@Nullable Subscription> found = known != null ? CompletableFuture.completedFuture(known)
                : deadline.bound(subscriptions.getAsync(key), "notify", key);
        return found.thenCompose(subscription -> {
            if (subscription == null || subscription.expiresAtMillis() <= clock.millis()) {
                return CompletableFuture.completedFuture(Optional.<Subscription>empty());
            }
            return count(subscription).thenApply(Optional::of);
        });
    }

    @Override
    public CompletionStage<Subscription> finalNotify(Subscription subscription) {
        return count(subscription);
    }

    private CompletionStage<Subscription> count(Subscription subscription) {
        long now = clock.millis();
        long baseline = Math.max(subscription.cseq(), (now - EPOCH_2020_MILLIS) / 250);
        long ttl = subscription.expiresAtMillis() - now + GRACE.toMillis() + COUNTER_GRACE.toMillis();
        return deadline.bound(counts.submitToKey(subscription.key(), new SubscriptionProcessors.NextNotify(baseline, ttl)),
                "notify", subscription.key()).thenApply(subscription::notifying);
    }

    /** Removed (not deleted), so that the listeners' removal event carries the subscription. */
    @Override
    public CompletionStage<Void> remove(String key) {
        return deadline.bound(subscriptions.removeAsync(key), "unsubscribe", key).thenApply(removed -> null);
    }

    @Override
    public List<Subscription> watchersOf(AddressOfRecord resource, EventPackage event) {
        return mirror.watchersOf(resource.toString(), event, clock.millis());
    }

    @Override
    public boolean watched(AddressOfRecord resource, EventPackage event) {
        return mirror.watched(resource.toString(), event);
    }

    /** As {@link #watched(AddressOfRecord, EventPackage)}, for a {@code user@domain} key already at hand. */
    boolean watched(String resource, EventPackage event) {
        return mirror.watched(resource, event);
    }

    @Override
    public List<Subscription> lists(EventPackage event) {
        return mirror.lists(event, clock.millis());
    }

    /** How many subscriptions this member's mirror holds. */
    public int mirrored() {
        return mirror.size();
    }

    private void reloadSoon() {
        try {
            reloading.execute(() -> {
                try {
                    feed.load();
                } catch (RuntimeException e) {
                    LOG.warn("Reading the presence subscriptions again after a merge failed", e);
                }
            });
        } catch (RejectedExecutionException closed) {
            // Closing: nothing to keep current.
        }
    }

    /** Stops listening; the mirror keeps what it holds. */
    @Override
    public void close() {
        reloading.shutdownNow();
        UUID lifecycle = lifecycleListener;
        if (lifecycle != null) {
            quietly(() -> grid.getLifecycleService().removeLifecycleListener(lifecycle));
        }
        quietly(feed::stop);
    }

    /** The grid may already be down when the node stops: nothing is left to unregister then. */
    private static void quietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.debug("Subscription mirror: {}", e.toString());
        }
    }
}
