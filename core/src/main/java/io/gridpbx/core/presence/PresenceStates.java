package io.gridpbx.core.presence;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.BindingStore;
import io.gridpbx.core.presence.body.DialogInfo;
import io.gridpbx.core.presence.body.MessageSummary;
import io.gridpbx.core.presence.body.PresenceDocument;
import io.gridpbx.core.presence.body.WatcherInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A resource's current state in each package, as the body of a NOTIFY: read once per change, then
 * written for each watcher with its own document version.
 *
 * <ul>
 *   <li>presence: the newest live publication (RFC 3903); without one, derived: open while the user
 *       has a registered contact, closed otherwise; "on-the-phone" (RPID) while it is in an answered
 *       call;</li>
 *   <li>dialog: the user's calls, full state (RFC 4235 section 4.1);</li>
 *   <li>message-summary: new and old voicemail (RFC 3842 section 5.2);</li>
 *   <li>presence.winfo: the watchers of the user's presence (RFC 3857).</li>
 * </ul>
 */
final class PresenceStates {

    static final String ON_THE_PHONE = "on-the-phone";

    private final SubscriptionStore subscriptions;
    private final PublicationStore publications;
    private final CallStateStore calls;
    private final BindingStore bindings;
    private final MailboxCounts mailboxes;
    private final Clock clock;

    PresenceStates(SubscriptionStore subscriptions, PublicationStore publications, CallStateStore calls,
            BindingStore bindings, MailboxCounts mailboxes, Clock clock) {
        this.subscriptions = subscriptions;
        this.publications = publications;
        this.calls = calls;
        this.bindings = bindings;
        this.mailboxes = mailboxes;
        this.clock = clock;
    }

    /** The resource's state in {@code event}, as a body for a given subscription (its version goes in). */
    CompletionStage<Function<Subscription, NotifySender.Body>> of(AddressOfRecord resource, EventPackage event) {
        String entity = "sip:" + resource;
        return switch (event) {
            case PRESENCE -> presence(resource).thenApply(document -> {
                NotifySender.Body body = new NotifySender.Body(event.contentType(), document.toXml());
                return subscription -> body;
            });
            case DIALOG -> calls.callsOf(resource).thenApply(userCalls -> {
                var states = userCalls.shownAt(clock.millis()).stream().map(CallState::toDialogState).toList();
                return subscription -> new NotifySender.Body(event.contentType(),
                        new DialogInfo(entity, subscription.version(), true, states).toXml());
            });
            case MESSAGE_SUMMARY -> mailboxes.countOf(resource).thenApply(count -> {
                int heard = count.total() - count.unheard();
                NotifySender.Body body = new NotifySender.Body(event.contentType(),
                        new MessageSummary(count.unheard() > 0, entity, count.unheard(), heard).toText());
                return subscription -> body;
            });
            case PRESENCE_WINFO -> CompletableFuture.completedFuture(subscription -> new NotifySender.Body(
                    event.contentType(), new WatcherInfo(entity, subscription.version(), true, watchersOf(resource)).toXml()));
        };
    }

    /** The presence document: published, or derived from registrations and calls. */
    CompletionStage<PresenceDocument> presence(AddressOfRecord resource) {
        var published = publications.publications(resource).toCompletableFuture();
        var contacts = bindings.lookup(resource).toCompletableFuture();
        var userCalls = calls.callsOf(resource).toCompletableFuture();
        return CompletableFuture.allOf(published, contacts, userCalls).thenApply(done -> {
            long now = clock.millis();
            boolean onThePhone = userCalls.join().onThePhone(now);
            String entity = "sip:" + resource;
            return published.join().current(now)
                    .map(publication -> new PresenceDocument(entity, publication.open(), publication.note(),
                            withPhone(publication.activities(), onThePhone), null))
                    .orElseGet(() -> {
                        boolean registered = !contacts.join().isEmpty();
                        String note = onThePhone ? "On the phone" : registered ? "Available" : "Offline";
                        return new PresenceDocument(entity, registered, note,
                                onThePhone ? List.of(ON_THE_PHONE) : List.of(), null);
                    });
        });
    }

    private List<WatcherInfo.Watcher> watchersOf(AddressOfRecord resource) {
        List<WatcherInfo.Watcher> out = new ArrayList<>();
        for (Subscription watching : subscriptions.watchersOf(resource, EventPackage.PRESENCE)) {
            out.add(new WatcherInfo.Watcher(Integer.toHexString(watching.key().hashCode() & 0x7fffffff),
                    "sip:" + watching.watcher(), "active", "subscribe", null));
        }
        return out;
    }

    private static List<String> withPhone(List<String> activities, boolean onThePhone) {
        if (!onThePhone || activities.contains(ON_THE_PHONE)) {
            return activities;
        }
        List<String> out = new ArrayList<>(activities);
        out.add(ON_THE_PHONE);
        return out;
    }
}
