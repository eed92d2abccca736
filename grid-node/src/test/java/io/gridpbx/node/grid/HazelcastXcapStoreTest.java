package io.gridpbx.node.grid;

import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static com.hazelcast.test.HazelcastTestSupport.waitAllForSafeState;
import static com.hazelcast.test.HazelcastTestSupport.warmUpPartitions;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.presence.xcap.Auid;
import io.gridpbx.core.presence.xcap.XcapDocument;
import io.gridpbx.core.presence.xcap.XcapPrecondition;
import io.gridpbx.core.presence.xcap.XcapStore;
import io.gridpbx.core.presence.xcap.XcapUri;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * XCAP documents on real (in-JVM) members: of conditional PUTs sent from two members at once with the tag they
 * both read, exactly one wins; the document and its tag survive the crash of the member that owned it.
 */
@Timeout(120)
class HazelcastXcapStoreTest {

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(3);
    private HazelcastInstance first;
    private HazelcastInstance second;
    private HazelcastInstance owner;

    @BeforeEach
    void startMembers() {
        first = factory.newHazelcastInstance(GridMemberConfig.grid("xcap-test"));
        second = factory.newHazelcastInstance(GridMemberConfig.grid("xcap-test"));
        owner = factory.newHazelcastInstance(GridMemberConfig.grid("xcap-test"));
        assertClusterSizeEventually(3, first, second, owner);
        warmUpPartitions(first, second, owner);
    }

    @AfterEach
    void stopMembers() {
        factory.terminateAll();
    }

    @Test
    void conditionalPutsFromTwoMembersAtOnce_onlyOneWins() throws Exception {
        XcapUri uri = uriOwnedBy(owner);
        XcapStore onFirst = store(first);
        XcapStore onSecond = store(second);
        assertThat(onFirst.put(document(uri, "v0", "tag0"), XcapPrecondition.ifAbsent())).isEqualTo(XcapStore.Outcome.CREATED);

        for (int round = 1; round <= 20; round++) {
            String read = onSecond.find(uri).orElseThrow().etag();
            CyclicBarrier together = new CyclicBarrier(2);
            int r = round;
            List<CompletableFuture<XcapStore.Outcome>> puts = IntStream.range(0, 2).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                await(together);
                return (i == 0 ? onFirst : onSecond).put(document(uri, "v" + r + "-" + i, "tag" + r + "-" + i),
                        XcapPrecondition.ifMatch(read));
            })).toList();

            List<XcapStore.Outcome> outcomes = puts.stream().map(CompletableFuture::join).toList();
            assertThat(outcomes).as("round " + round).containsExactlyInAnyOrder(XcapStore.Outcome.REPLACED,
                    XcapStore.Outcome.PRECONDITION_FAILED);
            int winner = outcomes.indexOf(XcapStore.Outcome.REPLACED);
            assertThat(onFirst.find(uri).orElseThrow().etag()).isEqualTo("tag" + round + "-" + winner);
        }
    }

    @Test
    void aDocumentAndItsTag_surviveTheCrashOfItsOwner_andAStaleDeleteStillFails() {
        XcapUri uri = uriOwnedBy(owner);
        assertThat(store(first).put(document(uri, "lists", "tag1"), XcapPrecondition.NONE))
                .isEqualTo(XcapStore.Outcome.CREATED);
        waitAllForSafeState(first, second, owner);

        owner.getLifecycleService().terminate();
        assertClusterSizeEventually(2, first, second);

        assertThat(store(second).find(uri)).contains(document(uri, "lists", "tag1"));
        assertThat(store(second).delete(uri, XcapPrecondition.ifMatch("stale")))
                .isEqualTo(XcapStore.Outcome.PRECONDITION_FAILED);
        assertThat(store(first).delete(uri, XcapPrecondition.ifMatch("tag1"))).isEqualTo(XcapStore.Outcome.DELETED);
        assertThat(store(second).find(uri)).isEmpty();
        assertThat(store(second).delete(uri, XcapPrecondition.NONE)).isEqualTo(XcapStore.Outcome.NOT_FOUND);
    }

    @Test
    void aReplayedPut_answersAsItsFirstRunDid() {
        XcapUri uri = uriOwnedBy(owner);
        XcapStore store = store(first);
        store.put(document(uri, "v1", "tag1"), XcapPrecondition.NONE);

        assertThat(store.put(document(uri, "v2", "tag2"), XcapPrecondition.ifMatch("tag1")))
                .isEqualTo(XcapStore.Outcome.REPLACED);
        assertThat(store.put(document(uri, "v2", "tag2"), XcapPrecondition.ifMatch("tag1")))
                .as("the same write again, as after a failover").isEqualTo(XcapStore.Outcome.REPLACED);
        assertThat(store.find(uri)).contains(document(uri, "v2", "tag2"));
    }

    private static XcapStore store(HazelcastInstance member) {
        return new HazelcastXcapStore(member, new GridDeadline(Duration.ofSeconds(10)));
    }

    private static XcapUri uriOwnedBy(HazelcastInstance member) {
        // A user whose document's key the member owns: the owner is the member that decides.
        for (int i = 0; ; i++) {
            XcapUri uri = new XcapUri(Auid.RESOURCE_LISTS, new AddressOfRecord("u" + i, "office.example"), "index");
            if (member.getPartitionService().getPartition(uri.key()).getOwner().getUuid()
                    .equals(member.getCluster().getLocalMember().getUuid())) {
                return uri;
            }
            if (i > 10_000) {
                throw new AssertionError("no key owned by " + member);
            }
        }
    }

    private static XcapDocument document(XcapUri uri, String text, String etag) {
        return new XcapDocument(uri, text.getBytes(StandardCharsets.UTF_8), etag);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
