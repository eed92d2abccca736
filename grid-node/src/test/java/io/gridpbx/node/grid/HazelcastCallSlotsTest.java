package io.gridpbx.node.grid;

import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.core.limits.Admission;
import io.gridpbx.core.limits.CallLimit;
import io.gridpbx.core.store.Stages;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Call slots on real (in-JVM) members: a cap holds across members and under concurrent admissions,
 * slots come back on release, and the calls of a member that dies are given back by reconciliation.
 */
@Timeout(120)
class HazelcastCallSlotsTest {

    private static final CallLimit CLIENT_OF_TWO = CallLimit.ofClient("office.example", 2);
    private static final CallLimit RESELLER_OF_THREE = CallLimit.ofReseller("example", 3);

    private TestHazelcastInstanceFactory factory;
    private HazelcastInstance first;
    private HazelcastInstance second;
    private HazelcastCallSlots onFirst;
    private HazelcastCallSlots onSecond;

    @BeforeEach
    void startMembers() {
        factory = new TestHazelcastInstanceFactory(3);
        first = factory.newHazelcastInstance(GridMemberConfig.grid("call-slots-test"));
        second = factory.newHazelcastInstance(GridMemberConfig.grid("call-slots-test"));
        assertClusterSizeEventually(2, first, second);
        onFirst = new HazelcastCallSlots(first, Clock.systemUTC(), new GridDeadline(Duration.ofSeconds(5)));
        onSecond = new HazelcastCallSlots(second, Clock.systemUTC(), new GridDeadline(Duration.ofSeconds(5)));
    }

    @AfterEach
    void stopMembers() {
        factory.terminateAll();
    }

    @Test
    void aCapHoldsWhicheverMemberAdmits_andASlotComesBackOnRelease() {
        assertThat(admit(onFirst, "call-1", CLIENT_OF_TWO)).isEqualTo(Admission.ADMITTED);
        assertThat(admit(onSecond, "call-2", CLIENT_OF_TWO)).isEqualTo(Admission.ADMITTED);
        assertThat(admit(onFirst, "call-3", CLIENT_OF_TWO)).isEqualTo(new Admission.Refused(CLIENT_OF_TWO));
        assertThat(admit(onSecond, "call-2", CLIENT_OF_TWO)).as("a retransmitted INVITE takes nothing more")
                .isEqualTo(Admission.ADMITTED);

        onSecond.release("call-1");
        assertTrueEventually(() -> assertThat(admit(onFirst, "call-3", CLIENT_OF_TWO)).isEqualTo(Admission.ADMITTED));
        assertThat(onFirst.counts(List.of(CLIENT_OF_TWO.key()))).containsEntry(CLIENT_OF_TWO.key(), 2);
    }

    @Test
    void aGatewaysSlot_isTakenWhileTheCallIsSetUp_andGoesBackAloneOrWithTheCall() {
        CallLimit gateway = CallLimit.ofGateway("gw-1", 1);
        assertThat(admit(onFirst, "call-1", CLIENT_OF_TWO)).isEqualTo(Admission.ADMITTED);
        assertThat(Stages.await(onFirst.take("call-1", gateway, "n1"))).isTrue();
        assertThat(Stages.await(onSecond.take("call-2", gateway, "n2"))).as("a call with no holding yet").isFalse();

        onFirst.release("call-1", gateway.key()); // the call failed over to another gateway
        assertTrueEventually(() -> assertThat(Stages.await(onSecond.take("call-2", gateway, "n2"))).isTrue());
        assertThat(onFirst.counts(List.of(CLIENT_OF_TWO.key()))).containsEntry(CLIENT_OF_TWO.key(), 1);

        onSecond.release("call-2"); // the call ended: its gateway's slot goes back with the rest
        assertTrueEventually(() -> assertThat(onFirst.counts(List.of(gateway.key()))).containsEntry(gateway.key(), 0));
    }

    @Test
    void aFullLimit_refusesTheCall_andGivesBackTheSlotsItTookOfTheOthers() {
        admit(onFirst, "a", RESELLER_OF_THREE);
        admit(onFirst, "b", CLIENT_OF_TWO, RESELLER_OF_THREE);
        admit(onFirst, "c", CLIENT_OF_TWO, RESELLER_OF_THREE);

        assertThat(admit(onSecond, "d", RESELLER_OF_THREE, CLIENT_OF_TWO)).isEqualTo(new Admission.Refused(RESELLER_OF_THREE));
        assertThat(admit(onSecond, "e", CLIENT_OF_TWO, RESELLER_OF_THREE)).isEqualTo(new Admission.Refused(CLIENT_OF_TWO));
        assertTrueEventually(() -> assertThat(onFirst.counts(List.of(CLIENT_OF_TWO.key(), RESELLER_OF_THREE.key())))
                .containsEntry(CLIENT_OF_TWO.key(), 2).containsEntry(RESELLER_OF_THREE.key(), 3));
    }

    @Test
    void concurrentAdmissions_neverExceedTheCap() {
        CallLimit five = CallLimit.ofClient("busy.example", 5);
        List<CompletableFuture<Admission>> admissions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            HazelcastCallSlots slots = i % 2 == 0 ? onFirst : onSecond;
            admissions.add(slots.admit("concurrent-" + i, List.of(five), "node").toCompletableFuture());
        }
        long admitted = admissions.stream().map(CompletableFuture::join).filter(Admission.ADMITTED::equals).count();

        assertThat(admitted).isEqualTo(5);
        assertThat(onSecond.counts(List.of(five.key()))).containsEntry(five.key(), 5);
    }

    @Test
    void theCallsOfAMemberThatDies_getTheirSlotsBackByReconciliation() {
        HazelcastInstance third = factory.newHazelcastInstance(GridMemberConfig.grid("call-slots-test"));
        assertClusterSizeEventually(3, first, second, third);
        HazelcastCallSlots onThird = new HazelcastCallSlots(third, Clock.systemUTC(), new GridDeadline(Duration.ofSeconds(5)));
        admit(onThird, "doomed-1", CLIENT_OF_TWO);
        admit(onThird, "doomed-2", CLIENT_OF_TWO);
        assertThat(admit(onFirst, "waiting", CLIENT_OF_TWO)).isInstanceOf(Admission.Refused.class);

        third.getLifecycleService().terminate();
        assertClusterSizeEventually(2, first, second);
        assertTrueEventually(() -> {
            onFirst.reconcile(Duration.ofMinutes(3));
            onSecond.reconcile(Duration.ofMinutes(3));
            assertThat(onFirst.counts(List.of(CLIENT_OF_TWO.key()))).containsEntry(CLIENT_OF_TWO.key(), 0);
        });
        assertThat(admit(onFirst, "waiting", CLIENT_OF_TWO)).isEqualTo(Admission.ADMITTED);
    }

    @Test
    void whenCallsOutliveTheirMember_aDeadMembersCallKeepsItsSlotWhileItsDialogIsUp() {
        HazelcastInstance third = factory.newHazelcastInstance(GridMemberConfig.grid("call-slots-test"));
        assertClusterSizeEventually(3, first, second, third);
        HazelcastCallSlots onThird = new HazelcastCallSlots(third, Clock.systemUTC(), new GridDeadline(Duration.ofSeconds(5)), true);
        HazelcastCallSlots survivor = new HazelcastCallSlots(first, Clock.systemUTC(), new GridDeadline(Duration.ofSeconds(5)), true);
        HazelcastCallSlots other = new HazelcastCallSlots(second, Clock.systemUTC(), new GridDeadline(Duration.ofSeconds(5)), true);
        admit(onThird, "carried-on", CLIENT_OF_TWO);
        admit(onThird, "in-set-up", CLIENT_OF_TWO);
        first.getMap(MapNames.DIALOGS).set("carried-on;tag-a;tag-b", new io.gridpbx.core.dialog.Dialog(
                new io.gridpbx.core.dialog.DialogId("carried-on", "tag-a", "tag-b"),
                new io.gridpbx.core.location.AddressOfRecord("200", "office.example"),
                new io.gridpbx.core.location.AddressOfRecord("201", "office.example"), 0, "node"));

        third.getLifecycleService().terminate();
        assertClusterSizeEventually(2, first, second);
        assertTrueEventually(() -> {
            survivor.reconcile(Duration.ofMinutes(3));
            other.reconcile(Duration.ofMinutes(3));
            assertThat(survivor.counts(List.of(CLIENT_OF_TWO.key()))).containsEntry(CLIENT_OF_TWO.key(), 1);
        });
        assertThat(admit(survivor, "another", CLIENT_OF_TWO)).isEqualTo(Admission.ADMITTED);
        assertThat(admit(survivor, "one-too-many", CLIENT_OF_TWO)).isInstanceOf(Admission.Refused.class);
    }

    @Test
    void aCallWithNoDialogLongAfterItsSetUp_isGivenBack_whileALiveOneIsKept() {
        admit(onFirst, "stale", CLIENT_OF_TWO);
        admit(onFirst, "fresh", CLIENT_OF_TWO);

        onFirst.reconcile(Duration.ofMinutes(3));
        onSecond.reconcile(Duration.ofMinutes(3));
        assertThat(onFirst.counts(List.of(CLIENT_OF_TWO.key()))).containsEntry(CLIENT_OF_TWO.key(), 2);

        first.getMap(MapNames.DIALOGS).set("fresh;tag-a;tag-b", new io.gridpbx.core.dialog.Dialog(
                new io.gridpbx.core.dialog.DialogId("fresh", "tag-a", "tag-b"),
                new io.gridpbx.core.location.AddressOfRecord("200", "office.example"),
                new io.gridpbx.core.location.AddressOfRecord("201", "office.example"), 0, "node"));
        assertTrueEventually(() -> {
            onFirst.reconcile(Duration.ZERO);
            onSecond.reconcile(Duration.ZERO);
            assertThat(onFirst.counts(List.of(CLIENT_OF_TWO.key()))).containsEntry(CLIENT_OF_TWO.key(), 1);
        });
        assertThat(admit(onSecond, "next", CLIENT_OF_TWO)).as("the stale call's slot was the one given back")
                .isEqualTo(Admission.ADMITTED);
        assertThat(onFirst.counts(List.of(CLIENT_OF_TWO.key()))).containsEntry(CLIENT_OF_TWO.key(), 2);
    }

    private static Admission admit(HazelcastCallSlots slots, String callId, CallLimit... limits) {
        return Stages.await(slots.admit(callId, List.of(limits), "node"));
    }
}
