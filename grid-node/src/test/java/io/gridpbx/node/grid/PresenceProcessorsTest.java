package io.gridpbx.node.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import io.gridpbx.core.dialog.DialogTarget;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.Binding;
import io.gridpbx.core.location.BindingSet;
import io.gridpbx.core.presence.CallState;
import io.gridpbx.core.presence.EventPackage;
import io.gridpbx.core.presence.Publications;
import io.gridpbx.core.presence.PublishOutcome;
import io.gridpbx.core.presence.PublishRequest;
import io.gridpbx.core.presence.Subscription;
import io.gridpbx.core.presence.SubscriptionRules;
import io.gridpbx.core.presence.UserCalls;
import io.gridpbx.core.presence.body.DialogState;
import io.gridpbx.core.presence.body.PresenceDocument;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The presence entry processors on an entry in memory: a replay stores and answers what the first run
 * did, the backup's processor stores what the owner computed, a NOTIFY takes the next CSeq, and a
 * missing subscription is refreshed into nothing. And the rule that decides whether a registration
 * changes what a user's watchers see.
 */
class PresenceProcessorsTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final String OFFICE = "office.demo.gridpbx.test";
    private static final AddressOfRecord ALICE = new AddressOfRecord("200", OFFICE);
    private static final AddressOfRecord BOB = new AddressOfRecord("201", OFFICE);
    private static final Subscription WATCHING = new Subscription("call-1", "w-tag", "our-tag", EventPackage.PRESENCE,
            null, BOB, ALICE, new DialogTarget("sip:201@10.0.0.2:5062", List.of()), "udp:10.0.0.2:5062",
            NOW + 600_000, 4, 4, "n1");

    @Test
    void refreshOfAMissingKey_isEmpty_andStoresNothing() {
        Entry<Subscription> entry = new Entry<>(null);
        var refresh = new SubscriptionProcessors.Refresh("201@" + OFFICE, NOW + 3_600_000, "n2", "sip:201@10.0.0.9", NOW);

        assertThat(refresh.process(entry)).isNull();
        assertThat(entry.value).isNull();
        assertThat(entry.writes).isZero();
        assertThat(refresh.getBackupProcessor()).isNull();
    }

    @Test
    void aRefreshByAnotherUserThanTheWatcher_isEmpty_andChangesNothing() {
        Entry<Subscription> entry = new Entry<>(WATCHING);
        var refresh = new SubscriptionProcessors.Refresh("202@" + OFFICE, NOW + 3_600_000, "n2", "sip:202@10.0.0.66", NOW);

        assertThat(refresh.process(entry)).isNull();
        assertThat(entry.value).isEqualTo(WATCHING);
        assertThat(entry.writes).isZero();
        assertThat(refresh.getBackupProcessor()).isNull();
    }

    @Test
    void aRefreshReplayed_storesAndAnswersTheSame_withItsTimeToLiveFromTheSendersTime() {
        Entry<Subscription> entry = new Entry<>(WATCHING);
        Subscription refreshed = WATCHING.refreshed(NOW + 3_600_000, "n2", "sip:201@10.0.0.9");

        Subscription first = new SubscriptionProcessors.Refresh("201@" + OFFICE, NOW + 3_600_000, "n2", "sip:201@10.0.0.9", NOW)
                .process(entry);
        long ttl = entry.ttlMillis;
        Subscription replayed = new SubscriptionProcessors.Refresh("201@" + OFFICE, NOW + 3_600_000, "n2", "sip:201@10.0.0.9", NOW)
                .process(entry);

        assertThat(first).isEqualTo(refreshed).isEqualTo(replayed);
        assertThat(entry.value).isEqualTo(refreshed);
        assertThat(entry.ttlMillis).isEqualTo(ttl).isEqualTo(3_600_000 + HazelcastSubscriptions.GRACE.toMillis());
    }

    @Test
    void theBackupOfARefresh_storesWhatTheOwnerComputed() {
        var refresh = new SubscriptionProcessors.Refresh("201@" + OFFICE, NOW + 3_600_000, "n2", "sip:201@10.0.0.9", NOW);
        Entry<Subscription> owner = new Entry<>(WATCHING);
        refresh.process(owner);
        Entry<Subscription> backup = new Entry<>(WATCHING);

        backupOf(refresh).process(backup);

        assertThat(backup.value).isEqualTo(owner.value);
        assertThat(backup.ttlMillis).isEqualTo(owner.ttlMillis);
    }

    @Test
    void eachNotify_takesTheNextNumberOfItsCounter_withTheCountersTimeToLive() {
        Entry<Long> counter = new Entry<>(null);

        long first = new SubscriptionProcessors.NextNotify(1_000, 600_000).process(counter);
        long second = new SubscriptionProcessors.NextNotify(1_000, 599_000).process(counter);

        assertThat(first).as("a new counter starts above its baseline").isEqualTo(1_001);
        assertThat(second).isEqualTo(1_002);
        assertThat(counter.value).isEqualTo(1_002L);
        assertThat(counter.ttlMillis).isEqualTo(599_000);
    }

    @Test
    void aCounterLostWithTheCluster_startsAgainAboveTheClock_andABaselineNeverLowersIt() {
        Entry<Long> counter = new Entry<>(5L);
        assertThat(new SubscriptionProcessors.NextNotify(1_000, 60_000).process(counter)).isEqualTo(1_001);
        assertThat(new SubscriptionProcessors.NextNotify(10, 60_000).process(counter)).isEqualTo(1_002);
    }

    @Test
    void theBackupOfANotify_storesTheNumberTheOwnerTook() {
        var next = new SubscriptionProcessors.NextNotify(1_000, 60_000);
        Entry<Long> owner = new Entry<>(1_500L);
        next.process(owner);
        Entry<Long> backup = new Entry<>(1_500L);

        next.getBackupProcessor().process(backup);

        assertThat(backup.value).isEqualTo(1_501L).isEqualTo(owner.value);
        assertThat(backup.ttlMillis).isEqualTo(owner.ttlMillis);
        assertThat(new SubscriptionProcessors.NextNotify(1_000, 60_000).getBackupProcessor())
                .as("nothing taken, nothing to back up").isNull();
    }

    @Test
    void aSubscriptionPastItsExpiry_stillGetsAPositiveTimeToLive() {
        Subscription ended = WATCHING.refreshed(NOW - 60_000, "n1", "");

        assertThat(SubscriptionProcessors.timeToLive(ended, NOW)).as("0 would keep it for ever").isEqualTo(1);
    }

    @Test
    void aPublishReplayed_answersTheSameTag_andKeepsOnePublication() {
        PublishRequest open = new PublishRequest(null, PresenceDocument.open("sip:" + ALICE), 600);
        Entry<Publications> entry = new Entry<>(null);

        PublishOutcome first = new PublishProcessor(open, SubscriptionRules.DEFAULT, "etag-1", NOW).process(entry);
        PublishOutcome replayed = new PublishProcessor(open, SubscriptionRules.DEFAULT, "etag-1", NOW).process(entry);

        assertThat(first).isEqualTo(new PublishOutcome.Published("etag-1", 600)).isEqualTo(replayed);
        assertThat(entry.value.live()).singleElement().satisfies(p -> {
            assertThat(p.etag()).isEqualTo("etag-1");
            assertThat(p.open()).isTrue();
        });
        assertThat(entry.ttlMillis).isEqualTo(600_000);
    }

    @Test
    void aPublishWithAnUnknownTag_isRefused412_andChangesNothing() {
        Entry<Publications> entry = new Entry<>(null);
        new PublishProcessor(new PublishRequest(null, PresenceDocument.open("sip:" + ALICE), 600),
                SubscriptionRules.DEFAULT, "etag-1", NOW).process(entry);
        int writes = entry.writes;
        var refresh = new PublishProcessor(new PublishRequest("etag-x", null, 600), SubscriptionRules.DEFAULT,
                "etag-2", NOW);

        assertThat(refresh.process(entry)).isEqualTo(new PublishOutcome.Refused(412, "Conditional Request Failed"));
        assertThat(entry.writes).isEqualTo(writes);
        assertThat(refresh.getBackupProcessor()).isNull();
    }

    @Test
    void removingTheLastPublication_removesTheEntry_onTheOwnerAndTheBackup() {
        Entry<Publications> owner = new Entry<>(null);
        new PublishProcessor(new PublishRequest(null, PresenceDocument.closed("sip:" + ALICE), 600),
                SubscriptionRules.DEFAULT, "etag-1", NOW).process(owner);
        Entry<Publications> backup = new Entry<>(owner.value);
        var removal = new PublishProcessor(new PublishRequest("etag-1", null, 0), SubscriptionRules.DEFAULT, "etag-2",
                NOW + 1_000);

        assertThat(removal.process(owner)).isEqualTo(new PublishOutcome.Removed());
        backupOf(removal).process(backup);

        assertThat(owner.value).isNull();
        assertThat(backup.value).isNull();
    }

    @Test
    void aCallStateReplayed_storesTheSameCalls_andTheBackupGetsThem() {
        CallState ringing = new CallState("call-9", "tag-a", null, DialogState.Direction.RECIPIENT,
                DialogState.State.EARLY, "sip:" + ALICE, "sip:" + BOB, null, NOW);
        Entry<UserCalls> entry = new Entry<>(null);
        var change = new CallStateProcessors.Change(ringing, NOW);

        change.process(entry);
        UserCalls once = entry.value;
        new CallStateProcessors.Change(ringing, NOW).process(entry);
        Entry<UserCalls> backup = new Entry<>(null);
        backupOf(change).process(backup);

        assertThat(entry.value).isEqualTo(once);
        assertThat(once.calls()).containsExactly(ringing);
        assertThat(backup.value).isEqualTo(once);
        assertThat(entry.ttlMillis).isEqualTo(CallStateProcessors.KEPT.toMillis());
    }

    @Test
    void aRegistration_changesPresenceOnlyWhenTheUserGainsItsFirstLiveContactOrLosesItsLast() {
        BindingSet one = new BindingSet(List.of(binding("c1", NOW + 600_000)));
        BindingSet two = new BindingSet(List.of(binding("c1", NOW + 600_000), binding("c2", NOW + 60_000)));
        BindingSet ranOut = new BindingSet(List.of(binding("c1", NOW - 1_000)));

        assertThat(PresenceFeeds.registrationChanged(null, one, NOW)).isTrue();
        assertThat(PresenceFeeds.registrationChanged(ranOut, one, NOW)).as("its contact had run out").isTrue();
        assertThat(PresenceFeeds.registrationChanged(one, two, NOW)).as("another phone of a registered user").isFalse();
        assertThat(PresenceFeeds.registrationChanged(two, one, NOW)).isFalse();
        assertThat(PresenceFeeds.registrationChanged(one, BindingSet.EMPTY, NOW)).isTrue();
    }

    private static Binding binding(String callId, long expiresAt) {
        return new Binding("sip:200@10.0.0.1:5062;" + callId, expiresAt, 1000, callId, 1, "udp:10.0.0.1:5062", "n1",
                null, NOW);
    }

    private static <V, R> EntryProcessor<String, V, R> backupOf(EntryProcessor<String, V, R> processor) {
        EntryProcessor<String, V, R> backup = processor.getBackupProcessor();
        assertThat(backup).as("a backup processor").isNotNull();
        return backup;
    }

    /** A map entry in memory that records the time-to-live it was given. */
    private static final class Entry<V> implements ExtendedMapEntry<String, V> {
        @Nullable V value;
        long ttlMillis = -1;
        int writes;

        Entry(@Nullable V value) {
            this.value = value;
        }

        @Override
        public String getKey() {
            return "key";
        }

        @Override
        public @Nullable V getValue() {
            return value;
        }

        @Override
        public @Nullable V setValue(@Nullable V next) {
            V old = value;
            value = next;
            ttlMillis = -1;
            writes++;
            return old;
        }

        @Override
        public @Nullable V setValue(V next, long ttl, TimeUnit unit) {
            V old = setValue(next);
            ttlMillis = unit.toMillis(ttl);
            return old;
        }

        @Override
        public @Nullable V setValueWithoutChangingExpiryTime(V next) {
            V old = value;
            value = next;
            writes++;
            return old;
        }
    }
}
