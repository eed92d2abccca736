package io.gridpbx.node.dns;

import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.node.grid.GridMemberConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The roster on real (in-JVM) members: each member's card, its load as weight, and a member's death. */
@Timeout(120)
class LiveNodesTest {

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(3);
    private final List<LiveNodes> rosters = new ArrayList<>();

    @AfterEach
    void stop() {
        rosters.forEach(LiveNodes::close);
        factory.terminateAll();
    }

    @Test
    void everyMemberSeesEveryNode_withItsLoadAsWeight_andADeadMemberIsGoneAtOnce() {
        HazelcastInstance first = factory.newHazelcastInstance(GridMemberConfig.grid("live-nodes-test"));
        HazelcastInstance second = factory.newHazelcastInstance(GridMemberConfig.grid("live-nodes-test"));
        HazelcastInstance third = factory.newHazelcastInstance(GridMemberConfig.grid("live-nodes-test"));
        assertClusterSizeEventually(3, first, second, third);
        LiveNodes onFirst = live(first, new SipNode("127.0.0.1", 5060, 5061, 100), 0.25);
        live(second, new SipNode("127.0.0.2", 5060, 5061, 100), 0.9);
        live(third, new SipNode("127.0.0.3", 5060, 0, 100), -1);
        List<LiveNodes.Roster> changes = new CopyOnWriteArrayList<>();
        onFirst.onChange(changes::add);

        assertTrueEventually(() -> assertThat(onFirst.roster().nodes())
                .extracting(SipNode::address, SipNode::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("127.0.0.1", 75),
                        org.assertj.core.groups.Tuple.tuple("127.0.0.2", 10),
                        org.assertj.core.groups.Tuple.tuple("127.0.0.3", 100)), 20);
        long serialWithThree = onFirst.roster().serial();

        third.getLifecycleService().terminate();

        assertTrueEventually(() -> assertThat(onFirst.roster().nodes()).extracting(SipNode::address)
                .containsExactly("127.0.0.1", "127.0.0.2"), 20);
        assertThat(onFirst.roster().serial()).isGreaterThan(serialWithThree);
        assertThat(changes.getLast().nodes()).hasSize(2);
        assertTrueEventually(() -> assertThat(second.getReplicatedMap(io.gridpbx.node.grid.MapNames.DNS_NODES)
                .size()).as("the dead member's card is deleted").isEqualTo(2), 20);
    }

    private LiveNodes live(HazelcastInstance member, SipNode self, double load) {
        LiveNodes nodes = new LiveNodes(member, self, () -> load, Clock.systemUTC());
        rosters.add(nodes);
        return nodes;
    }

    @Test
    void theWeightFollowsTheLoad() {
        assertThat(LiveNodes.weight(0)).isEqualTo(100);
        assertThat(LiveNodes.weight(0.5)).isEqualTo(50);
        assertThat(LiveNodes.weight(1)).isEqualTo(1);
        assertThat(LiveNodes.weight(-1)).as("unknown yet").isEqualTo(100);
        assertThat(LiveNodes.weight(Double.NaN)).isEqualTo(100);
    }
}
