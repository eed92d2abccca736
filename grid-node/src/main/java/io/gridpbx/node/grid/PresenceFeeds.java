package io.gridpbx.node.grid;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.map.listener.MapListener;
import com.hazelcast.query.Predicates;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.BindingSet;
import io.gridpbx.core.presence.EventPackage;
import io.gridpbx.core.presence.PresenceServer;
import io.gridpbx.core.presence.Subscription;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What tells the presence server that something its watchers see changed: local entry listeners on
 * the maps that hold it, so each change is announced by exactly one member, the owner of its entry.
 *
 * <ul>
 *   <li>{@code presence.subscriptions}: an expired subscription gets its last NOTIFY (terminated,
 *       timeout); a presence subscription added, removed or expired changes its resource's
 *       {@code presence.winfo};</li>
 *   <li>{@code presence.publications}: any change is a change of presence;</li>
 *   <li>{@code presence.calls}: a change of the user's dialogs, and of its presence (on the phone);</li>
 *   <li>{@code locations}: a watched user going from no live contact to some, or back, is a change of
 *       its presence (registered = open). This runs for every REGISTER the member owns: an unwatched
 *       AOR costs one lookup in the subscription mirror, nothing more;</li>
 *   <li>{@code voicemail.mailboxes}: a change of the user's message-summary.</li>
 * </ul>
 */
public final class PresenceFeeds implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceFeeds.class);

    private final BiConsumer<AddressOfRecord, EventPackage> changed;
    private final Consumer<Subscription> expired;
    private final Consumer<AddressOfRecord> gone;
    private final Executor threads;
    private final HazelcastSubscriptions subscriptions;
    private final Clock clock;
    private final List<Registration> registrations = new ArrayList<>();

    private record Registration(IMap<?, ?> map, UUID id) {
    }

    /**
     * @param changed  what to call when a resource's package changed ({@link PresenceServer#changed})
     * @param expired  what to call for a subscription that ran out ({@link PresenceServer#expired}), on {@code threads}
     */
    PresenceFeeds(HazelcastSubscriptions subscriptions, BiConsumer<AddressOfRecord, EventPackage> changed,
            Consumer<Subscription> expired, Executor threads, Clock clock) {
        this(subscriptions, changed, expired, resource -> { }, threads, clock);
    }

    /** @param gone what to call when a user is deleted ({@link PresenceServer#resourceGone}) */
    PresenceFeeds(HazelcastSubscriptions subscriptions, BiConsumer<AddressOfRecord, EventPackage> changed,
            Consumer<Subscription> expired, Consumer<AddressOfRecord> gone, Executor threads, Clock clock) {
        this.gone = gone;
        this.subscriptions = subscriptions;
        this.changed = changed;
        this.expired = expired;
        this.threads = threads;
        this.clock = clock;
    }

    /** Announces this member's changes to {@code presence} from now on; its last NOTIFYs are sent on the grid's callback threads. */
    public static PresenceFeeds start(HazelcastInstance grid, HazelcastSubscriptions subscriptions,
            PresenceServer presence, GridDeadline deadline, Clock clock) {
        PresenceFeeds feeds = new PresenceFeeds(subscriptions, presence::changed, presence::expired,
                presence::resourceGone, deadline.callbacks().executor(), clock);
        feeds.listen(grid);
        return feeds;
    }

    void listen(HazelcastInstance grid) {
        try {
            add(grid.getMap(MapNames.PRESENCE_SUBSCRIPTIONS), new SubscriptionChanges(), true);
            add(grid.getMap(MapNames.PRESENCE_PUBLICATIONS), new KeyChanges(EventPackage.PRESENCE), false);
            add(grid.getMap(MapNames.PRESENCE_CALLS), new KeyChanges(EventPackage.DIALOG, EventPackage.PRESENCE), false);
            add(grid.getMap(MapNames.LOCATIONS), new RegistrationChanges(), true);
            add(grid.getMap(MapNames.VOICEMAIL_MAILBOXES), new KeyChanges(EventPackage.MESSAGE_SUMMARY), false);
            add(grid.getMap(MapNames.USERS), new UserRemovals(), false);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void add(IMap<?, ?> map, MapListener listener, boolean includeValue) {
        registrations.add(new Registration(map, map.addLocalEntryListener(listener, Predicates.alwaysTrue(), includeValue)));
    }

    private void announce(String key, EventPackage event) {
        AddressOfRecord resource;
        try {
            resource = AddressOfRecord.parse(key);
        } catch (IllegalArgumentException notAnAddress) {
            LOG.debug("presence: {} is not an address of record", key);
            return;
        }
        try {
            changed.accept(resource, event);
        } catch (RuntimeException e) {
            LOG.warn("presence: the change of {} ({}) was not announced: {}", key, event.token(), e.toString());
        }
    }

    /** Users deleted: their watchers' subscriptions end (noresource). */
    private final class UserRemovals implements EntryRemovedListener<String, Object> {
        @Override
        public void entryRemoved(EntryEvent<String, Object> event) {
            AddressOfRecord user;
            try {
                user = AddressOfRecord.parse(event.getKey());
            } catch (IllegalArgumentException notAnAddress) {
                return;
            }
            if (Arrays.stream(EventPackage.values()).anyMatch(watchedIn -> subscriptions.watched(user, watchedIn))) {
                threads.execute(() -> gone.accept(user));
            }
        }
    }

    /** Subscriptions: the watchers of presence (winfo), and the last NOTIFY of one that ran out. */
    private final class SubscriptionChanges implements EntryAddedListener<String, Subscription>,
            EntryRemovedListener<String, Subscription>, EntryExpiredListener<String, Subscription> {

        @Override
        public void entryAdded(EntryEvent<String, Subscription> event) {
            watchersChanged(event.getValue());
        }

        @Override
        public void entryRemoved(EntryEvent<String, Subscription> event) {
            watchersChanged(event.getOldValue());
        }

        @Override
        public void entryExpired(EntryEvent<String, Subscription> event) {
            Subscription gone = event.getOldValue() != null ? event.getOldValue() : event.getValue();
            if (gone == null) {
                LOG.warn("subscription {} expired without its value: its watcher is not told", event.getKey());
                return;
            }
            // Sending builds and sends a SIP request: not on the event thread.
            threads.execute(() -> {
                try {
                    expired.accept(gone);
                } catch (RuntimeException e) {
                    LOG.warn("subscription {}: the NOTIFY of its end failed: {}", event.getKey(), e.toString());
                }
            });
            watchersChanged(gone);
        }

        private void watchersChanged(@Nullable Subscription subscription) {
            if (subscription != null && subscription.event() == EventPackage.PRESENCE) {
                announce(subscription.resource().toString(), EventPackage.PRESENCE_WINFO);
            }
        }
    }

    /** A map keyed by AOR whose every change is a change of these packages of that AOR. */
    private final class KeyChanges implements EntryAddedListener<String, Object>, EntryUpdatedListener<String, Object>,
            EntryRemovedListener<String, Object>, EntryExpiredListener<String, Object> {
        private final EventPackage[] events;

        KeyChanges(EventPackage... events) {
            this.events = events;
        }

        @Override
        public void entryAdded(EntryEvent<String, Object> event) {
            changed(event.getKey());
        }

        @Override
        public void entryUpdated(EntryEvent<String, Object> event) {
            changed(event.getKey());
        }

        @Override
        public void entryRemoved(EntryEvent<String, Object> event) {
            changed(event.getKey());
        }

        @Override
        public void entryExpired(EntryEvent<String, Object> event) {
            changed(event.getKey());
        }

        private void changed(String key) {
            for (EventPackage event : events) {
                announce(key, event);
            }
        }
    }

    /**
     * Registrations of watched users that change whether they have a live contact. The watched check
     * comes first and reads only the key, so an unwatched AOR's binding set is never deserialized. An
     * entry that goes (removed, or expired a grace after its last contact) was a registered user's.
     */
    private final class RegistrationChanges implements EntryAddedListener<String, BindingSet>,
            EntryUpdatedListener<String, BindingSet>, EntryRemovedListener<String, BindingSet>,
            EntryExpiredListener<String, BindingSet> {

        @Override
        public void entryAdded(EntryEvent<String, BindingSet> event) {
            if (watched(event.getKey()) && live(event.getValue(), clock.millis())) {
                announce(event.getKey(), EventPackage.PRESENCE);
            }
        }

        @Override
        public void entryUpdated(EntryEvent<String, BindingSet> event) {
            if (watched(event.getKey()) && registrationChanged(event.getOldValue(), event.getValue(), clock.millis())) {
                announce(event.getKey(), EventPackage.PRESENCE);
            }
        }

        @Override
        public void entryRemoved(EntryEvent<String, BindingSet> event) {
            if (watched(event.getKey())) {
                announce(event.getKey(), EventPackage.PRESENCE);
            }
        }

        @Override
        public void entryExpired(EntryEvent<String, BindingSet> event) {
            if (watched(event.getKey())) {
                announce(event.getKey(), EventPackage.PRESENCE);
            }
        }

        private boolean watched(String aor) {
            return subscriptions.watched(aor, EventPackage.PRESENCE);
        }

    }

    /** Whether a user went from no live contact to some, or back: what its watchers see (registered = open). */
    static boolean registrationChanged(@Nullable BindingSet before, @Nullable BindingSet after, long nowMillis) {
        return live(before, nowMillis) != live(after, nowMillis);
    }

    private static boolean live(@Nullable BindingSet set, long nowMillis) {
        return set != null && set.lastExpiryMillis() > nowMillis;
    }

    /** Stops announcing. */
    @Override
    public void close() {
        for (Registration registration : registrations) {
            try {
                registration.map().removeEntryListener(registration.id());
            } catch (RuntimeException e) {
                LOG.debug("presence feeds: {}", e.toString());
            }
        }
        registrations.clear();
    }
}
