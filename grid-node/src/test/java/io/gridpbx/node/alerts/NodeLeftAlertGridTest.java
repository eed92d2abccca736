package io.gridpbx.node.alerts;

import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static com.hazelcast.test.HazelcastTestSupport.waitAllForSafeState;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.cluster.Address;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.core.access.Actor;
import io.gridpbx.core.access.InMemoryAccess;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.alerts.Alert;
import io.gridpbx.core.alerts.Alerts;
import io.gridpbx.core.alerts.Condition;
import io.gridpbx.core.alerts.AlertKind;
import io.gridpbx.node.grid.GridMemberConfig;
import io.gridpbx.node.grid.HazelcastAlertBoard;
import io.gridpbx.node.grid.MemberAddresses;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * "A node left" on three real (in-JVM) members, each running its evaluator: a terminated member is
 * raised once, by the oldest, and cleared once when a member is back at its address; when the
 * evaluator itself dies, the next oldest raises it, once, and leaves the earlier history alone.
 */
@Timeout(120)
class NodeLeftAlertGridTest {

    private static final String CLUSTER = "node-left-alert-test";
    private static final Duration INTERVAL = Duration.ofMillis(200);

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(3);
    private final Map<HazelcastInstance, AlertEvaluator> evaluators = new ConcurrentHashMap<>();
    private final List<RecordingChannel> channels = new ArrayList<>();
    private final List<AlertDelivery> deliveries = new ArrayList<>();

    @AfterEach
    void stop() {
        evaluators.values().forEach(evaluator -> {
            try {
                evaluator.close();
            } catch (RuntimeException ignored) {
                // its member is gone already
            }
        });
        deliveries.forEach(AlertDelivery::close);
        factory.terminateAll();
    }

    @Test
    void aTerminatedMemberIsRaisedOnce_andClearedOnceWhenItReturns_evenWhenTheEvaluatorDies() {
        HazelcastInstance first = member();
        HazelcastInstance second = member();
        HazelcastInstance third = member();
        assertClusterSizeEventually(3, first, second, third);
        Address thirdAddress = third.getCluster().getLocalMember().getAddress();
        String thirdName = thirdAddress.getHost() + ":" + thirdAddress.getPort();

        crash(third);

        assertTrueEventually(() -> assertThat(board(first).active()).extracting(Alert::id)
                .containsExactly("node-left:" + thirdName), 20);
        Alert raised = board(second).active().getFirst();
        assertThat(raised.raisedBy()).as("the oldest raised it").isEqualTo(name(first));
        // More rounds on every survivor, also asked directly: still one raise, delivered once.
        for (int round = 0; round < 5; round++) {
            evaluators.get(first).evaluateCluster();
            evaluators.get(second).evaluateCluster();
        }
        assertTrueEventually(() -> assertThat(events(AlertEvent.Transition.RAISED)).hasSize(1), 10);

        HazelcastInstance back = factory.newHazelcastInstance(thirdAddress, GridMemberConfig.grid(CLUSTER));
        start(back);
        assertClusterSizeEventually(3, first, second, back);

        assertTrueEventually(() -> assertThat(board(second).active()).isEmpty(), 20);
        assertTrueEventually(() -> assertThat(events(AlertEvent.Transition.CLEARED)).singleElement()
                .satisfies(event -> assertThat(event.alert().clearedAt()).isNotNull()), 10);
        assertThat(board(back).history()).singleElement().satisfies(alert -> {
            assertThat(alert.id()).isEqualTo("node-left:" + thirdName);
            assertThat(alert.raisedAt()).isEqualTo(raised.raisedAt());
        });

        String firstName = name(first);
        crash(first);

        assertTrueEventually(() -> assertThat(board(second).active()).extracting(Alert::id)
                .containsExactly("node-left:" + firstName), 20);
        assertThat(board(second).active().getFirst().raisedBy()).as("the new oldest")
                .isEqualTo(name(second));
        for (int round = 0; round < 5; round++) {
            evaluators.get(second).evaluateCluster();
            evaluators.get(back).evaluateCluster();
        }
        assertTrueEventually(() -> assertThat(events(AlertEvent.Transition.RAISED)).hasSize(2), 10);
        assertThat(events(AlertEvent.Transition.RAISED)).extracting(e -> e.alert().kind())
                .containsOnly(AlertKind.NODE_LEFT);
        assertThat(board(back).history()).hasSize(1);
    }

    @Test
    void aPlannedStop_isNoNodeLost() {
        HazelcastInstance first = member();
        HazelcastInstance second = member();
        assertClusterSizeEventually(2, first, second);

        evaluators.remove(second).close();
        second.shutdown();
        assertClusterSizeEventually(1, first);
        for (int round = 0; round < 3; round++) {
            evaluators.get(first).evaluateCluster();
        }

        assertThat(board(first).active()).isEmpty();
        assertThat(events(AlertEvent.Transition.RAISED)).isEmpty();
    }

    @Test
    void aNodeForgottenByTheOperator_isClearedByTheNextEvaluation_withItsOwnAlerts() {
        HazelcastInstance first = member();
        HazelcastInstance second = member();
        assertClusterSizeEventually(2, first, second);
        String secondName = name(second);
        crash(second);
        assertTrueEventually(() -> assertThat(board(first).active()).hasSize(1), 20);
        // Raised by the node itself before it died: only it could clear it, and it will not come back.
        board(first).raise(new Condition(AlertKind.WRITE_BEHIND_BACKLOG, secondName, "backlog", 20_000),
                java.time.Instant.now(), secondName);
        for (int round = 0; round < 3; round++) {
            evaluators.get(first).evaluateCluster();
        }
        assertThat(board(first).active()).as("kept while the node is missed").hasSize(2);

        new Alerts(board(first), new MemberAddresses(first), new InMemoryAccess(), Clock.systemUTC())
                .forgetNode(Actor.token("ops", Scope.platform("gridpbx.test")), secondName);

        assertTrueEventually(() -> assertThat(board(first).active()).isEmpty(), 20);
        assertTrueEventually(() -> assertThat(events(AlertEvent.Transition.CLEARED)).extracting(e -> e.alert().id())
                .containsExactlyInAnyOrder("node-left:" + secondName, "write-behind-backlog:" + secondName), 10);
    }

    private HazelcastInstance member() {
        HazelcastInstance member = factory.newHazelcastInstance(GridMemberConfig.grid(CLUSTER));
        start(member);
        return member;
    }

    private void start(HazelcastInstance member) {
        RecordingChannel channel = new RecordingChannel();
        channels.add(channel);
        AlertDelivery delivery = new AlertDelivery(List.of(channel), 1, Duration.ofMillis(10));
        deliveries.add(delivery);
        evaluators.put(member, new AlertEvaluator(member, board(member), new MemberRoster(member, Clock.systemUTC()),
                List.of(), delivery, Clock.systemUTC(), INTERVAL));
    }

    /** Crashes a member once the partitions are safe (a crash in the middle of a migration is another test). */
    private void crash(HazelcastInstance member) {
        waitAllForSafeState(evaluators.keySet());
        AlertEvaluator evaluator = evaluators.remove(member);
        member.getLifecycleService().terminate();
        evaluator.close();
    }

    private static HazelcastAlertBoard board(HazelcastInstance member) {
        return new HazelcastAlertBoard(member, 100);
    }

    private static String name(HazelcastInstance member) {
        return MemberRoster.address(member.getCluster().getLocalMember());
    }

    private List<AlertEvent> events(AlertEvent.Transition transition) {
        return channels.stream().flatMap(c -> c.events.stream()).filter(e -> e.transition() == transition).toList();
    }
}
