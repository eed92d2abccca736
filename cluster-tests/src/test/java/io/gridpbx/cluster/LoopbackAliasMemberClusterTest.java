package io.gridpbx.cluster;

import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridpbx.node.grid.ClusterSettings;
import io.gridpbx.node.grid.GridMemberConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Regression: a member bound to a loopback alias (127.0.0.2) refused to start with "No matching
 * network interface found", because the member configuration matched interfaces and Linux lists
 * only 127.0.0.1 on {@code lo}. Several nodes on one machine is how operators and tests run a cluster.
 */
@Timeout(60)
class LoopbackAliasMemberClusterTest {

    private static final int PORT = 25721;

    private final List<HazelcastInstance> started = new ArrayList<>();

    @AfterEach
    void shutDown() {
        started.forEach(member -> member.getLifecycleService().terminate());
    }

    @Test
    void membersOnLoopbackAliases_bindTheirOwnAddressAndFormOneCluster() {
        String name = "loopback-alias-" + ProcessHandle.current().pid();
        List<String> peers = List.of("127.0.0.2:" + PORT, "127.0.0.3:" + PORT);
        HazelcastInstance second = start(new ClusterSettings(name, "127.0.0.2", PORT, peers));
        HazelcastInstance third = start(new ClusterSettings(name, "127.0.0.3", PORT, peers));

        assertClusterSizeEventually(2, second, third);
        assertThat(second.getCluster().getLocalMember().getAddress().getHost()).isEqualTo("127.0.0.2");
        assertThat(third.getCluster().getLocalMember().getAddress().getHost()).isEqualTo("127.0.0.3");
    }

    private HazelcastInstance start(ClusterSettings settings) {
        HazelcastInstance member = Hazelcast.newHazelcastInstance(GridMemberConfig.member(settings));
        started.add(member);
        return member;
    }
}
