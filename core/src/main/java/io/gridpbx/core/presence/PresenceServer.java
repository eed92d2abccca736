package io.gridpbx.core.presence;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.BindingStore;
import io.gridpbx.core.tenancy.TenantDirectory;
import java.time.Clock;
import java.util.HexFormat;
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

    public PresenceServer(TenantDirectory directory, SubscriptionStore subscriptions, PublicationStore publications,
            CallStateStore calls, BindingStore bindings, MailboxCounts mailboxes, NotifySender sender,
            SubscriptionRules rules, NotifyCoalescer coalescer, Clock clock, RandomGenerator random) {
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
    }

    /** Decides a SUBSCRIBE (section 4.2.1); a 200 is followed by {@link #notifyAccepted}. */
    public CompletionStage<SubscribeOutcome> subscribe(SubscribeRequest request) {
        Optional<EventPackage> known = EventPackage.byToken(request.event().eventType());
        if (known.isEmpty()) {
            return done(new SubscribeOutcome.BadEvent());
        }
        EventPackage event = known.get();
        Optional<SubscribeOutcome> refused = refusal(request.watcher(), request.resource(), event);
        if (refused.isPresent()) {
            return done(refused.get());
        }
        SubscriptionRules.Expiry expiry = rules.expiry(request.expires());
        if (expiry instanceof SubscriptionRules.Expiry.TooBrief brief) {
            return done(new SubscribeOutcome.TooBrief(brief.minSeconds()));
        }
        long now = clock.millis();
        int seconds = expiry instanceof SubscriptionRules.Expiry.Granted granted ? granted.seconds() : 0;
        long expiresAt = now + seconds * 1000L;
        if (request.toTag() == null) {
            Subscription created = new Subscription(request.callId(), request.watcherTag(),
                    tagFor(request.callId(), request.watcherTag()), event,
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
            return states.of(subscription.resource(), subscription.event())
                    .thenCompose(body -> notifyOne(subscription.key(), body));
        }
        return states.of(subscription.resource(), subscription.event()).thenCompose(body -> {
            Subscription last = subscription.nextNotify();
            return sender.send(last, "terminated;reason=timeout", body.apply(last));
        });
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

    /** A subscription ran out without a refresh: its watcher is told so (section 4.2.2). */
    public CompletionStage<NotifySender.Result> expired(Subscription subscription) {
        Subscription last = subscription.nextNotify();
        return sender.send(last, "terminated;reason=timeout", null);
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

    /** Whether anyone watches {@code user}'s calls, in a package that shows them: cheap, for the call path. */
    public boolean watchesCalls(AddressOfRecord user) {
        return subscriptions.watched(user, EventPackage.DIALOG) || subscriptions.watched(user, EventPackage.PRESENCE);
    }

    private void notifyAll(AddressOfRecord resource, EventPackage event) {
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
        if (ownOnly ? !watcher.equals(resource) : !rules.mayWatch(watcher, resource)) {
            return Optional.of(new SubscribeOutcome.Refused(403, ownOnly ? "Only The User May Watch This" : "Not Allowed To Watch"));
        }
        return Optional.empty();
    }

    /**
     * The tag this server gives a new subscription's dialog: derived from the SUBSCRIBE's Call-ID and
     * From tag, so a retransmitted SUBSCRIBE answered statelessly gets the same dialog again.
     */
    static String tagFor(String callId, String watcherTag) {
        return "ps" + digest(callId + '|' + watcherTag);
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
