package io.gridpbx.core.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gridpbx.core.MutableClock;
import io.gridpbx.core.dialog.DialogTarget;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.InMemoryBindingStore;
import io.gridpbx.core.store.Stages;
import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.tenancy.InMemoryTenantDirectory;
import io.gridpbx.core.tenancy.TenantProvisioning;
import io.gridpbx.core.voicemail.Mailbox;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The presence server deciding SUBSCRIBEs by the watched user's own rules (RFC 3856 section 6.6), and ending
 * the subscriptions a change of rules refuses (RFC 6665 section 4.2.2, reason {@code rejected}).
 */
class WatcherRulesTest {

    private static final String OFFICE = "office.demo.gridpbx.test";
    private static final AddressOfRecord ALICE = new AddressOfRecord("200", OFFICE);
    private static final AddressOfRecord BOB = new AddressOfRecord("201", OFFICE);
    private static final AddressOfRecord CAROL = new AddressOfRecord("202", OFFICE);
    private static final AddressOfRecord ACME = new AddressOfRecord("300", "acme.demo.gridpbx.test");

    private final MutableClock clock = new MutableClock(Instant.parse("2027-01-15T10:00:00Z"));
    private final InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
    private final InMemorySubscriptions subscriptions = new InMemorySubscriptions(clock);
    private final InMemoryPresenceRules rules = new InMemoryPresenceRules();
    private final RecordingNotifySender sender = new RecordingNotifySender();
    private final PresenceServer server;

    WatcherRulesTest() {
        DemoTenants.create(new TenantProvisioning(directory));
        MailboxCounts counts = user -> CompletableFuture.completedFuture(Mailbox.Count.NONE);
        server = new PresenceServer(directory, subscriptions, new InMemoryPublications(SubscriptionRules.DEFAULT, clock),
                new InMemoryCallStates(clock), new InMemoryBindingStore(clock), counts, sender, SubscriptionRules.DEFAULT,
                new NotifyCoalescer(new ManualScheduler(), 0), clock, new Random(7), rules);
    }

    @Test
    void blockedColleague_is403WatcherBlocked_forPresenceAndDialog() {
        rules.save(ALICE, PresenceRules.NONE.block(BOB));

        assertThat(subscribe("c1", BOB, ALICE, "presence")).isEqualTo(new SubscribeOutcome.Refused(403, "Watcher Blocked"));
        assertThat(subscribe("c2", BOB, ALICE, "dialog")).isEqualTo(new SubscribeOutcome.Refused(403, "Watcher Blocked"));
        assertThat(subscribe("c3", CAROL, ALICE, "dialog")).isInstanceOf(SubscribeOutcome.Accepted.class);
        assertThat(subscriptions.watched(ALICE, EventPackage.PRESENCE)).isFalse();
    }

    @Test
    void allowedOutsider_isAccepted_otherOutsidersStay403() {
        rules.save(ALICE, PresenceRules.NONE.allow(ACME));

        assertThat(subscribe("c1", ACME, ALICE, "presence")).isInstanceOf(SubscribeOutcome.Accepted.class);
        assertThat(subscribe("c2", new AddressOfRecord("301", "acme.demo.gridpbx.test"), ALICE, "presence"))
                .isEqualTo(new SubscribeOutcome.Refused(403, "Not Allowed To Watch"));
        assertThat(subscribe("c3", ACME, BOB, "presence")).isEqualTo(new SubscribeOutcome.Refused(403, "Not Allowed To Watch"));
    }

    @Test
    void allowedOutsider_stillMayNotWatchMessageWaitingOrWatchers() {
        rules.save(ALICE, PresenceRules.NONE.allow(ACME));

        assertThat(subscribe("c1", ACME, ALICE, "message-summary"))
                .isEqualTo(new SubscribeOutcome.Refused(403, "Only The User May Watch This"));
        assertThat(subscribe("c2", ACME, ALICE, "presence.winfo"))
                .isEqualTo(new SubscribeOutcome.Refused(403, "Only The User May Watch This"));
    }

    @Test
    void rulesChanged_endsTheSubscriptionsTheRulesNowRefuse_withATerminatedRejectedNotify() {
        Subscription bobPresence = accepted(subscribe("c1", BOB, ALICE, "presence"));
        Subscription bobDialog = accepted(subscribe("c2", BOB, ALICE, "dialog"));
        Subscription carol = accepted(subscribe("c3", CAROL, ALICE, "presence"));
        Subscription acme = accepted(withRules(PresenceRules.NONE.allow(ACME), () -> subscribe("c4", ACME, ALICE, "presence")));
        Subscription bobWatchesCarol = accepted(subscribe("c5", BOB, CAROL, "presence"));
        rules.save(ALICE, PresenceRules.NONE.block(BOB)); // and ACME no longer allowed

        int ended = Stages.await(server.rulesChanged(ALICE));

        assertThat(ended).isEqualTo(3);
        assertThat(sender.sent()).extracting(sent -> sent.subscription().key(), RecordingNotifySender.Sent::state)
                .containsExactlyInAnyOrder(
                        tuple(bobPresence.key(), "terminated;reason=rejected"),
                        tuple(bobDialog.key(), "terminated;reason=rejected"),
                        tuple(acme.key(), "terminated;reason=rejected"));
        // each last NOTIFY takes the next CSeq of its dialog
        assertThat(sender.sent()).allSatisfy(sent -> assertThat(sent.subscription().cseq()).isEqualTo(1));
        assertThat(subscriptions.watchersOf(ALICE, EventPackage.PRESENCE)).containsExactly(carol);
        assertThat(subscriptions.watchersOf(ALICE, EventPackage.DIALOG)).isEmpty();
        assertThat(subscriptions.watchersOf(CAROL, EventPackage.PRESENCE)).containsExactly(bobWatchesCarol);
    }

    @Test
    void rulesChangedThatRefuseNobody_sendNothing() {
        accepted(subscribe("c1", BOB, ALICE, "presence"));
        rules.save(ALICE, PresenceRules.NONE.block(CAROL));

        assertThat(Stages.await(server.rulesChanged(ALICE))).isZero();
        assertThat(sender.sent()).isEmpty();
        assertThat(subscriptions.watched(ALICE, EventPackage.PRESENCE)).isTrue();
    }

    @Test
    void unblocked_mayWatchAgain() {
        rules.save(ALICE, PresenceRules.NONE.block(BOB));
        rules.save(ALICE, rules.rulesOf(ALICE).unblock(BOB));

        assertThat(subscribe("c1", BOB, ALICE, "presence")).isInstanceOf(SubscribeOutcome.Accepted.class);
    }

    private SubscribeOutcome withRules(PresenceRules set, Supplier<SubscribeOutcome> action) {
        rules.save(ALICE, set);
        try {
            return action.get();
        } finally {
            rules.save(ALICE, PresenceRules.NONE);
        }
    }

    private SubscribeOutcome subscribe(String callId, AddressOfRecord watcher, AddressOfRecord resource, String event) {
        return Stages.await(server.subscribe(new SubscribeRequest(callId, "wt", null, EventHeader.parse(event), watcher,
                resource, new DialogTarget("sip:" + watcher.user() + "@192.0.2.10:5060", List.of()),
                "udp:192.0.2.10:5060", 600, "node-a")));
    }

    private static Subscription accepted(SubscribeOutcome outcome) {
        assertThat(outcome).isInstanceOf(SubscribeOutcome.Accepted.class);
        return ((SubscribeOutcome.Accepted) outcome).subscription();
    }
}
