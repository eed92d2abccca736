package io.gridpbx.node.grid;

import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.HazelcastTestSupport;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.dialog.CdrStore;
import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.dialog.DialogId;
import io.gridpbx.core.dialog.DialogTarget;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.store.Stages;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Dialogs as the in-dialog check reads them on any member: with both parties' targets, refreshed by an
 * entry processor on the dialog's owner, and still there after the owner crashed.
 */
class HazelcastDialogRegistryTest {

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(3);
    private final List<Cdr> cdrs = new CopyOnWriteArrayList<>();
    private final CdrStore cdrStore = new CdrStore() {
        @Override
        public void record(Cdr cdr) {
            cdrs.add(cdr);
        }

        @Override
        public List<Cdr> within(String domain, long fromMillis, long toMillis) {
            return List.copyOf(cdrs);
        }

        @Override
        public java.util.Map<String, Long> dialledWithPrefixPerClient(List<String> prefixes, long fromMillis,
                long toMillis) {
            throw new UnsupportedOperationException("not used by dialogs");
        }
    };
    private HazelcastInstance first;
    private HazelcastInstance second;
    private HazelcastInstance third;

    @BeforeEach
    void startMembers() {
        first = factory.newHazelcastInstance(GridMemberConfig.grid("dialog-registry-test"));
        second = factory.newHazelcastInstance(GridMemberConfig.grid("dialog-registry-test"));
        third = factory.newHazelcastInstance(GridMemberConfig.grid("dialog-registry-test"));
    }

    @AfterEach
    void stopMembers() {
        factory.terminateAll();
    }

    @Test
    void targetsWrittenOnOneMember_refreshedOnAnother_areReadOnAThird_andSurviveTheOwnersCrash() {
        String callId = callIdWhoseDialogIsOwnedBy(first);
        DialogId id = new DialogId(callId, "caller-tag", "callee-tag");
        Dialog dialog = new Dialog(id, new AddressOfRecord("200", "office.test"), new AddressOfRecord("201", "office.test"),
                1_000, "n1", new DialogTarget("sip:200@10.0.0.1:5062", List.of()),
                new DialogTarget("sip:201@10.0.0.2", List.of("sip:sbc.example;lr")));
        registry(second).started(dialog);
        assertTrueEventually(() -> assertThat(Stages.await(registry(third).find(id))).contains(dialog));

        // The callee's re-INVITE (its tag first in the key's other order) moves both ends.
        registry(third).targetRefreshed(new DialogId(callId, "callee-tag", "caller-tag"), "callee-tag",
                "sip:201@10.0.0.7", "sip:200@10.0.0.8:5062");
        Dialog refreshed = dialog.refreshed("callee-tag", "sip:201@10.0.0.7", "sip:200@10.0.0.8:5062");
        assertTrueEventually(() -> assertThat(Stages.await(registry(second).find(id))).contains(refreshed));

        first.getLifecycleService().terminate();
        HazelcastTestSupport.assertClusterSizeEventually(2, second, third);
        assertThat(Stages.await(registry(third).find(id))).contains(refreshed);
    }

    @Test
    void aRefreshOfADialogThatIsGone_createsNothing() {
        DialogId id = new DialogId("gone", "a", "b");
        registry(first).targetRefreshed(id, "a", "sip:x@10.0.0.1", "sip:y@10.0.0.2");
        registry(first).started(new Dialog(new DialogId("marker", "a", "b"), new AddressOfRecord("200", "office.test"),
                new AddressOfRecord("201", "office.test"), 0, "n1"));

        assertTrueEventually(() -> assertThat(Stages.await(registry(second).find(new DialogId("marker", "a", "b")))).isPresent());
        assertThat(Stages.await(registry(second).find(id))).isEmpty();
    }

    @Test
    void theDialogsANodeSetUp_areCountedClusterWide_byTheNodeThatSetThemUp() {
        for (int i = 0; i < 3; i++) {
            registry(first).started(new Dialog(new DialogId("n1-call-" + i, "a", "b"), new AddressOfRecord("200", "office.test"),
                    new AddressOfRecord("201", "office.test"), 0, "10.0.0.1:5060"));
        }
        registry(second).started(new Dialog(new DialogId("n2-call", "a", "b"), new AddressOfRecord("200", "office.test"),
                new AddressOfRecord("201", "office.test"), 0, "10.0.0.2:5060"));

        assertTrueEventually(() -> assertThat(registry(third).activeSetUpBy("10.0.0.1:5060")).isEqualTo(3));
        assertThat(registry(third).activeSetUpBy("10.0.0.2:5060")).isEqualTo(1);
        assertThat(registry(third).activeSetUpBy("10.0.0.3:5060")).isZero();
        registry(second).ended(new DialogId("n1-call-0", "a", "b"));
        assertTrueEventually(() -> assertThat(registry(first).activeSetUpBy("10.0.0.1:5060")).isEqualTo(2));
    }

    /** The dialog's key (Call-ID and both tags) decides its partition: try Call-IDs until the member owns it. */
    private static String callIdWhoseDialogIsOwnedBy(HazelcastInstance member) {
        for (int i = 0; ; i++) {
            String callId = "call-" + i;
            String key = new DialogId(callId, "caller-tag", "callee-tag").key();
            if (member.getPartitionService().getPartition(key).getOwner().localMember()) {
                return callId;
            }
        }
    }

    private HazelcastDialogRegistry registry(HazelcastInstance member) {
        return new HazelcastDialogRegistry(member, cdrStore, member.getName(), Clock.systemUTC());
    }
}
