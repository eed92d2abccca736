package io.gridpbx.node.grid;

import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.core.MutableClock;
import io.gridpbx.core.security.Ban;
import io.gridpbx.core.security.BanReason;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cluster's bans on two real (in-JVM) members: a ban set through one is enforced by the other,
 * lifts when its time is over by the node's clock even though the grid, which keeps times in whole
 * seconds, may expire its entry before that (a CI run saw a ban lift 309 ms early), and a lift
 * reaches every member.
 */
@Timeout(120)
class HazelcastBanListTest {

    private static final String SCANNER = "192.0.2.7";

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(2);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T13:00:00.900Z"));
    private HazelcastInstance first;
    private HazelcastInstance second;
    private HazelcastBanList onFirst;
    private HazelcastBanList onSecond;

    @BeforeEach
    void startMembers() {
        first = factory.newHazelcastInstance(GridMemberConfig.grid("ban-list-test"));
        second = factory.newHazelcastInstance(GridMemberConfig.grid("ban-list-test"));
        assertClusterSizeEventually(2, first, second);
        onFirst = new HazelcastBanList(first, clock, 100);
        onSecond = new HazelcastBanList(second, clock, 100);
    }

    @AfterEach
    void stopMembers() {
        onFirst.close();
        onSecond.close();
        factory.terminateAll();
    }

    @Test
    void aBanWhoseGridEntryExpiresFirst_holdsOnEveryMemberUntilItsEnd() throws InterruptedException {
        IMap<String, Ban> map = second.getMap(MapNames.SECURITY_BANS);
        var expired = new CountDownLatch(1);
        map.addEntryListener((EntryExpiredListener<String, Ban>) event -> expired.countDown(), false);

        onFirst.add(ban(Duration.ofSeconds(1)));
        awaitBannedOnSecond();

        // The node's clock stands still: by it, the ban never ends, whatever the grid's entry does.
        while (expired.getCount() > 0) {
            map.get(SCANNER);
            expired.await(100, TimeUnit.MILLISECONDS);
        }
        assertThat(onSecond.isBanned(SCANNER)).as("banned on the second member after the grid's expiry").isTrue();
        assertThat(onFirst.isBanned(SCANNER)).as("banned on the first").isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertThat(onSecond.isBanned(SCANNER)).as("banned once its second is over").isFalse();
        assertThat(onSecond.active()).isEmpty();
    }

    @Test
    void aLiftThroughOneMember_servesTheSourceOnTheOther() {
        onFirst.add(ban(Duration.ofMinutes(10)));
        awaitBannedOnSecond();

        assertThat(onSecond.lift(SCANNER)).isTrue();
        assertThat(onSecond.isBanned(SCANNER)).isFalse();
        assertTrueEventually(() -> assertThat(onFirst.isBanned(SCANNER)).as("the first member").isFalse(), 10);
    }

    private void awaitBannedOnSecond() {
        assertTrueEventually(() -> assertThat(onSecond.isBanned(SCANNER)).as("the second member").isTrue(), 10);
    }

    private Ban ban(Duration duration) {
        Instant now = clock.instant();
        return new Ban(SCANNER, null, BanReason.SCANNER, now, now.plus(duration), "first");
    }
}
