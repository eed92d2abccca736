package io.gridpbx.core.presence;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.BindingStore;
import io.gridpbx.core.presence.xcap.ResolvedService;
import io.gridpbx.core.tenancy.TenantDirectory;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.random.RandomGenerator;

/**
 * The presence server: decides SUBSCRIBEs and PUBLISHes, and notifies watchers when what they watch
 * changes, from whichever node the change reaches (RFC 6665, RFC 3856, RFC 3903, RFC 4235,
 * RFC 3842). Authentication is the SIP layer's; this service decides what an authenticated user may
 * watch or publish.
 *
 * <p>A change is announced with {@link #changed}; changes to one resource's package within
 * {@link NotifyCoalescer#WINDOW_MILLIS} are sent as one NOTIFY per watcher (the state is always
 * full, so the last one says all). Each NOTIFY takes its CSeq and version from the subscription
 * in the grid, so NOTIFYs sent by different nodes never share one.
 */
public final class PresenceServer {

    private final TenantDirectory directory;
    private final SubscriptionStore subscriptions;
    private final PublicationStore publications;
    private final CallStateStore calls;
    private final NotifySender sender;
    private final SubscriptionRules rules;
    private final Clock clock;
    private final RandomGenerator random;
    private final PresenceStates states;
    private final NotifyCoalescer coalescer;
    private final DirectedPickup pickup;
    private final PresenceRulesStore presenceRules;
    private final ResourceListDirectory lists;
    private final ListStates listStates;
    /** The lists resolved lately, by owner and URI: a change of any user looks through every list subscription. */
    private final java.util.Map<String, CachedList> resolvedLists = new java.util.concurrent.ConcurrentHashMap<>();
    static final long LIST_CACHE_MILLIS = 5_000;
    private static final int MOST_CACHED_LISTS = 10_000;

    private record CachedList(long atMillis, Optional<ResolvedService> list) {
    }

    public PresenceServer(TenantDirectory directory, SubscriptionStore subscriptions, PublicationStore publications,
            CallStateStore calls, BindingStore bindings, MailboxCounts mailboxes, NotifySender sender,
            SubscriptionRules rules, NotifyCoalescer coalescer, Clock clock, RandomGenerator random) {
        this(directory, subscriptions, publications, calls, bindings, mailboxes, sender, rules, coalescer, clock, random,
                ResourceListDirectory.NONE);
    }

    /** @param lists the users' resource lists (RFC 4826 rls-services), which subscriptions to a list URI read */
    public PresenceServer(TenantDirectory directory, SubscriptionStore subscriptions, PublicationStore publications,
            CallStateStore calls, BindingStore bindings, MailboxCounts mailboxes, NotifySender sender,
            SubscriptionRules rules, NotifyCoalescer coalescer, Clock clock, RandomGenerator random,
            ResourceListDirectory lists) {
        this(directory, subscriptions, publications, calls, bindings, mailboxes, sender, rules, coalescer, clock, random, lists,
                new InMemoryPresenceRules());
    }

    /** @param presenceRules each user's watcher rules, read on every SUBSCRIBE (so from local memory) */
    public PresenceServer(TenantDirectory directory, SubscriptionStore subscriptions, PublicationStore publications,
            CallStateStore calls, BindingStore bindings, MailboxCounts mailboxes, NotifySender sender,
            SubscriptionRules rules, NotifyCoalescer coalescer, Clock clock, RandomGenerator random,
            PresenceRulesStore presenceRules) {
        this(directory, subscriptions, publications, calls, bindings, mailboxes, sender, rules, coalescer, clock, random,
                ResourceListDirectory.NONE, presenceRules);
    }

    /** With the users' resource lists and watcher rules. */
    public PresenceServer(TenantDirectory directory, SubscriptionStore subscriptions, PublicationStore publications,
            CallStateStore calls, BindingStore bindings, MailboxCounts mailboxes, NotifySender sender,
            SubscriptionRules rules, NotifyCoalescer coalescer, Clock clock, RandomGenerator random,
            ResourceListDirectory lists, PresenceRulesStore presenceRules) {
        this.presenceRules = presenceRules;
        this.lists = lists;
        this.directory = directory;
        this.subscriptions = subscriptions;
        this.publications = publications;
        this.calls = calls;
        this.sender = sender;
        this.rules = rules;
        this.clock = clock;
        this.random = random;
        this.coalescer = coalescer;
        this.states = new PresenceStates(subscriptions, publications, calls, bindings, mailboxes, clock);
        this.pickup = new DirectedPickup(calls, bindings, directory, clock);
        // A list shows a member only to a watcher who could watch it alone: same rules (RFC 4662 section 6).
        this.listStates = new ListStates(states, (watcher, member) -> refusal(watcher, member, EventPackage.PRESENCE).isEmpty());
    }

    /** Decides a SUBSCRIBE (section 4.2.1); a 200 is followed by {@link #notifyAccepted}. */
    public CompletionStage<SubscribeOutcome> subscribe(SubscribeRequest request) {
        Optional<EventPackage> known = EventPackage.byToken(request.event().eventType());
        if (known.isEmpty()) {
            return done(new SubscribeOutcome.BadEvent());
        }
        EventPackage event = known.get();
        if (directory.user(request.resource()).isEmpty()) {
            // Not a user: perhaps one of the watcher's resource lists (RFC 4662 section 4).
            return listOf(request.watcher(), request.resource()).thenCompose(list -> {
                if (list.isEmpty()) {
                    return done(new SubscribeOutcome.Refused(404, "User Not Found"));
                }
                if (!list.get().packages().isEmpty() && !list.get().packages().contains(event.token())) {
                    return done(new SubscribeOutcome.BadEvent());
                }
                if (!request.eventList()) {
                    return done(new SubscribeOutcome.Refused(421, "Extension Required")); // section 4.5
                }
                return accept(request, event, true);
            });
        }
        Optional<SubscribeOutcome> refused = refusal(request.watcher(), request.resource(), event);
        if (refused.isPresent()) {
            return done(refused.get());
        }
        return accept(request, event, false);
    }

    private CompletionStage<SubscribeOutcome> accept(SubscribeRequest request, EventPackage event, boolean list) {
        SubscriptionRules.Expiry expiry = rules.expiry(request.expires());
        if (expiry instanceof SubscriptionRules.Expiry.TooBrief brief) {
            return done(new SubscribeOutcome.TooBrief(brief.minSeconds()));
        }
        long now = clock.millis();
        int seconds = expiry instanceof SubscriptionRules.Expiry.Granted granted ? granted.seconds() : 0;
        long expiresAt = now + seconds * 1000L;
        if (request.toTag() == null) {
            Subscription created = new Subscription(request.callId(), request.watcherTag(),
                    tagFor(request.callId(), request.watcherTag(), list), event,
                    request.event().id(), request.watcher(), request.resource(), request.watcherTarget(), request.flow(),
                    expiresAt, 0, 0, request.nodeId());
            if (seconds == 0) {
                return done(new SubscribeOutcome.Accepted(created, 0, false)); // a fetch (section 4.4.3)
            }
            // A retransmission (answers are stateless) meets the subscription it created: refreshed, not
            // created again, so its CSeq and version go on rising (RFC 3261 section 12.2.2, RFC 4235 section 4.1).
            return subscriptions.refresh(created.key(), request.watcher(), expiresAt, request.nodeId(), request.watcherTarget().contact())
                    .thenCompose(found -> found.isPresent()
                            ? done(new SubscribeOutcome.Accepted(found.get(), seconds, true))
                            : subscriptions.create(created)
                                    .thenApply(stored -> new SubscribeOutcome.Accepted(created, seconds, true)));
        }
        String key = Subscription.keyOf(request.callId(), request.watcherTag(), request.toTag(), event.token(),
                request.event().id());
        return subscriptions.refresh(key, request.watcher(), expiresAt, request.nodeId(), request.watcherTarget().contact())
                .thenCompose(found -> {
                    if (found.isEmpty()) {
                        return done(new SubscribeOutcome.Refused(481, "Subscription Does Not Exist"));
                    }
                    if (seconds == 0) { // unsubscribe (section 4.1.2.3)
                        return subscriptions.remove(key)
                                .thenApply(removed -> new SubscribeOutcome.Accepted(found.get(), 0, false));
                    }
                    return done(new SubscribeOutcome.Accepted(found.get(), seconds, true));
                });
    }

    /**
     * The NOTIFY that follows a 200 to a SUBSCRIBE at once (section 4.2.1.2): the current state, in
     * state {@code active}, or {@code terminated} for a fetch or an unsubscribe.
     */
    public CompletionStage<NotifySender.Result> notifyAccepted(SubscribeOutcome.Accepted accepted) {
        Subscription subscription = accepted.subscription();
        if (accepted.stored()) {
            return stateOf(subscription).thenCompose(body -> notifyOne(subscription.key(), body));
        }
        return stateOf(subscription).thenCompose(body -> subscriptions.finalNotify(subscription)
                .thenCompose(last -> sender.send(last, "terminated;reason=timeout", body.apply(last))));
    }

    /** Decides a PUBLISH of {@code entity}'s presence by the authenticated {@code publisher} (RFC 3903 section 6). */
    public CompletionStage<PublishOutcome> publish(AddressOfRecord publisher, AddressOfRecord entity, PublishRequest request) {
        return publish(publisher, entity, request, newTag());
    }

    /**
     * As above, for a PUBLISH known by {@code requestKey} (its Call-ID, From tag and CSeq): the entity tag
     * it gets is derived from it, so the same PUBLISH sent again (its 200 was lost; answers are stateless)
     * finds its publication already made and gets the same answer, instead of publishing twice and
     * notifying every watcher twice.
     */
    public CompletionStage<PublishOutcome> publishOnce(AddressOfRecord publisher, AddressOfRecord entity,
            PublishRequest request, String requestKey) {
        return publish(publisher, entity, request, "pe" + digest(entity + "|" + requestKey));
    }

    private CompletionStage<PublishOutcome> publish(AddressOfRecord publisher, AddressOfRecord entity,
            PublishRequest request, String newEtag) {
        if (!publisher.equals(entity)) {
            return CompletableFuture.completedFuture(new PublishOutcome.Refused(403, "Only The User May Publish Its Presence"));
        }
        if (directory.user(entity).isEmpty()) {
            return CompletableFuture.completedFuture(new PublishOutcome.Refused(404, "User Not Found"));
        }
        return publications.publish(entity, request, newEtag);
    }

    /** Something {@code resource}'s watchers of {@code event} see changed: they are notified, once per window. */
    public void changed(AddressOfRecord resource, EventPackage event) {
        coalescer.submit(resource + "|" + event.token(), () -> notifyAll(resource, event));
    }

    /**
     * A user was deleted: every subscription to it ends, each with a last NOTIFY
     * {@code terminated;reason=noresource} (RFC 6665 section 4.2.2): its watchers stop retrying.
     */
    public void resourceGone(AddressOfRecord resource) {
        for (EventPackage event : EventPackage.values()) {
            for (Subscription watching : subscriptions.watchersOf(resource, event)) {
                subscriptions.remove(watching.key()).thenCompose(removed -> subscriptions.finalNotify(watching))
                        .thenCompose(last -> sender.send(last, "terminated;reason=noresource", null));
            }
        }
    }

    /** A subscription ran out without a refresh: its watcher is told so (section 4.2.2). */
    public CompletionStage<NotifySender.Result> expired(Subscription subscription) {
        return subscriptions.finalNotify(subscription)
                .thenCompose(last -> sender.send(last, "terminated;reason=timeout", null));
    }

    /**
     * A call of {@code user} changed state: recorded for its watchers when it has any (the check reads
     * this member's mirror, so an unwatched user's calls cost no grid call).
     */
    public void callChanged(AddressOfRecord user, CallState state) {
        if (watchesCalls(user)) {
            calls.changed(user, state);
        }
    }

    /**
     * Where an INVITE with Replaces from {@code picker} to {@code dialled} goes: to the caller of the
     * ringing call it names ({@link DirectedPickup}).
     */
    public CompletionStage<PickupOutcome> pickup(AddressOfRecord picker, AddressOfRecord dialled, Replaces replaces) {
        return pickup.locate(picker, dialled, replaces);
    }

    /**
     * {@code user} changed its presence rules: each subscription to its presence or dialogs that the rules
     * now refuse ends, with a last NOTIFY in state {@code terminated;reason=rejected} (RFC 6665 section
     * 4.2.2: the authorization changed, the watcher should not subscribe again). Reads this member's
     * mirror; the NOTIFYs go from this node.
     *
     * @return how many subscriptions ended
     */
    public CompletionStage<Integer> rulesChanged(AddressOfRecord user) {
        PresenceRules now = presenceRules.rulesOf(user);
        List<CompletableFuture<NotifySender.Result>> ended = new java.util.ArrayList<>();
        for (EventPackage event : List.of(EventPackage.PRESENCE, EventPackage.DIALOG)) {
            for (Subscription watching : subscriptions.watchersOf(user, event)) {
                if (now.decide(watching.watcher(), user) != PresenceRules.Decision.ALLOWED) {
                    ended.add(reject(watching.key()).toCompletableFuture());
                }
            }
        }
        return CompletableFuture.allOf(ended.toArray(CompletableFuture[]::new)).thenApply(all -> ended.size());
    }

    private CompletionStage<NotifySender.Result> reject(String key) {
        return subscriptions.nextNotify(key).thenCompose(last -> last.isEmpty()
                ? done(NotifySender.Result.GONE)
                : subscriptions.remove(key).thenCompose(removed ->
                        sender.send(last.get(), "terminated;reason=rejected", null)));
    }

    /** Whether anyone watches {@code user}'s calls, in a package that shows them: cheap, for the call path. */
    public boolean watchesCalls(AddressOfRecord user) {
        return subscriptions.watched(user, EventPackage.DIALOG) || subscriptions.watched(user, EventPackage.PRESENCE);
    }

    private void notifyAll(AddressOfRecord resource, EventPackage event) {
        notifyLists(resource, event);
        var watchers = subscriptions.watchersOf(resource, event);
        if (watchers.isEmpty()) {
            return;
        }
        states.of(resource, event).thenAccept(body -> {
            for (Subscription watcher : watchers) {
                notifyOne(watcher.key(), body);
            }
        });
    }

    /** The subscriptions to lists that hold {@code resource}: each is notified with its list's whole state. */
    private void notifyLists(AddressOfRecord resource, EventPackage event) {
        for (Subscription list : subscriptions.lists(event)) {
            listOf(list.watcher(), list.resource()).thenAccept(found -> {
                if (found.isPresent() && ListStates.contains(found.get(), resource)) {
                    coalescer.submit("list|" + list.key(),
                            () -> stateOf(list).thenAccept(body -> notifyOne(list.key(), body)));
                }
            });
        }
    }

    /** The state a subscription's NOTIFY carries: its resource's, or its list's (RLMI, RFC 4662). */
    private CompletionStage<java.util.function.Function<Subscription, NotifySender.Body>> stateOf(Subscription subscription) {
        if (!subscription.isList()) {
            return states.of(subscription.resource(), subscription.event());
        }
        return listOf(subscription.watcher(), subscription.resource()).thenCompose(list -> listStates.of(
                subscription.watcher(), list.orElse(new ResolvedService("sip:" + subscription.resource(), List.of(),
                        List.of())), subscription.event()));
    }

    /** {@code owner}'s list at the URI {@code sip:resource}, from a cache of a few seconds. */
    private CompletionStage<Optional<ResolvedService>> listOf(AddressOfRecord owner, AddressOfRecord resource) {
        String uri = "sip:" + resource;
        String key = owner + "|" + uri;
        long now = clock.millis();
        CachedList cached = resolvedLists.get(key);
        if (cached != null && now - cached.atMillis() < LIST_CACHE_MILLIS) {
            return done(cached.list());
        }
        return lists.service(owner, uri).thenApply(found -> {
            if (resolvedLists.size() >= MOST_CACHED_LISTS) {
                resolvedLists.clear();
            }
            resolvedLists.put(key, new CachedList(now, found));
            return found;
        });
    }

    private CompletionStage<NotifySender.Result> notifyOne(String key,
            java.util.function.Function<Subscription, NotifySender.Body> body) {
        return subscriptions.nextNotify(key).thenCompose(next -> {
            if (next.isEmpty()) {
                return CompletableFuture.completedFuture(NotifySender.Result.GONE);
            }
            Subscription subscription = next.get();
            String state = "active;expires=" + subscription.secondsLeftAt(clock.millis());
            return sender.send(subscription, state, body.apply(subscription)).thenCompose(result -> result
                    == NotifySender.Result.GONE
                    ? subscriptions.remove(key).thenApply(removed -> result)
                    : CompletableFuture.completedFuture(result));
        });
    }

    private Optional<SubscribeOutcome> refusal(AddressOfRecord watcher, AddressOfRecord resource, EventPackage event) {
        if (directory.user(resource).isEmpty()) {
            return Optional.of(new SubscribeOutcome.Refused(404, "User Not Found"));
        }
        boolean ownOnly = event == EventPackage.MESSAGE_SUMMARY || event == EventPackage.PRESENCE_WINFO;
        if (ownOnly) {
            return watcher.equals(resource) ? Optional.empty()
                    : Optional.of(new SubscribeOutcome.Refused(403, "Only The User May Watch This"));
        }
        // An access list decides at once: 403 (RFC 6665 section 4.2.1.1), not a subscription left pending.
        return switch (presenceRules.rulesOf(resource).decide(watcher, resource)) {
            case ALLOWED -> Optional.empty();
            case BLOCKED -> Optional.of(new SubscribeOutcome.Refused(403, "Watcher Blocked"));
            case NOT_ALLOWED -> Optional.of(new SubscribeOutcome.Refused(403, "Not Allowed To Watch"));
        };
    }

    /**
     * The tag this server gives a new subscription's dialog: derived from the SUBSCRIBE's Call-ID and
     * From tag, so a retransmitted SUBSCRIBE answered statelessly gets the same dialog again.
     */
    static String tagFor(String callId, String watcherTag, boolean list) {
        return (list ? Subscription.LIST_TAG_PREFIX : "ps") + digest(callId + '|' + watcherTag);
    }

    private static String digest(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }

    private String newTag() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static <T> CompletionStage<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
