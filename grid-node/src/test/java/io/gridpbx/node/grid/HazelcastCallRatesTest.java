package io.gridpbx.node.grid;

import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.core.limits.CallRates;
import io.gridpbx.core.store.Stages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Calls per second on real (in-JVM) members: the cap holds across members and concurrent takes, per second. */
@Timeout(120)
class HazelcastCallRatesTest {

    private static final String KEY = CallRates.clientKey("office.example");

    private TestHazelcastInstanceFactory factory;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T12:00:00.100Z"));
    private HazelcastCallRates onFirst;
    private HazelcastCallRates onSecond;

    @BeforeEach
    void startMembers() {
        factory = new TestHazelcastInstanceFactory(2);
        HazelcastInstance first = factory.newHazelcastInstance(GridMemberConfig.grid("call-rates-test"));
        HazelcastInstance second = factory.newHazelcastInstance(GridMemberConfig.grid("call-rates-test"));
        assertClusterSizeEventually(2, first, second);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        onFirst = new HazelcastCallRates(first, clock, new GridDeadline(Duration.ofSeconds(5)));
        onSecond = new HazelcastCallRates(second, clock, new GridDeadline(Duration.ofSeconds(5)));
    }

    @AfterEach
    void stopMembers() {
        factory.terminateAll();
    }

    @Test
    void aSecondAllowsItsCallsWhicheverMemberCounts_andTheNextSecondStartsAgain() {
        List<CompletionStage<Boolean>> takes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            takes.add((i % 2 == 0 ? onFirst : onSecond).take(KEY, 7));
        }
        long admitted = takes.stream().filter(stage -> Stages.await(stage)).count();
        assertThat(admitted).isEqualTo(7);

        now.set(now.get().plusSeconds(1));
        assertThat(Stages.await(onSecond.take(KEY, 7))).isTrue();
        assertThat(Stages.await(onFirst.take(CallRates.clientKey("other.example"), 1))).isTrue();
        assertThat(Stages.await(onFirst.take(CallRates.clientKey("other.example"), 1))).isFalse();
    }
}
