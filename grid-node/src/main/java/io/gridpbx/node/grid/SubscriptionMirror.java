package io.gridpbx.node.grid;

import io.gridpbx.core.presence.EventPackage;
import io.gridpbx.core.presence.Subscription;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * This member's copy of who watches whom: per package, resource ({@code user@domain}) to its
 * subscriptions. Written by one thread at a time (the {@link MirrorFeed}'s lock), read by any; a
 * resource nobody watches costs one hash lookup and no allocation, so the registrar and the proxy may
 * ask for every request.
 */
final class SubscriptionMirror {

    private final Map<String, Subscription> byKey = new ConcurrentHashMap<>();
    private final Map<EventPackage, Map<String, Map<String, Subscription>>> byResource = new EnumMap<>(EventPackage.class);
    /** The subscriptions to resource lists, per package: every change of a user is looked up in them. */
    private final Map<EventPackage, Map<String, Subscription>> lists = new EnumMap<>(EventPackage.class);

    SubscriptionMirror() {
        for (EventPackage event : EventPackage.values()) {
            byResource.put(event, new ConcurrentHashMap<>());
            lists.put(event, new ConcurrentHashMap<>());
        }
    }

    @Nullable Subscription get(String key) {
        return byKey.get(key);
    }

    void put(Subscription subscription) {
        String key = subscription.key();
        byKey.put(key, subscription);
        byResource.get(subscription.event())
                .computeIfAbsent(subscription.resource().toString(), resource -> new ConcurrentHashMap<>())
                .put(key, subscription);
        if (subscription.isList()) {
            lists.get(subscription.event()).put(key, subscription);
        }
    }

    /** Forgets a subscription; {@code old} is the removed value when the event carried it. */
    void remove(String key, @Nullable Subscription old) {
        Subscription known = byKey.remove(key);
        Subscription gone = known != null ? known : old;
        if (gone == null) {
            return;
        }
        lists.get(gone.event()).remove(key);
        byResource.get(gone.event()).computeIfPresent(gone.resource().toString(), (resource, subscriptions) -> {
            subscriptions.remove(key);
            return subscriptions.isEmpty() ? null : subscriptions;
        });
    }

    /** The subscriptions to the resource's package that have not run out at {@code nowMillis}. */
    List<Subscription> watchersOf(String resource, EventPackage event, long nowMillis) {
        Map<String, Subscription> subscriptions = byResource.get(event).get(resource);
        if (subscriptions == null) {
            return List.of();
        }
        List<Subscription> live = new ArrayList<>(subscriptions.size());
        for (Subscription subscription : subscriptions.values()) {
            if (subscription.expiresAtMillis() > nowMillis) {
                live.add(subscription);
            }
        }
        return live;
    }

    List<Subscription> lists(EventPackage event, long nowMillis) {
        Map<String, Subscription> ofEvent = lists.get(event);
        if (ofEvent.isEmpty()) {
            return List.of();
        }
        List<Subscription> live = new ArrayList<>(ofEvent.size());
        for (Subscription subscription : ofEvent.values()) {
            if (subscription.expiresAtMillis() > nowMillis) {
                live.add(subscription);
            }
        }
        return live;
    }

    boolean watched(String resource, EventPackage event) {
        return byResource.get(event).containsKey(resource);
    }

    int size() {
        return byKey.size();
    }
}
