package io.gridpbx.node.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.node.grid.ClusterFacts;
import io.gridpbx.node.grid.GridMemberConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the SIP password key comes from: the operator's property, else one the cluster agrees on and keeps. */
class PasswordKeyTest {

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(3);

    @TempDir
    Path first;
    @TempDir
    Path second;

    @AfterEach
    void stop() {
        factory.terminateAll();
    }

    private ClusterFacts member() {
        return new ClusterFacts(factory.newHazelcastInstance(GridMemberConfig.grid("password-key-test")));
    }

    @Test
    void theOperatorsKey_isUsedAsGiven_andAMalformedOneStopsTheNode() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        ClusterFacts facts = member();

        assertThat(PasswordKey.resolve(Base64.getEncoder().encodeToString(key), first, facts, new SplittableRandom(1)))
                .isEqualTo(key);
        assertThat(first.resolve("provisioning")).doesNotExist();
        assertThatThrownBy(() -> PasswordKey.resolve("c2hvcnQ=", first, facts, new SplittableRandom(1)))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void withoutOne_theMembersAgreeOnTheFirstOffer_andKeepItForAFullRestart() throws Exception {
        ClusterFacts one = member();
        ClusterFacts two = member();

        byte[] agreed = PasswordKey.resolve(null, first, one, new SplittableRandom(1));
        byte[] joined = PasswordKey.resolve(null, second, two, new SplittableRandom(2));
        factory.terminateAll();
        byte[] afterRestart = PasswordKey.resolve(null, second, member(), new SplittableRandom(3));

        assertThat(joined).isEqualTo(agreed);
        assertThat(afterRestart).isEqualTo(agreed);
        assertThat(Files.readString(first.resolve("provisioning/password.key")))
                .isEqualTo(Files.readString(second.resolve("provisioning/password.key")));
    }
}
