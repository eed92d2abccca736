package io.gridpbx.node.sip;

import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static com.hazelcast.test.HazelcastTestSupport.generateKeyOwnedBy;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.GatewayRegistering;
import io.gridpbx.core.trunking.GatewayRegistration;
import io.gridpbx.core.trunking.RegisterOutcome;
import io.gridpbx.core.trunking.TrunkingIndex;
import io.gridpbx.node.grid.GridMemberConfig;
import io.gridpbx.node.grid.HazelcastGatewayRegistrations;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The registrar on real (in-JVM) members, the carrier a recording double that grants every REGISTER a
 * few seconds: each gateway is registered by exactly one member, the owner of its partition; when that
 * member is terminated, the member its partition passes to registers the gateway; a member that leaves
 * gracefully removes its registrations first.
 */
@Timeout(120)
class GatewayRegistrarTest {

    private static final Duration CHECK = Duration.ofMillis(200);
    /** What the carrier grants: the registering member refreshes every second. */
    private static final int GRANTED = 2;

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(3);
    private final TrunkingIndex trunking = new TrunkingIndex();
    private final Queue<Sent> sent = new ConcurrentLinkedQueue<>();
    private final List<GatewayRegistrar> registrars = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** One REGISTER the carrier got: which member sent it, for which gateway, asking how long. */
    private record Sent(String member, String gatewayId, int expires) {
    }

    @AfterEach
    void stop() {
        registrars.forEach(GatewayRegistrar::close);
        factory.terminateAll();
    }

    @Test
    void everyGateway_isRegisteredByTheOwnerOfItsPartitionAlone_andTheBoardSaysWhich() {
        HazelcastInstance a = member();
        HazelcastInstance b = member();
        assertClusterSizeEventually(2, a, b);
        for (int i = 0; i < 12; i++) {
            trunking.putGateway(registering("gw-" + i));
        }
        start(a, "nodeA");
        start(b, "nodeB");

        HazelcastGatewayRegistrations board = new HazelcastGatewayRegistrations(a);
        assertTrueEventually(() -> assertThat(board.all()).hasSize(12)
                .allSatisfy((id, state) -> assertThat(state.registered()).isTrue()), 20);
        for (int i = 0; i < 12; i++) {
            String id = "gw-" + i;
            String owner = a.getPartitionService().getPartition(id).getOwner().localMember() ? "nodeA" : "nodeB";
            assertThat(board.all().get(id).node()).as(id).isEqualTo(owner);
            assertThat(sent).filteredOn(s -> s.gatewayId().equals(id)).as(id + " registered by its owner only")
                    .isNotEmpty().allSatisfy(s -> assertThat(s.member()).isEqualTo(owner));
        }
        assertTrueEventually(() -> assertThat(sent).filteredOn(s -> s.gatewayId().equals("gw-0")).as("refreshed")
                .hasSizeGreaterThanOrEqualTo(3), 20);
    }

    @Test
    void whenTheRegisteringMemberIsTerminated_theMemberItsPartitionPassesTo_registersTheGateway() {
        HazelcastInstance a = member();
        HazelcastInstance b = member();
        assertClusterSizeEventually(2, a, b);
        String id = generateKeyOwnedBy(a);
        trunking.putGateway(registering(id));
        start(a, "nodeA");
        start(b, "nodeB");
        assertTrueEventually(() -> assertThat(sent).contains(new Sent("nodeA", id, 600)), 20);

        long killedAt = System.nanoTime();
        a.getLifecycleService().terminate();

        assertTrueEventually(() -> assertThat(sent).contains(new Sent("nodeB", id, 600)), 20);
        assertTrueEventually(() -> assertThat(new HazelcastGatewayRegistrations(b).all().get(id))
                .extracting(GatewayRegistration::node, GatewayRegistration::state)
                .containsExactly("nodeB", GatewayRegistration.State.REGISTERED), 20);
        System.out.printf("registered by the survivor %d ms after the owner was terminated%n",
                Duration.ofNanos(System.nanoTime() - killedAt).toMillis());
        assertThat(sent).filteredOn(s -> s.member().equals("nodeA") && s.expires() == 0)
                .as("a terminated member removes nothing").isEmpty();
    }

    @Test
    void aMemberThatLeavesGracefully_removesItsRegistrations_andTheNextOwnerRegisters() {
        HazelcastInstance a = member();
        HazelcastInstance b = member();
        assertClusterSizeEventually(2, a, b);
        String id = generateKeyOwnedBy(a);
        trunking.putGateway(registering(id));
        GatewayRegistrar leaving = start(a, "nodeA");
        start(b, "nodeB");
        assertTrueEventually(() -> assertThat(leaving.registered()).containsExactly(id), 20);

        leaving.close();
        assertThat(sent).contains(new Sent("nodeA", id, 0));
        a.shutdown();

        assertTrueEventually(() -> assertThat(sent).contains(new Sent("nodeB", id, 600)), 20);
    }

    @Test
    void aGatewayThatStopsRegistering_isRemovedByItsOwner_andLeavesTheBoard() {
        HazelcastInstance a = member();
        HazelcastInstance b = member();
        assertClusterSizeEventually(2, a, b);
        trunking.putGateway(registering("gw-off"));
        start(a, "nodeA");
        start(b, "nodeB");
        HazelcastGatewayRegistrations board = new HazelcastGatewayRegistrations(b);
        assertTrueEventually(() -> assertThat(board.all()).containsKey("gw-off"), 20);

        trunking.putGateway(new Gateway("gw-off", "Carrier", "10.0.0.1", 5060, Gateway.Transport.UDP, "acct", "secret",
                0, null, false, false, 600));

        assertTrueEventually(() -> {
            assertThat(sent).filteredOn(s -> s.gatewayId().equals("gw-off") && s.expires() == 0).hasSize(1);
            assertThat(board.all()).doesNotContainKey("gw-off");
        }, 20);
    }

    private HazelcastInstance member() {
        return factory.newHazelcastInstance(GridMemberConfig.grid("gateway-registrar-test"));
    }

    private GatewayRegistrar start(HazelcastInstance member, String name) {
        GatewayRegistering.Sender carrier = (gateway, expires) -> {
            sent.add(new Sent(name, gateway.id(), expires));
            return CompletableFuture.completedFuture(new RegisterOutcome(200, expires == 0 ? 0 : GRANTED, 0));
        };
        GatewayRegistrar registrar = GatewayRegistrar.start(member, trunking, carrier,
                new HazelcastGatewayRegistrations(member), Clock.systemUTC(), name, CHECK, Duration.ofSeconds(30));
        registrars.add(registrar);
        return registrar;
    }

    private static Gateway registering(String id) {
        return new Gateway(id, "Carrier " + id, "10.0.0.1", 5060, Gateway.Transport.UDP, "acct", "secret", 0, null,
                false, true, 600);
    }
}
