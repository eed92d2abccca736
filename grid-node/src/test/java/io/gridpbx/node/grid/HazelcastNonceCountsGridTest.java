package io.gridpbx.node.grid;

import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static com.hazelcast.test.HazelcastTestSupport.waitAllForSafeState;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.core.MutableClock;
import io.gridpbx.core.auth.DigestAuthenticator;
import io.gridpbx.core.auth.NonceUse;
import io.gridpbx.core.store.Stages;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cluster-wide nonce-count check on two real (in-JVM) members with the production grid
 * configuration: a right answer accepted through one member is a replay through the other.
 */
@Timeout(120)
class HazelcastNonceCountsGridTest {

    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Duration RETRANSMISSIONS = Duration.ofSeconds(32);
    private static final String REGISTER_1 = DigestAuthenticator.requestKey("REGISTER", "call-1@phone", 1);

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(3);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T16:00:00Z"));
    private HazelcastInstance first;
    private HazelcastInstance second;

    @BeforeEach
    void startMembers() {
        first = factory.newHazelcastInstance(GridMemberConfig.grid("nonce-counts-test"));
        second = factory.newHazelcastInstance(GridMemberConfig.grid("nonce-counts-test"));
    }

    @AfterEach
    void stopMembers() {
        factory.terminateAll();
    }

    @Test
    void aCountAcceptedOnOneMember_isRefusedOnTheOther_whileCountingUpPassesThere() {
        long issued = clock.millis();
        String nonce = "200 nonce-a";

        assertThat(Stages.await(counts(first).advance(nonce, 1, REGISTER_1, () -> issued))).isTrue();
        assertThat(Stages.await(counts(second).advance(nonce, 1, DigestAuthenticator.requestKey("REGISTER", "call-1@phone", 2),
                () -> issued))).as("the same (nonce, nc) in another request, to the other member").isFalse();
        assertThat(Stages.await(counts(second).advance(nonce, 2, DigestAuthenticator.requestKey("REGISTER", "call-1@phone", 3),
                () -> issued))).as("the phone counting up").isTrue();
        clock.advance(LIFETIME.minusSeconds(1));
        assertThat(Stages.await(counts(first).advance(nonce, 2, "INVITE 1 other-call", () -> issued)))
                .as("remembered while the nonce lives").isFalse();
    }

    @Test
    void theAcceptedRequestRetransmitted_passesOnEitherMember_withinItsWindowOnly() {
        long issued = clock.millis();
        String nonce = "200 nonce-b";
        assertThat(Stages.await(counts(first).advance(nonce, 1, REGISTER_1, () -> issued))).isTrue();

        clock.advance(Duration.ofSeconds(10));
        assertThat(Stages.await(counts(second).advance(nonce, 1, REGISTER_1, () -> issued))).isTrue();
        clock.advance(RETRANSMISSIONS);
        assertThat(Stages.await(counts(first).advance(nonce, 1, REGISTER_1, () -> issued))).isFalse();
    }

    @Test
    void aNonceFirstAnsweredLongAfterItsChallenge_isNotTrusted() {
        long issued = clock.millis();
        clock.advance(RETRANSMISSIONS.plusSeconds(1));

        assertThat(Stages.await(counts(first).advance("200 nonce-c", 1, REGISTER_1, () -> issued)))
                .as("its count may have been let go under load").isFalse();
        assertThat(Stages.await(counts(first).advance("200 nonce-d", 1, REGISTER_1, clock::millis))).isTrue();
    }

    @Test
    void theCountLivesAsLongAsItsNonce_onTheBackupToo_andSurvivesTheCrashOfItsOwner() {
        HazelcastInstance owner = factory.newHazelcastInstance(GridMemberConfig.grid("nonce-counts-test"));
        assertClusterSizeEventually(3, first, second, owner);
        first.getMap(MapNames.NONCE_COUNTS).size();
        waitAllForSafeState(first, second, owner);
        String nonce = nonceCountedBy(owner);
        long issued = clock.millis() - 20_000;

        assertThat(Stages.await(counts(first).advance(nonce, 1, REGISTER_1, () -> issued))).isTrue();
        IMap<Long, NonceUse> map = second.getMap(MapNames.NONCE_COUNTS);
        assertThat(map.getEntryView(HazelcastNonceCounts.keyOf(nonce)).getTtl()).as("the nonce's remaining life")
                .isEqualTo(LIFETIME.toMillis() - 20_000);

        owner.getLifecycleService().terminate();
        assertClusterSizeEventually(2, first, second);
        assertThat(Stages.await(counts(second).advance(nonce, 1, "REGISTER 9 replayed", () -> issued)))
                .as("the promoted backup holds the count").isFalse();
        assertThat(Stages.await(counts(second).advance(nonce, 2, "REGISTER 10 next", () -> issued))).isTrue();
    }

    /** A qualified nonce whose count lives on {@code member}'s partitions. */
    private static String nonceCountedBy(HazelcastInstance member) {
        for (int i = 0; ; i++) {
            String nonce = "200 nonce-" + i;
            if (member.getPartitionService().getPartition(HazelcastNonceCounts.keyOf(nonce)).getOwner()
                    .localMember()) {
                return nonce;
            }
        }
    }

    private HazelcastNonceCounts counts(HazelcastInstance member) {
        return new HazelcastNonceCounts(member, clock, LIFETIME, RETRANSMISSIONS, RETRANSMISSIONS);
    }
}
