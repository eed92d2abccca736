package io.gridpbx.node.grid;

import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.core.dialog.DialogTarget;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.Binding;
import io.gridpbx.core.location.BindingSet;
import io.gridpbx.core.presence.CallState;
import io.gridpbx.core.presence.EventPackage;
import io.gridpbx.core.presence.PublishOutcome;
import io.gridpbx.core.presence.PublishRequest;
import io.gridpbx.core.presence.Subscription;
import io.gridpbx.core.presence.SubscriptionRules;
import io.gridpbx.core.presence.body.DialogState;
import io.gridpbx.core.presence.body.PresenceDocument;
import io.gridpbx.core.store.Stages;
import io.gridpbx.core.voicemail.Mailbox;
import io.gridpbx.core.voicemail.VoicemailMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The presence stores and feeds on three real (in-JVM) members, each with its own store and feeds as a
 * node has: every member's mirror sees who watches whom; a subscription that runs out is told once, by
 * the member that owns it; a NOTIFY's CSeq keeps counting through the owner's crash; and a publication,
 * a call, a registration and a voicemail each reach the presence server once, as the package they change.
 */
@Timeout(120)
class HazelcastPresenceGridTest {

    private static final String OFFICE = "office.demo.gridpbx.test";
    private static final AddressOfRecord ALICE = new AddressOfRecord("200", OFFICE);
    private static final AddressOfRecord BOB = new AddressOfRecord("201", OFFICE);

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(3);
    private final Clock clock = Clock.systemUTC();
    private final GridDeadline deadline = new GridDeadline(Duration.ofSeconds(10));
    private final Map<HazelcastInstance, HazelcastSubscriptions> stores = new HashMap<>();
    private final List<PresenceFeeds> feeds = new ArrayList<>();
    /** Every announcement, as "member resource package". */
    private final List<String> announced = new CopyOnWriteArrayList<>();
    /** Every expiry told, as "member subscription-key". */
    private final List<String> expired = new CopyOnWriteArrayList<>();
    private HazelcastInstance first;
    private HazelcastInstance second;
    private HazelcastInstance third;

    @BeforeEach
    void startMembers() {
        first = factory.newHazelcastInstance(config());
        second = factory.newHazelcastInstance(config());
        third = factory.newHazelcastInstance(config());
        assertClusterSizeEventually(3, first, second, third);
        for (HazelcastInstance member : List.of(first, second, third)) {
            HazelcastSubscriptions store = HazelcastSubscriptions.start(member, clock, deadline);
            stores.put(member, store);
            PresenceFeeds feed = new PresenceFeeds(store,
                    (resource, event) -> announced.add(member.getName() + " " + resource + " " + event.token()),
                    subscription -> expired.add(member.getName() + " " + subscription.key()), Runnable::run, clock);
            feed.listen(member);
            feeds.add(feed);
        }
    }

    @AfterEach
    void stopMembers() {
        feeds.forEach(PresenceFeeds::close);
        stores.values().forEach(HazelcastSubscriptions::close);
        factory.terminateAll();
    }

    @Test
    void aSubscriptionCreatedOnOneMember_isInEveryMirror_andLeavesThemAllWhenRemoved() {
        Subscription watching = subscription("call-1", EventPackage.DIALOG, clock.millis() + 600_000);

        Stages.await(stores.get(first).create(watching));

        for (HazelcastInstance member : List.of(first, second, third)) {
            assertTrueEventually(() -> {
                assertThat(stores.get(member).watchersOf(ALICE, EventPackage.DIALOG)).containsExactly(watching);
                assertThat(stores.get(member).watched(ALICE, EventPackage.DIALOG)).isTrue();
            }, 10);
            assertThat(stores.get(member).watched(ALICE, EventPackage.PRESENCE)).isFalse();
        }

        Stages.await(stores.get(third).remove(watching.key()));

        for (HazelcastInstance member : List.of(first, second, third)) {
            assertTrueEventually(() -> assertThat(stores.get(member).watched(ALICE, EventPackage.DIALOG)).isFalse(), 10);
        }
    }

    @Test
    void aSubscriptionThatRunsOut_isToldOnce_byTheMemberThatOwnsIt_andLeavesItsWatchersInfo() {
        // Ran out a moment ago: its entry lives the grace past that, then expires.
        long ended = clock.millis() - HazelcastSubscriptions.GRACE.toMillis() + 1_000;
        Subscription watching = subscription(callIdOwnedBy(second, EventPackage.PRESENCE), EventPackage.PRESENCE, ended);
        // A subscription that runs out later: once it is told, the sweeps before it are all done.
        Subscription marker = subscription("marker", EventPackage.DIALOG, ended + 3_000);

        Stages.await(stores.get(first).create(watching));
        Stages.await(stores.get(third).create(marker));

        assertTrueEventually(() -> assertThat(expired).anyMatch(told -> told.endsWith(marker.key())), 60);
        assertThat(expired).filteredOn(told -> told.endsWith(watching.key()))
                .containsExactly(second.getName() + " " + watching.key());
        assertThat(announced).filteredOn(a -> a.endsWith(ALICE + " presence.winfo"))
                .as("added, then expired, each announced by the owner")
                .containsExactly(second.getName() + " " + ALICE + " presence.winfo",
                        second.getName() + " " + ALICE + " presence.winfo");
        assertTrueEventually(() -> assertThat(stores.get(first).watched(ALICE, EventPackage.PRESENCE)).isFalse(), 10);
    }

    @Test
    void refreshedOnOneMember_andNotifiedFromTwo_theCseqCountsUp_throughTheOwnersCrash() {
        Subscription watching = subscription(callIdOwnedBy(first, EventPackage.DIALOG), EventPackage.DIALOG,
                clock.millis() + 600_000);
        Stages.await(stores.get(second).create(watching));

        assertThat(Stages.await(stores.get(second).refresh(watching.key(), watching.watcher(), clock.millis() + 3_600_000, "n2",
                "sip:201@10.0.0.9:5062"))).hasValueSatisfying(refreshed -> {
                    assertThat(refreshed.nodeId()).isEqualTo("n2");
                    assertThat(refreshed.watcherTarget().contact()).isEqualTo("sip:201@10.0.0.9:5062");
                });
        long taken = Stages.await(stores.get(second).nextNotify(watching.key())).orElseThrow().cseq();
        assertThat(Stages.await(stores.get(third).nextNotify(watching.key()))).get().extracting(Subscription::cseq)
                .isEqualTo(taken + 1);

        first.getLifecycleService().terminate();
        assertClusterSizeEventually(2, second, third);

        assertThat(Stages.await(stores.get(third).nextNotify(watching.key()))).get().satisfies(next -> {
            assertThat(next.cseq()).as("the backup had the owner's count").isEqualTo(taken + 2);
            assertThat(next.nodeId()).isEqualTo("n2");
        });
        assertThat(Stages.await(stores.get(third).refresh("no-such-key", watching.watcher(), clock.millis() + 60_000, "n3", "")))
                .isEmpty();
    }

    @Test
    void aPublication_aCall_aRegistration_andAVoicemail_reachThePresenceServerOnce_asTheirPackage() {
        Stages.await(stores.get(first).create(subscription("watch-presence", EventPackage.PRESENCE,
                clock.millis() + 600_000)));
        assertTrueEventually(() -> assertThat(stores.values()).allMatch(s -> s.watched(ALICE, EventPackage.PRESENCE)), 10);
        announced.clear();

        var publications = new HazelcastPublications(second, SubscriptionRules.DEFAULT, clock, deadline);
        assertThat(Stages.await(publications.publish(ALICE,
                new PublishRequest(null, PresenceDocument.open("sip:" + ALICE), 600), "etag-1")))
                .isEqualTo(new PublishOutcome.Published("etag-1", 600));
        assertThat(Stages.await(publications.publications(ALICE)).current(clock.millis())).isPresent();
        assertOneAnnouncement(ALICE, EventPackage.PRESENCE);

        var calls = new HazelcastCallStates(third, clock, deadline);
        calls.changed(ALICE, new CallState("call-7", "a-tag", null, DialogState.Direction.RECIPIENT,
                DialogState.State.EARLY, "sip:" + ALICE, "sip:" + BOB, null, clock.millis()));
        assertTrueEventually(() -> assertThat(Stages.await(calls.callsOf(ALICE)).calls()).hasSize(1), 10);
        assertOneAnnouncement(ALICE, EventPackage.DIALOG);
        assertOneAnnouncement(ALICE, EventPackage.PRESENCE);

        long now = clock.millis();
        first.<String, BindingSet>getMap(MapNames.LOCATIONS).set(ALICE.toString(), new BindingSet(List.of(
                new Binding("sip:200@10.0.0.1:5062", now + 600_000, 1000, "c1", 1, "udp:10.0.0.1:5062", "n1", null, now))));
        // An unwatched user's registration is not announced.
        first.<String, BindingSet>getMap(MapNames.LOCATIONS).set(BOB.toString(), new BindingSet(List.of(
                new Binding("sip:201@10.0.0.2:5062", now + 600_000, 1000, "c2", 1, "udp:10.0.0.2:5062", "n1", null, now))));
        assertOneAnnouncement(ALICE, EventPackage.PRESENCE);
        first.getMap(MapNames.LOCATIONS).delete(ALICE.toString());
        assertOneAnnouncement(ALICE, EventPackage.PRESENCE);

        first.<String, Mailbox>getMap(MapNames.VOICEMAIL_MAILBOXES).set(ALICE.toString(), new Mailbox(List.of(
                new VoicemailMessage("m-1", "sip:" + BOB, Instant.now(), 12, false))));
        assertOneAnnouncement(ALICE, EventPackage.MESSAGE_SUMMARY);
        assertThat(Stages.await(new HazelcastMailboxCounts(third, deadline).countOf(ALICE)))
                .isEqualTo(new Mailbox.Count(1, 1));
        assertThat(Stages.await(new HazelcastMailboxCounts(third, deadline).countOf(BOB))).isEqualTo(Mailbox.Count.NONE);
        assertThat(announced).noneMatch(a -> a.contains(" " + BOB + " "));
    }

    /** Waits until the change was announced, then clears it: by one member, once. */
    private void assertOneAnnouncement(AddressOfRecord resource, EventPackage event) {
        String suffix = " " + resource + " " + event.token();
        assertTrueEventually(() -> assertThat(announced).filteredOn(a -> a.endsWith(suffix)).hasSize(1), 10);
        announced.removeIf(a -> a.endsWith(suffix));
    }

    private static Subscription subscription(String callId, EventPackage event, long expiresAt) {
        return new Subscription(callId, "w-tag", "our-tag", event, null, BOB, ALICE,
                new DialogTarget("sip:201@10.0.0.2:5062", List.of()), "udp:10.0.0.2:5062", expiresAt, 0, 0, "n1");
    }

    /** The subscription's key decides its partition: try Call-IDs until the member owns it. */
    private static String callIdOwnedBy(HazelcastInstance member, EventPackage event) {
        for (int i = 0; ; i++) {
            String callId = "call-" + i;
            String key = Subscription.keyOf(callId, "w-tag", "our-tag", event.token(), null);
            if (member.getPartitionService().getPartition(key).getOwner().localMember()) {
                return callId;
            }
        }
    }

    /** The production configuration, with expired entries looked for every second instead of five. */
    private static Config config() {
        Config config = GridMemberConfig.grid("presence-grid-test");
        config.setProperty("hazelcast.internal.map.expiration.task.period.seconds", "1");
        return config;
    }
}
