package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.gridpbx.core.billing.BillingIndex;
import io.gridpbx.core.billing.BillingView;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this member's {@link BillingIndex} equal to the grid's billing configuration (billing profiles,
 * their rates, clients' billing accounts), so that neither the credit check before a call nor the rating
 * after it makes a grid call for them. As the trunking mirror does: the map is listened to before it
 * is read ({@link MirrorFeed}), and read again after a split heals.
 */
public final class BillingMirror implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BillingMirror.class);

    private final HazelcastInstance grid;
    private final BillingIndex index = new BillingIndex();
    private final ExecutorService reloading = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("billing-mirror").daemon().factory());
    private @Nullable MirrorFeed<String, ConfigObject> feed;
    private @Nullable UUID lifecycleListener;

    private BillingMirror(HazelcastInstance grid) {
        this.grid = grid;
    }

    /** Mirrors the grid's billing configuration from now on: listens, then reads it (blocking until read). */
    public static BillingMirror start(HazelcastInstance grid) {
        BillingMirror mirror = new BillingMirror(grid);
        try {
            mirror.listenThenLoad();
        } catch (RuntimeException e) {
            mirror.close();
            throw e;
        }
        return mirror;
    }

    /** What the call path reads. */
    public BillingView view() {
        return index;
    }

    private void listenThenLoad() {
        IMap<String, ConfigObject> config = grid.getMap(MapNames.CONFIG);
        // IMap.delete (what the config store calls) sends its removal event without the old value, and
        // the index forgets an object only by its value: keep the objects the index was given.
        Map<String, ConfigObject> indexed = new ConcurrentHashMap<>();
        MirrorFeed<String, ConfigObject> billing = new MirrorFeed<>(config, Predicates.in("kind", billingKinds()),
                object -> {
                    if (BillingIndex.indexes(object.kind())) {
                        index.put(object);
                        indexed.put(object.key(), object);
                    }
                }, (key, old) -> {
                    ConfigObject known = indexed.remove(key);
                    ConfigObject gone = old != null ? old : known;
                    if (gone != null && BillingIndex.indexes(gone.kind())) {
                        index.remove(gone);
                    }
                });
        feed = billing;
        billing.listen();
        billing.load();
        // A member of the smaller side of a split takes the larger side's entries without an event for each.
        lifecycleListener = grid.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleState.MERGED) {
                reloadSoon(billing);
            }
        });
    }

    private void reloadSoon(MirrorFeed<String, ConfigObject> billing) {
        try {
            reloading.execute(() -> {
                try {
                    billing.load();
                } catch (RuntimeException e) {
                    LOG.warn("Reading the billing configuration again after a merge failed", e);
                }
            });
        } catch (RejectedExecutionException closed) {
            // Closing: nothing to keep current.
        }
    }

    private static Comparable<?>[] billingKinds() {
        return Arrays.stream(ConfigKind.values()).filter(BillingIndex::indexes).map(Enum::name)
                .toArray(Comparable<?>[]::new);
    }

    /** Stops listening; the index keeps what it holds. */
    @Override
    public void close() {
        reloading.shutdownNow();
        UUID lifecycle = lifecycleListener;
        if (lifecycle != null) {
            quietly(() -> grid.getLifecycleService().removeLifecycleListener(lifecycle));
        }
        MirrorFeed<String, ConfigObject> billing = feed;
        if (billing != null) {
            quietly(billing::stop);
        }
    }

    /** The grid may already be down when the node stops: nothing is left to unregister then. */
    private static void quietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.debug("Billing mirror: {}", e.toString());
        }
    }
}
