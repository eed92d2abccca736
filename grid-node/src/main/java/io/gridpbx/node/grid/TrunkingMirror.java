package io.gridpbx.node.grid;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryLoadedListener;
import com.hazelcast.map.listener.EntryMergedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import io.gridpbx.core.trunking.Did;
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.GatewayHealth;
import io.gridpbx.core.trunking.OutboundRoute;
import io.gridpbx.core.trunking.TrunkingIndex;
import io.gridpbx.core.trunking.TrunkingView;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this member's {@link TrunkingIndex} equal to the grid's gateways, routes, DIDs and the
 * configuration objects the call path reads (dial plans, user profiles, ported numbers), so that the
 * call path never makes a grid call for them. Each map is listened to before it is read, so that no
 * change falls between the read and the first event; a key that an event touched while the read ran is
 * left to the events, which are newer. Gateways' host names are resolved on one daemon thread: at
 * start, every minute, and soon after a gateway changes.
 */
public final class TrunkingMirror implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrunkingMirror.class);

    /** How often host names are resolved again: a carrier that moves its address is followed within this. */
    public static final Duration RESOLVE_EVERY = Duration.ofSeconds(60);
    /** The wait after a gateway change before resolving, so that a burst of changes resolves once. */
    private static final Duration RESOLVE_AFTER_CHANGE = Duration.ofMillis(200);

    private final HazelcastInstance grid;
    private final TrunkingIndex index = new TrunkingIndex();
    private final Function<String, List<String>> resolver;
    private final ScheduledExecutorService resolving = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("trunking-resolver").daemon().factory());
    private final AtomicBoolean resolvePending = new AtomicBoolean();
    private final List<MirrorFeed<?, ?>> feeds = new ArrayList<>();
    private @Nullable UUID lifecycleListener;

    private TrunkingMirror(HazelcastInstance grid, Function<String, List<String>> resolver) {
        this.grid = grid;
        this.resolver = resolver;
    }

    /** Mirrors the grid's trunking maps from now on, host names resolved by the system's resolver. */
    public static TrunkingMirror start(HazelcastInstance grid) {
        return start(grid, TrunkingMirror::addressesOf, RESOLVE_EVERY);
    }

    /**
     * Mirrors the grid's trunking maps from now on: listens, then reads what they hold (blocking until
     * read), and resolves host names with {@code resolver} every {@code resolveEvery}.
     */
    public static TrunkingMirror start(HazelcastInstance grid, Function<String, List<String>> resolver,
            Duration resolveEvery) {
        TrunkingMirror mirror = new TrunkingMirror(grid, resolver);
        try {
            mirror.listenThenLoad();
            mirror.resolving.scheduleWithFixedDelay(mirror::resolveNow, 0, resolveEvery.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            mirror.close();
            throw e;
        }
        return mirror;
    }

    /** What the call path reads. */
    public TrunkingView view() {
        return index;
    }

    /** The index itself, for its owner's other feeds (gateway probes set it up or down). */
    public TrunkingIndex index() {
        return index;
    }

    private void listenThenLoad() {
        IMap<String, Gateway> gateways = grid.getMap(MapNames.GATEWAYS);
        IMap<String, OutboundRoute> routes = grid.getMap(MapNames.ROUTES);
        IMap<String, Did> dids = grid.getMap(MapNames.DIDS);
        IMap<String, ConfigObject> config = grid.getMap(MapNames.CONFIG);
        feeds.add(new MirrorFeed<>(gateways, Predicates.alwaysTrue(), gateway -> {
            index.putGateway(gateway);
            resolveSoon();
        }, (id, old) -> index.removeGateway(id)));
        feeds.add(new MirrorFeed<>(routes, Predicates.alwaysTrue(), index::putRoute, (id, old) -> index.removeRoute(id)));
        feeds.add(new MirrorFeed<>(dids, Predicates.alwaysTrue(), index::putDid, (number, old) -> index.removeDid(number)));
        // IMap.delete (what the config store calls) sends its removal event without the old value, and
        // the index forgets a ported number only by its value: keep the objects the index was given.
        Map<String, ConfigObject> indexed = new ConcurrentHashMap<>();
        feeds.add(new MirrorFeed<>(config, Predicates.in("kind", indexedKinds()), object -> {
            if (TrunkingIndex.indexes(object.kind())) {
                index.putConfig(object);
                indexed.put(object.key(), object);
            }
        }, (key, old) -> {
            ConfigObject known = indexed.remove(key);
            ConfigObject gone = old != null ? old : known;
            if (gone != null && TrunkingIndex.indexes(gone.kind())) {
                index.removeConfig(gone);
            }
        }));
        IMap<String, GatewayHealth> health = grid.getMap(MapNames.GATEWAY_HEALTH);
        feeds.add(new MirrorFeed<>(health, Predicates.alwaysTrue(), h -> index.setUp(h.gatewayId(), h.takesCalls()),
                (id, old) -> index.setUp(id, true)));
        feeds.forEach(MirrorFeed::listen);
        feeds.forEach(MirrorFeed::load);
        // A member of the smaller side of a split takes the larger side's entries without an event for
        // each: read the maps again. (Entries deleted on the larger side stay until they change again.)
        lifecycleListener = grid.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleState.MERGED) {
                submit(() -> feeds.forEach(MirrorFeed::load));
            }
        });
    }

    private static Comparable<?>[] indexedKinds() {
        return Arrays.stream(ConfigKind.values()).filter(TrunkingIndex::indexes).map(Enum::name)
                .toArray(Comparable<?>[]::new);
    }

    private void resolveSoon() {
        if (resolvePending.compareAndSet(false, true)) {
            try {
                resolving.schedule(this::resolveNow, RESOLVE_AFTER_CHANGE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                resolvePending.set(false);
            }
        }
    }

    /** Never throws: a periodic task that throws is never run again. */
    private void resolveNow() {
        resolvePending.set(false);
        try {
            index.resolveHostNames(resolver);
        } catch (RuntimeException e) {
            LOG.warn("Resolving the gateways' host names failed; calls from them are not known as carriers'", e);
        }
    }

    private void submit(Runnable task) {
        try {
            resolving.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("Reading the trunking maps again after a merge failed", e);
                }
            });
        } catch (RejectedExecutionException closed) {
            // Closing: nothing to keep current.
        }
    }

    /** A host's addresses as text; none, and a debug line, when it does not resolve (a gateway's typo must not fail a node). */
    static List<String> addressesOf(String host) {
        try {
            return Arrays.stream(InetAddress.getAllByName(host)).map(InetAddress::getHostAddress).toList();
        } catch (UnknownHostException e) {
            LOG.debug("Gateway host {} does not resolve: {}", host, e.getMessage());
            return List.of();
        }
    }

    /** Stops listening and resolving; the index keeps what it holds. */
    @Override
    public void close() {
        resolving.shutdownNow();
        UUID lifecycle = lifecycleListener;
        if (lifecycle != null) {
            quietly(() -> grid.getLifecycleService().removeLifecycleListener(lifecycle));
        }
        feeds.forEach(feed -> quietly(feed::stop));
    }

    /** The grid may already be down when the node stops: nothing is left to unregister then. */
    private static void quietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.debug("Trunking mirror: {}", e.toString());
        }
    }
}
