package io.gridpbx.node.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import com.hazelcast.nio.serialization.genericrecord.GenericRecordBuilder;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.tenancy.NatPolicy;
import io.gridpbx.core.tenancy.Client;
import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.tenancy.TenantProvisioning;
import io.gridpbx.core.tenancy.User;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tenant configuration across members: every record type survives the wire and changes reach the near caches. */
class HazelcastTenantDirectoryTest {

    private static final AddressOfRecord AOR = new AddressOfRecord("202", "office.demo.gridpbx.test");

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(2);
    private HazelcastInstance first;
    private HazelcastTenantDirectory onFirst;
    private HazelcastTenantDirectory onSecond;

    @BeforeEach
    void startMembers() {
        first = factory.newHazelcastInstance(GridMemberConfig.grid("directory-test"));
        HazelcastInstance second = factory.newHazelcastInstance(GridMemberConfig.grid("directory-test"));
        onFirst = new HazelcastTenantDirectory(first);
        onSecond = new HazelcastTenantDirectory(second);
    }

    @AfterEach
    void stopMembers() {
        factory.terminateAll();
    }

    @Test
    void demoTenantsWrittenOnOneMember_readIdenticallyOnTheOther() {
        assertThat(onSecond.isEmpty()).isTrue();

        DemoTenants.create(new TenantProvisioning(onFirst));

        assertThat(onSecond.isEmpty()).isFalse();
        assertThat(onSecond.platform()).contains(onFirst.platform().orElseThrow());
        assertThat(onSecond.reseller("demo.gridpbx.test")).isEqualTo(onFirst.reseller("demo.gridpbx.test"));
        assertThat(onSecond.client("shop.other.gridpbx.test")).isEqualTo(onFirst.client("shop.other.gridpbx.test"));
        assertThat(onSecond.user(AOR)).isPresent().isEqualTo(onFirst.user(AOR));
        assertThat(onSecond.credentials("202", "office.demo.gridpbx.test"))
                .isPresent().get().satisfies(c -> assertThat(c.owner()).isEqualTo(AOR));
        assertThat(onSecond.user(new AddressOfRecord("220", "office.demo.gridpbx.test"))).isEmpty();
    }

    @Test
    void changeOnOneMember_reachesTheOtherMembersNearCache() throws InterruptedException {
        DemoTenants.create(new TenantProvisioning(onFirst));
        User before = onSecond.user(AOR).orElseThrow(); // now in member two's near cache
        assertThat(before.callSettings().doNotDisturb()).isFalse();

        User changed = before.withCallSettings(before.callSettings().withDoNotDisturb(true));
        onFirst.saveUser(changed, onFirst.credentials("202", "office.demo.gridpbx.test").orElseThrow());

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!onSecond.user(AOR).orElseThrow().callSettings().doNotDisturb()) {
            assertThat(System.nanoTime()).as("near cache invalidated within 10 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void aClientsDigestAlgorithms_crossTheWire_andAChangeReachesTheOtherMembersNearCache() {
        DemoTenants.create(new TenantProvisioning(onFirst));
        Client office = onSecond.client("office.demo.gridpbx.test").orElseThrow(); // in member two's near cache
        assertThat(office.digestAlgorithms()).isEmpty();

        onFirst.saveClient(new Client(office.domain(), office.name(), office.resellerRealm(),
                office.maxContactsPerUser(), office.email(), office.language(),
                List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256)));

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (onSecond.client("office.demo.gridpbx.test").orElseThrow().digestAlgorithms().isEmpty()) {
            assertThat(System.nanoTime()).as("near cache invalidated within 10 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
        assertThat(onSecond.client("office.demo.gridpbx.test").orElseThrow().digestAlgorithms())
                .containsExactly(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);
    }

    @Test
    void aClientsMediaRelay_crossesTheWire_andAChangeReachesTheOtherMembersNearCache() {
        DemoTenants.create(new TenantProvisioning(onFirst));
        Client office = onSecond.client("office.demo.gridpbx.test").orElseThrow(); // in member two's near cache
        assertThat(office.mediaRelay()).isEqualTo(NatPolicy.WHEN_NAT);

        onFirst.saveClient(new Client(office.domain(), office.name(), office.resellerRealm(),
                office.maxContactsPerUser(), office.email(), office.language(), office.digestAlgorithms(),
                NatPolicy.ALWAYS));

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (onSecond.client("office.demo.gridpbx.test").orElseThrow().mediaRelay() != NatPolicy.ALWAYS) {
            assertThat(System.nanoTime()).as("near cache invalidated within 10 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /** A rolling upgrade: a client written by a member that knew no media relay policy reads as WHEN_NAT. */
    @Test
    void aClientWrittenBeforeMediaRelayExisted_relaysWhenNat() {
        GenericRecord old = GenericRecordBuilder.compact("gridpbx.Client")
                .setString("domain", "office.demo.gridpbx.test").setString("name", "Office")
                .setString("resellerRealm", "demo.gridpbx.test").setInt32("maxContactsPerUser", 5)
                .setString("email", null).setString("language", "fr").setString("digestAlgorithms", "SHA-256")
                .build();

        first.getMap(MapNames.CLIENTS).set("office.demo.gridpbx.test", old);

        Client read = onSecond.client("office.demo.gridpbx.test").orElseThrow();
        assertThat(read.mediaRelay()).isEqualTo(NatPolicy.WHEN_NAT);
        assertThat(read.digestAlgorithms()).containsExactly(DigestAlgorithm.SHA_256);
        assertThat(read.language()).isEqualTo("fr");
    }
}
