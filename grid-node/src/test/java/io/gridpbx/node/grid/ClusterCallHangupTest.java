package io.gridpbx.node.grid;

import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.dialog.CdrStore;
import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.dialog.DialogId;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.store.Stages;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hang-ups asked on one member, carried out by the member whose SIP side routed the call (here a
 * stand-in for it that records what it was asked to end); a call no live member carries has its record
 * closed from the grid.
 */
@Timeout(120)
class ClusterCallHangupTest {

    private static final AddressOfRecord CALLER = new AddressOfRecord("200", "office.test");
    private static final AddressOfRecord CALLEE = new AddressOfRecord("201", "office.test");

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(2);
    private final List<Cdr> cdrs = new CopyOnWriteArrayList<>();
    private final Set<String> endedBySecond = ConcurrentHashMap.newKeySet();
    private HazelcastDialogRegistry registry;
    private ClusterCallHangup hangups;

    @BeforeEach
    void startMembers() {
        HazelcastInstance first = factory.newHazelcastInstance(GridMemberConfig.grid("hangup-test"));
        HazelcastInstance second = factory.newHazelcastInstance(GridMemberConfig.grid("hangup-test"));
        assertClusterSizeEventually(2, first, second);
        ClusterCallHangup.offer(first, (callId, disposition) -> false);
        ClusterCallHangup.offer(second, (callId, disposition) -> callId.equals("carried") && endedBySecond.add(callId));
        registry = new HazelcastDialogRegistry(first, new CdrStore() {
            @Override
            public void record(Cdr cdr) {
                cdrs.add(cdr);
            }

            @Override
            public List<Cdr> within(String domain, long fromMillis, long toMillis) {
                return List.copyOf(cdrs);
            }

            @Override
            public Map<String, Long> dialledWithPrefixPerClient(List<String> prefixes, long fromMillis, long toMillis) {
                return Map.of();
            }
        }, "n1", Clock.systemUTC());
        hangups = new ClusterCallHangup(first, registry);
    }

    @AfterEach
    void stopMembers() {
        registry.close();
        factory.terminateAll();
    }

    @Test
    void theMemberThatCarriesTheCall_endsIt() {
        Dialog carried = dialog("carried");
        registry.started(carried);
        assertThat(Stages.await(hangups.hangUp(carried))).isTrue();
        assertThat(endedBySecond).containsExactly("carried");
    }

    @Test
    void aCallNoLiveMemberCarries_hasItsRecordClosedFromTheGrid() {
        Dialog orphan = dialog("orphan");
        registry.started(orphan);
        assertTrueEventually(() -> assertThat(Stages.await(registry.find(orphan.id()))).isPresent());

        assertThat(Stages.await(hangups.hangUp(orphan))).isTrue();
        assertTrueEventually(() -> assertThat(cdrs).singleElement()
                .satisfies(cdr -> assertThat(cdr.disposition()).isEqualTo("HANGUP")));
        assertThat(endedBySecond).isEmpty();
    }

    @Test
    void aCallThatIsNotUp_isNotHungUp() {
        assertThat(Stages.await(hangups.hangUp(dialog("gone")))).isFalse();
        assertThat(cdrs).isEmpty();
    }

    private static Dialog dialog(String callId) {
        return new Dialog(new DialogId(callId, "a", "b"), CALLER, CALLEE, 1_000, "n1");
    }
}
