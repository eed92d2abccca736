package io.gridpbx.core.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.MutableClock;
import io.gridpbx.core.dialog.DialogTarget;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.ContactRequest;
import io.gridpbx.core.location.InMemoryBindingStore;
import io.gridpbx.core.location.RegisterOutcome;
import io.gridpbx.core.location.RegisterRequest;
import io.gridpbx.core.location.RegistrationPolicy;
import io.gridpbx.core.presence.RecordingNotifySender.Sent;
import io.gridpbx.core.presence.body.DialogInfo;
import io.gridpbx.core.presence.body.DialogState.Direction;
import io.gridpbx.core.presence.body.DialogState.State;
import io.gridpbx.core.presence.body.MessageSummary;
import io.gridpbx.core.presence.body.PresenceDocument;
import io.gridpbx.core.presence.body.WatcherInfo;
import io.gridpbx.core.store.Stages;
import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.tenancy.InMemoryTenantDirectory;
import io.gridpbx.core.tenancy.TenantProvisioning;
import io.gridpbx.core.voicemail.Mailbox;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.groups.Tuple;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The presence server on in-memory stores, with a NOTIFY sender that records and a timer the test runs. */
class PresenceServerTest {

    private static final String OFFICE = "office.demo.gridpbx.test";
    private static final AddressOfRecord ALICE = new AddressOfRecord("200", OFFICE);
    private static final AddressOfRecord BOB = new AddressOfRecord("201", OFFICE);
    private static final AddressOfRecord CAROL = new AddressOfRecord("202", OFFICE);
    private static final AddressOfRecord NOBODY = new AddressOfRecord("299", OFFICE);
    private static final AddressOfRecord ACME = new AddressOfRecord("300", "acme.demo.gridpbx.test");

    private final MutableClock clock = new MutableClock(Instant.parse("2027-01-15T10:00:00Z"));
    private final InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
    private final InMemorySubscriptions subscriptions = new InMemorySubscriptions(clock);
    private final InMemoryPublications publications = new InMemoryPublications(SubscriptionRules.DEFAULT, clock);
    private final InMemoryCallStates calls = new InMemoryCallStates(clock);
    private final InMemoryBindingStore bindings = new InMemoryBindingStore(clock);
    private final Map<AddressOfRecord, Mailbox.Count> mailboxes = new HashMap<>();
    private final RecordingNotifySender sender = new RecordingNotifySender();
    private final ManualScheduler timer = new ManualScheduler();
    private final PresenceServer server;

    PresenceServerTest() {
        DemoTenants.create(new TenantProvisioning(directory));
        MailboxCounts counts = user -> CompletableFuture.completedFuture(mailboxes.getOrDefault(user, Mailbox.Count.NONE));
        server = new PresenceServer(directory, subscriptions, publications, calls, bindings, counts, sender,
                SubscriptionRules.DEFAULT, new NotifyCoalescer(timer, 0), clock, new Random(7));
        // as the node wires them: a change in a store tells the server
        publications.onChange(entity -> server.changed(entity, EventPackage.PRESENCE));
        calls.onChange(user -> {
            server.changed(user, EventPackage.DIALOG);
            server.changed(user, EventPackage.PRESENCE);
        });
    }

    // --- SUBSCRIBE ---

    @Test
    void newSubscription_isAcceptedWithATagFromCallIdAndFromTag_andStored() {
        SubscribeOutcome outcome = subscribe(newSubscribe("call-1", "wt1", ALICE, BOB, "presence", 600));

        SubscribeOutcome.Accepted accepted = accepted(outcome);
        assertThat(accepted.seconds()).isEqualTo(600);
        assertThat(accepted.stored()).isTrue();
        Subscription subscription = accepted.subscription();
        assertThat(subscription.ourTag()).isEqualTo(PresenceServer.tagFor("call-1", "wt1", false)).startsWith("ps")
                .isNotEqualTo(PresenceServer.tagFor("call-2", "wt1", false)).isNotEqualTo(PresenceServer.tagFor("call-1", "wt2", false));
        assertThat(subscription.expiresAtMillis()).isEqualTo(clock.millis() + 600_000);
        assertThat(subscription.cseq()).isZero();
        assertThat(subscriptions.watchersOf(BOB, EventPackage.PRESENCE)).containsExactly(subscription);
        assertThat(server.watchesCalls(BOB)).isTrue();
        assertThat(server.watchesCalls(ALICE)).isFalse();
    }

    @Test
    void retransmittedSubscribe_meetsTheSameDialog() {
        SubscribeRequest request = newSubscribe("call-1", "wt1", ALICE, BOB, "dialog", null);
        Subscription first = accepted(subscribe(request)).subscription();

        Subscription again = accepted(subscribe(request)).subscription();

        assertThat(again.ourTag()).isEqualTo(first.ourTag());
        assertThat(again.key()).isEqualTo(first.key());
        assertThat(subscriptions.watchersOf(BOB, EventPackage.DIALOG)).hasSize(1);
    }

    @Test
    void retransmittedSubscribeAfterItsNotifies_doesNotStartTheCseqAgain() {
        // answers are stateless: a SUBSCRIBE whose 200 was lost comes back after the first NOTIFYs
        SubscribeRequest request = newSubscribe("call-1", "wt1", ALICE, BOB, "dialog", null);
        notifyAccepted(subscribe(request));
        server.changed(BOB, EventPackage.DIALOG);
        timer.runAll();
        assertThat(sender.last().subscription().cseq()).isEqualTo(2);

        notifyAccepted(subscribe(request));

        assertThat(sender.last().subscription().cseq()).isEqualTo(3);
        assertThat(sender.last().subscription().version()).isEqualTo(3);
    }

    @Test
    void unknownPackage_isBadEvent() {
        assertThat(subscribe(newSubscribe("call-1", "wt1", ALICE, BOB, "reg", 600)))
                .isEqualTo(new SubscribeOutcome.BadEvent());
        assertThat(subscriptions.watched(BOB, EventPackage.PRESENCE)).isFalse();
    }

    @Test
    void packageNameInAnyCase_isServed() {
        assertThat(accepted(subscribe(newSubscribe("call-1", "wt1", ALICE, BOB, "Presence", 600))).subscription().event())
                .isEqualTo(EventPackage.PRESENCE);
    }

    @Test
    void unknownUser_is404() {
        assertThat(subscribe(newSubscribe("call-1", "wt1", ALICE, NOBODY, "presence", 600)))
                .isEqualTo(new SubscribeOutcome.Refused(404, "User Not Found"));
    }

    @Test
    void userOfAnotherClient_is403() {
        assertThat(subscribe(newSubscribe("call-1", "wt1", ACME, BOB, "presence", 600)))
                .isInstanceOfSatisfying(SubscribeOutcome.Refused.class, refused -> assertThat(refused.status()).isEqualTo(403));
        assertThat(subscribe(newSubscribe("call-2", "wt1", ALICE, ACME, "dialog", 600)))
                .isInstanceOfSatisfying(SubscribeOutcome.Refused.class, refused -> assertThat(refused.status()).isEqualTo(403));
        assertThat(subscriptions.watched(BOB, EventPackage.PRESENCE)).isFalse();
    }

    @Test
    void messageSummaryOrWatcherInfoOfAnotherUser_is403EvenInTheSameClient() {
        assertThat(subscribe(newSubscribe("call-1", "wt1", ALICE, BOB, "message-summary", 600)))
                .isEqualTo(new SubscribeOutcome.Refused(403, "Only The User May Watch This"));
        assertThat(subscribe(newSubscribe("call-2", "wt1", ALICE, BOB, "presence.winfo", 600)))
                .isEqualTo(new SubscribeOutcome.Refused(403, "Only The User May Watch This"));
        assertThat(subscribe(newSubscribe("call-3", "wt1", BOB, BOB, "message-summary", 600)))
                .isInstanceOf(SubscribeOutcome.Accepted.class);
    }

    @Test
    void tooBriefExpires_is423WithTheMinimum() {
        assertThat(subscribe(newSubscribe("call-1", "wt1", ALICE, BOB, "presence", 59)))
                .isEqualTo(new SubscribeOutcome.TooBrief(60));
        assertThat(subscriptions.watched(BOB, EventPackage.PRESENCE)).isFalse();
    }

    @Test
    void fetch_isAcceptedNotStored_andItsNotifyEndsItWithTheCurrentState() throws Exception {
        SubscribeOutcome.Accepted fetch = accepted(subscribe(newSubscribe("call-1", "wt1", ALICE, BOB, "presence", 0)));

        assertThat(fetch.seconds()).isZero();
        assertThat(fetch.stored()).isFalse();
        assertThat(subscriptions.watched(BOB, EventPackage.PRESENCE)).isFalse();
        assertThat(Stages.await(server.notifyAccepted(fetch))).isEqualTo(NotifySender.Result.DELIVERED);
        Sent notify = sender.last();
        assertThat(notify.state()).isEqualTo("terminated;reason=timeout");
        assertThat(notify.subscription().cseq()).isEqualTo(1);
        assertThat(notify.body().contentType()).isEqualTo("application/pidf+xml");
        assertThat(PresenceDocument.parse(notify.body().content()).open()).isFalse();
    }

    @Test
    void refreshOfAnUnknownSubscription_is481() {
        SubscribeRequest refresh = inDialog(newSubscribe("call-1", "wt1", ALICE, BOB, "presence", 600), "ps-unknown", 600);

        assertThat(subscribe(refresh)).isEqualTo(new SubscribeOutcome.Refused(481, "Subscription Does Not Exist"));
    }

    @Test
    void refreshOfAnotherPackageOrId_is481() {
        SubscribeRequest request = newSubscribe("call-1", "wt1", ALICE, BOB, "presence", 600);
        Subscription subscription = accepted(subscribe(request)).subscription();

        SubscribeRequest dialog = inDialog(newSubscribe("call-1", "wt1", ALICE, BOB, "dialog", 600), subscription.ourTag(), 600);
        SubscribeRequest withId = inDialog(newSubscribe("call-1", "wt1", ALICE, BOB, "presence;id=2", 600),
                subscription.ourTag(), 600);

        assertThat(subscribe(dialog)).isInstanceOf(SubscribeOutcome.Refused.class);
        assertThat(subscribe(withId)).isInstanceOf(SubscribeOutcome.Refused.class);
    }

    @Test
    void refresh_extendsTheSubscriptionAndTakesTheNewContact() {
        SubscribeRequest request = newSubscribe("call-1", "wt1", ALICE, BOB, "presence", 600);
        Subscription subscription = accepted(subscribe(request)).subscription();
        clock.advance(Duration.ofSeconds(500));

        SubscribeRequest refresh = new SubscribeRequest("call-1", "wt1", subscription.ourTag(), EventHeader.parse("presence"),
                ALICE, BOB, new DialogTarget("sip:200@192.0.2.99:5062", List.of()), null, 600, "node-b");
        SubscribeOutcome.Accepted accepted = accepted(subscribe(refresh));

        assertThat(accepted.stored()).isTrue();
        assertThat(accepted.seconds()).isEqualTo(600);
        clock.advance(Duration.ofSeconds(500));
        assertThat(subscriptions.watchersOf(BOB, EventPackage.PRESENCE)).singleElement().satisfies(stored -> {
            assertThat(stored.watcherTarget().contact()).isEqualTo("sip:200@192.0.2.99:5062");
            assertThat(stored.nodeId()).isEqualTo("node-b");
            assertThat(stored.secondsLeftAt(clock.millis())).isEqualTo(100);
        });
    }

    @Test
    void unsubscribe_removesTheSubscriptionAndNotifiesTerminated() {
        SubscribeRequest request = newSubscribe("call-1", "wt1", ALICE, BOB, "presence", 600);
        Subscription subscription = notifyAccepted(subscribe(request)).subscription();
        assertThat(sender.last().subscription().cseq()).isEqualTo(1);

        SubscribeOutcome.Accepted unsubscribed = notifyAccepted(subscribe(inDialog(request, subscription.ourTag(), 0)));

        assertThat(unsubscribed.stored()).isFalse();
        assertThat(unsubscribed.seconds()).isZero();
        assertThat(subscriptions.watched(BOB, EventPackage.PRESENCE)).isFalse();
        assertThat(sender.last().state()).isEqualTo("terminated;reason=timeout");
        assertThat(sender.last().subscription().cseq()).isEqualTo(2);
        assertThat(sender.last().body()).isNotNull();
        // and it is gone: a second unsubscribe meets no subscription
        assertThat(subscribe(inDialog(request, subscription.ourTag(), 0)))
                .isEqualTo(new SubscribeOutcome.Refused(481, "Subscription Does Not Exist"));
    }

    // --- NOTIFY bodies ---

    @Test
    void firstNotify_isActiveWithClosedPresenceWhileNobodyIsRegistered() throws Exception {
        notifyAccepted(subscribe(newSubscribe("call-1", "wt1", ALICE, BOB, "presence", 600)));

        Sent notify = sender.last();
        assertThat(notify.state()).isEqualTo("active;expires=600");
        assertThat(notify.subscription().cseq()).isEqualTo(1);
        assertThat(notify.body().contentType()).isEqualTo("application/pidf+xml");
        PresenceDocument document = PresenceDocument.parse(notify.body().content());
        assertThat(document.entity()).isEqualTo("sip:201@office.demo.gridpbx.test");
        assertThat(document.open()).isFalse();
        assertThat(document.activities()).isEmpty();
    }

    @Test
    void activeExpires_isTheTimeLeft() {
        SubscribeOutcome.Accepted accepted = accepted(subscribe(newSubscribe("call-1", "wt1", ALICE, BOB, "presence", 600)));
        clock.advance(Duration.ofMillis(100_500));

        Stages.await(server.notifyAccepted(accepted));

        assertThat(sender.last().state()).isEqualTo("active;expires=500");
    }

    @Test
    void presence_isOpenOnceTheUserIsRegistered() throws Exception {
        register(BOB);

        notifyAccepted(subscribe(newSubscribe("call-1", "wt1", ALICE, BOB, "presence", 600)));

        PresenceDocument document = PresenceDocument.parse(sender.last().body().content());
        assertThat(document.open()).isTrue();
        assertThat(document.activities()).doesNotContain(PresenceStates.ON_THE_PHONE);
    }

    @Test
    void presence_isOnThePhoneWhileInAnAnsweredCall() throws Exception {
        register(BOB);
        notifyAccepted(subscribe(newSubscribe("call-1", "wt1", ALICE, BOB, "presence", 600)));
        sender.clear();

        server.callChanged(BOB, call("c1", State.EARLY));
        timer.runAll();
        assertThat(PresenceDocument.parse(sender.last().body().content()).activities()).isEmpty();

        server.callChanged(BOB, call("c1", State.CONFIRMED));
        timer.runAll();
        PresenceDocument onThePhone = PresenceDocument.parse(sender.last().body().content());
        assertThat(onThePhone.open()).isTrue();
        assertThat(onThePhone.activities()).containsExactly("on-the-phone");

        server.callChanged(BOB, call("c1", State.TERMINATED));
        timer.runAll();
        assertThat(PresenceDocument.parse(sender.last().body().content()).activities()).isEmpty();
    }

    @Test
    void publishedPresence_winsOverRegistrationAndKeepsOnThePhone() throws Exception {
        notifyAccepted(subscribe(newSubscribe("call-1", "wt1", ALICE, BOB, "dialog", 600)));
        server.callChanged(BOB, call("c1", State.CONFIRMED));
        Subscription watcher = notifyAccepted(subscribe(newSubscribe("call-2", "wt2", CAROL, BOB, "presence", 600)))
                .subscription();
        timer.runAll();
        sender.clear();

        PublishOutcome outcome = Stages.await(server.publish(BOB, BOB, new PublishRequest(null,
                new PresenceDocument("sip:201@office.demo.gridpbx.test", true, "In a meeting", List.of("meeting"), null),
                600)));
        timer.runAll();

        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Published.class, published -> {
            assertThat(published.seconds()).isEqualTo(600);
            assertThat(published.etag()).hasSize(16);
        });
        assertThat(sender.sent()).singleElement().satisfies(notify -> {
            assertThat(notify.subscription().key()).isEqualTo(watcher.key());
            PresenceDocument document = PresenceDocument.parse(notify.body().content());
            assertThat(document.open()).isTrue();
            assertThat(document.note()).isEqualTo("In a meeting");
            assertThat(document.activities()).containsExactly("meeting", "on-the-phone");
        });
    }

    @Test
    void dialogInfo_carriesTheCallsAndTheSubscriptionsVersion() throws Exception {
        notifyAccepted(subscribe(newSubscribe("call-1", "wt1", ALICE, BOB, "dialog", 600)));
        DialogInfo first = DialogInfo.parse(sender.last().body().content());
        assertThat(first.version()).isEqualTo(sender.last().subscription().version()).isEqualTo(1);
        assertThat(first.dialogs()).isEmpty();
        assertThat(first.full()).isTrue();

        server.callChanged(BOB, call("c1", State.EARLY));
        timer.runAll();
        server.callChanged(BOB, call("c1", State.CONFIRMED));
        timer.runAll();

        Sent last = sender.last();
        assertThat(last.body().contentType()).isEqualTo("application/dialog-info+xml");
        DialogInfo info = DialogInfo.parse(last.body().content());
        assertThat(info.version()).isEqualTo(last.subscription().version()).isEqualTo(3);
        assertThat(info.entity()).isEqualTo("sip:201@office.demo.gridpbx.test");
        assertThat(info.dialogs()).singleElement().satisfies(dialog -> {
            assertThat(dialog.callId()).isEqualTo("c1");
            assertThat(dialog.state()).isEqualTo(State.CONFIRMED);
            assertThat(dialog.localTag()).isEqualTo("l-c1");
            assertThat(dialog.direction()).isEqualTo(Direction.RECIPIENT);
        });
    }

    @Test
    void eachWatcher_getsItsOwnDialogInfoVersion() throws Exception {
        notifyAccepted(subscribe(newSubscribe("call-1", "wt1", ALICE, BOB, "dialog", 600)));
        server.callChanged(BOB, call("c1", State.EARLY));
        timer.runAll();
        notifyAccepted(subscribe(newSubscribe("call-2", "wt2", CAROL, BOB, "dialog", 600)));
        sender.clear();

        server.callChanged(BOB, call("c1", State.CONFIRMED));
        timer.runAll();

        assertThat(sender.sent()).hasSize(2);
        for (Sent notify : sender.sent()) {
            long expected = notify.subscription().watcher().equals(ALICE) ? 3 : 2;
            assertThat(DialogInfo.parse(notify.body().content()).version()).isEqualTo(expected);
        }
    }

    @Test
    void messageSummary_followsTheMailbox() throws Exception {
        mailboxes.put(BOB, new Mailbox.Count(2, 5));

        notifyAccepted(subscribe(newSubscribe("call-1", "wt1", BOB, BOB, "message-summary", 600)));

        Sent notify = sender.last();
        assertThat(notify.body().contentType()).isEqualTo("application/simple-message-summary");
        MessageSummary summary = MessageSummary.parse(notify.body().content());
        assertThat(summary.waiting()).isTrue();
        assertThat(summary.newMessages()).isEqualTo(2);
        assertThat(summary.oldMessages()).isEqualTo(3);

        mailboxes.put(BOB, new Mailbox.Count(0, 5));
        server.changed(BOB, EventPackage.MESSAGE_SUMMARY);
        timer.runAll();
        assertThat(MessageSummary.parse(sender.last().body().content()).waiting()).isFalse();
    }

    @Test
    void watcherInfo_listsThePresenceWatchers() throws Exception {
        notifyAccepted(subscribe(newSubscribe("call-1", "wt1", ALICE, BOB, "presence", 600)));
        notifyAccepted(subscribe(newSubscribe("call-2", "wt2", BOB, BOB, "presence.winfo", 600)));

        Sent notify = sender.last();
        assertThat(notify.body().contentType()).isEqualTo("application/watcherinfo+xml");
        WatcherInfo info = WatcherInfo.parse(notify.body().content());
        assertThat(info.version()).isEqualTo(notify.subscription().version());
        assertThat(info.watchers()).extracting(WatcherInfo.Watcher::uri).containsExactly("sip:200@office.demo.gridpbx.test");
    }

    // --- changes ---

    @Test
    void changed_sendsOneNotifyPerWatcherPerRoundWithIncreasingCseq() {
        notifyAccepted(subscribe(newSubscribe("call-1", "wt1", ALICE, BOB, "presence", 600)));
        notifyAccepted(subscribe(newSubscribe("call-2", "wt2", CAROL, BOB, "presence", 600)));
        notifyAccepted(subscribe(newSubscribe("call-3", "wt3", BOB, ALICE, "presence", 600)));
        sender.clear();

        server.changed(BOB, EventPackage.PRESENCE);
        server.changed(BOB, EventPackage.PRESENCE);
        server.changed(BOB, EventPackage.PRESENCE);
        assertThat(sender.sent()).isEmpty();
        timer.runAll();

        assertThat(sender.sent()).extracting(sent -> sent.subscription().watcher(), sent -> sent.subscription().cseq())
                .containsExactlyInAnyOrder(Tuple.tuple(ALICE, 2L),
                        Tuple.tuple(CAROL, 2L));
        assertThat(sender.sent()).allSatisfy(sent -> assertThat(sent.state()).isEqualTo("active;expires=600"));

        server.changed(BOB, EventPackage.PRESENCE);
        timer.runAll();
        assertThat(sender.sent()).hasSize(4);
        assertThat(sender.sent().subList(2, 4)).allSatisfy(sent -> assertThat(sent.subscription().cseq()).isEqualTo(3));
    }

    @Test
    void changeOfAnotherPackage_notifiesNoOne() {
        notifyAccepted(subscribe(newSubscribe("call-1", "wt1", ALICE, BOB, "presence", 600)));
        sender.clear();

        server.changed(BOB, EventPackage.DIALOG);
        server.changed(ALICE, EventPackage.PRESENCE);
        timer.runAll();

        assertThat(sender.sent()).isEmpty();
    }

    @Test
    void expiredSubscription_isNotNotified() {
        notifyAccepted(subscribe(newSubscribe("call-1", "wt1", ALICE, BOB, "presence", 600)));
        sender.clear();
        clock.advance(Duration.ofSeconds(600));

        server.changed(BOB, EventPackage.PRESENCE);
        timer.runAll();

        assertThat(sender.sent()).isEmpty();
    }

    @Test
    void watcherAnsweringGone_losesItsSubscription() {
        notifyAccepted(subscribe(newSubscribe("call-1", "wt1", ALICE, BOB, "presence", 600)));
        sender.answer(NotifySender.Result.GONE);

        server.changed(BOB, EventPackage.PRESENCE);
        timer.runAll();

        assertThat(subscriptions.watched(BOB, EventPackage.PRESENCE)).isFalse();
        sender.clear();
        server.changed(BOB, EventPackage.PRESENCE);
        timer.runAll();
        assertThat(sender.sent()).isEmpty();
    }

    @Test
    void watcherAnsweringGoneToTheFirstNotify_losesItsSubscription() {
        sender.answer(NotifySender.Result.GONE);

        SubscribeOutcome.Accepted accepted = accepted(subscribe(newSubscribe("call-1", "wt1", ALICE, BOB, "presence", 600)));

        assertThat(Stages.await(server.notifyAccepted(accepted))).isEqualTo(NotifySender.Result.GONE);
        assertThat(subscriptions.watched(BOB, EventPackage.PRESENCE)).isFalse();
    }

    @Test
    void watcherFailingOnce_keepsItsSubscription() {
        notifyAccepted(subscribe(newSubscribe("call-1", "wt1", ALICE, BOB, "presence", 600)));
        sender.answer(NotifySender.Result.FAILED);

        server.changed(BOB, EventPackage.PRESENCE);
        timer.runAll();

        assertThat(subscriptions.watched(BOB, EventPackage.PRESENCE)).isTrue();
    }

    @Test
    void callChanged_isRecordedOnlyForWatchedUsers() {
        server.callChanged(BOB, call("c1", State.CONFIRMED));
        assertThat(Stages.await(calls.callsOf(BOB)).calls()).isEmpty();

        notifyAccepted(subscribe(newSubscribe("call-1", "wt1", ALICE, BOB, "dialog", 600)));
        server.callChanged(BOB, call("c2", State.EARLY));
        server.callChanged(ALICE, call("c3", State.EARLY));

        assertThat(Stages.await(calls.callsOf(BOB)).calls()).extracting(CallState::callId).containsExactly("c2");
        assertThat(Stages.await(calls.callsOf(ALICE)).calls()).isEmpty();
    }

    @Test
    void messageSummaryWatcher_doesNotMakeCallsWatched() {
        notifyAccepted(subscribe(newSubscribe("call-1", "wt1", BOB, BOB, "message-summary", 600)));

        assertThat(server.watchesCalls(BOB)).isFalse();
    }

    @Test
    void expired_tellsTheWatcherWithoutABody() {
        Subscription subscription = notifyAccepted(subscribe(newSubscribe("call-1", "wt1", ALICE, BOB, "presence", 600)))
                .subscription();

        Stages.await(server.expired(subscriptions.watchersOf(BOB, EventPackage.PRESENCE).getFirst()));

        assertThat(sender.last().state()).isEqualTo("terminated;reason=timeout");
        assertThat(sender.last().body()).isNull();
        assertThat(sender.last().subscription().key()).isEqualTo(subscription.key());
        assertThat(sender.last().subscription().cseq()).isEqualTo(2);
    }

    @Test
    void deletedUser_endsEverySubscriptionToIt_withNoresource() {
        notifyAccepted(subscribe(newSubscribe("call-1", "wt1", ALICE, BOB, "presence", 600)));
        notifyAccepted(subscribe(newSubscribe("call-2", "wt2", ALICE, BOB, "dialog", 600)));
        sender.clear();

        server.resourceGone(BOB);

        assertThat(sender.sent()).hasSize(2).allSatisfy(sent -> {
            assertThat(sent.state()).isEqualTo("terminated;reason=noresource");
            assertThat(sent.subscription().cseq()).as("after the first NOTIFY").isEqualTo(2);
        });
        assertThat(subscriptions.watched(BOB, EventPackage.PRESENCE)).isFalse();
        assertThat(subscriptions.watched(BOB, EventPackage.DIALOG)).isFalse();
    }

    // --- PUBLISH ---

    @Test
    void publishOfAnotherUsersPresence_is403() {
        PublishOutcome outcome = Stages.await(server.publish(ALICE, BOB, new PublishRequest(null,
                PresenceDocument.open("sip:201@office.demo.gridpbx.test"), 600)));

        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Refused.class,
                refused -> assertThat(refused.status()).isEqualTo(403));
        assertThat(Stages.await(publications.publications(BOB)).live()).isEmpty();
    }

    @Test
    void publishForAnUnknownUser_is404() {
        PublishOutcome outcome = Stages.await(server.publish(NOBODY, NOBODY, new PublishRequest(null,
                PresenceDocument.open("sip:299@office.demo.gridpbx.test"), 600)));

        assertThat(outcome).isEqualTo(new PublishOutcome.Refused(404, "User Not Found"));
    }

    @Test
    void publishRefreshAndRemoval_goThroughTheStore() throws Exception {
        notifyAccepted(subscribe(newSubscribe("call-1", "wt1", ALICE, BOB, "presence", 600)));
        PublishOutcome.Published published = (PublishOutcome.Published) Stages.await(server.publish(BOB, BOB,
                new PublishRequest(null, PresenceDocument.open("sip:201@office.demo.gridpbx.test"), 600)));
        timer.runAll();
        assertThat(PresenceDocument.parse(sender.last().body().content()).open()).isTrue();

        PublishOutcome refreshed = Stages.await(server.publish(BOB, BOB, new PublishRequest(published.etag(), null, 600)));
        assertThat(refreshed).isInstanceOfSatisfying(PublishOutcome.Published.class,
                again -> assertThat(again.etag()).isNotEqualTo(published.etag()));
        assertThat(Stages.await(server.publish(BOB, BOB, new PublishRequest(published.etag(), null, 0))))
                .isEqualTo(new PublishOutcome.Refused(412, "Conditional Request Failed"));

        String etag = ((PublishOutcome.Published) refreshed).etag();
        assertThat(Stages.await(server.publish(BOB, BOB, new PublishRequest(etag, null, 0))))
                .isEqualTo(new PublishOutcome.Removed());
        timer.runAll();
        assertThat(PresenceDocument.parse(sender.last().body().content()).open()).isFalse();
    }

    // --- helpers ---

    private SubscribeOutcome subscribe(SubscribeRequest request) {
        return Stages.await(server.subscribe(request));
    }

    private SubscribeOutcome.Accepted notifyAccepted(SubscribeOutcome outcome) {
        SubscribeOutcome.Accepted accepted = accepted(outcome);
        assertThat(Stages.await(server.notifyAccepted(accepted))).isEqualTo(NotifySender.Result.DELIVERED);
        return accepted;
    }

    private static SubscribeOutcome.Accepted accepted(SubscribeOutcome outcome) {
        assertThat(outcome).isInstanceOf(SubscribeOutcome.Accepted.class);
        return (SubscribeOutcome.Accepted) outcome;
    }

    private static SubscribeRequest newSubscribe(String callId, String watcherTag, AddressOfRecord watcher,
            AddressOfRecord resource, String event, @Nullable Integer expires) {
        return new SubscribeRequest(callId, watcherTag, null, EventHeader.parse(event), watcher, resource,
                new DialogTarget("sip:" + watcher.user() + "@192.0.2.10:5060", List.of()), "udp:192.0.2.10:5060", expires,
                "node-a");
    }

    private static SubscribeRequest inDialog(SubscribeRequest request, String toTag, @Nullable Integer expires) {
        return new SubscribeRequest(request.callId(), request.watcherTag(), toTag, request.event(), request.watcher(),
                request.resource(), request.watcherTarget(), request.flow(), expires, request.nodeId());
    }

    private CallState call(String callId, State state) {
        return new CallState(callId, "l-" + callId, "r-" + callId, Direction.RECIPIENT, state,
                "sip:201@office.demo.gridpbx.test", "sip:300@acme.demo.gridpbx.test", "sip:300@192.0.2.30", clock.millis());
    }

    private void register(AddressOfRecord aor) {
        RegisterOutcome outcome = Stages.await(bindings.register(new RegisterRequest(aor,
                List.of(new ContactRequest("sip:" + aor.user() + "@192.0.2.21", null, 1000)), false, 600,
                "reg-" + aor.user(), 1, "udp:192.0.2.21:5060", "node-a", null), RegistrationPolicy.DEFAULTS));
        assertThat(outcome).isInstanceOf(RegisterOutcome.Accepted.class);
    }
}
