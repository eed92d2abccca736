package io.gridpbx.node.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.core.MutableClock;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.BindingSet;
import io.gridpbx.core.location.ContactRequest;
import io.gridpbx.core.location.RegisterOutcome;
import io.gridpbx.core.location.RegisterRequest;
import io.gridpbx.core.location.RegistrationPolicy;
import io.gridpbx.core.store.Stages;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The grid adapter of the registrar's store on two real (in-JVM) members with the production config. */
class HazelcastBindingStoreTest {

    private static final AddressOfRecord AOR = new AddressOfRecord("200", "office.demo.gridpbx.test");
    private static final RegistrationPolicy POLICY = RegistrationPolicy.DEFAULTS;

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(2);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private HazelcastInstance first;
    private HazelcastInstance second;

    @BeforeEach
    void startMembers() {
        first = factory.newHazelcastInstance(GridMemberConfig.grid("binding-store-test"));
        second = factory.newHazelcastInstance(GridMemberConfig.grid("binding-store-test"));
    }

    @AfterEach
    void stopMembers() {
        factory.terminateAll();
    }

    @Test
    void registerThroughOneMember_isFoundThroughTheOther() {
        RegisterOutcome outcome = Stages.await(new HazelcastBindingStore(first, clock).register(register(1, 3600), POLICY));

        assertThat(outcome).isInstanceOf(RegisterOutcome.Accepted.class);
        assertThat(Stages.await(new HazelcastBindingStore(second, clock).lookup(AOR)))
                .singleElement()
                .satisfies(b -> {
                    assertThat(b.contactUri()).isEqualTo("sip:200@192.0.2.10:5062");
                    assertThat(b.cseq()).isEqualTo(1);
                    assertThat(b.expiresAtMillis()).isEqualTo(clock.millis() + 3_600_000);
                });
    }

    @Test
    void entryLivesJustPastItsLastContact() {
        Stages.await(new HazelcastBindingStore(first, clock).register(register(1, 600), POLICY));

        IMap<String, BindingSet> locations = second.getMap(MapNames.LOCATIONS);
        long ttl = locations.getEntryView(AOR.toString()).getTtl();
        assertThat(ttl).isEqualTo(600_000 + BindingsEntry.GRACE_MILLIS);
    }

    @Test
    void unregisterRemovesTheEntry() {
        HazelcastBindingStore store = new HazelcastBindingStore(first, clock);
        Stages.await(store.register(register(1, 3600), POLICY));

        Stages.await(store.register(register(2, 0), POLICY));

        assertThat(second.getMap(MapNames.LOCATIONS).containsKey(AOR.toString())).isFalse();
        assertThat(Stages.await(store.lookup(AOR))).isEmpty();
    }

    @Test
    void rejectedRegisterChangesNothing() {
        HazelcastBindingStore store = new HazelcastBindingStore(first, clock);
        Stages.await(store.register(register(5, 3600), POLICY));

        RegisterOutcome outcome = Stages.await(store.register(register(3, 3600), POLICY));

        assertThat(outcome).isEqualTo(RegisterOutcome.Rejected.of(400, "CSeq Out Of Order"));
        assertThat(Stages.await(store.lookup(AOR))).singleElement().extracting(b -> b.cseq()).isEqualTo(5L);
    }

    @Test
    void lookupSkipsExpiredContacts() {
        HazelcastBindingStore store = new HazelcastBindingStore(first, clock);
        Stages.await(store.register(register(1, 60), POLICY));

        clock.advance(java.time.Duration.ofSeconds(61));

        assertThat(Stages.await(store.lookup(AOR))).isEmpty();
        assertThat(store.addressCount()).isEqualTo(1); // kept for the grace period, then the TTL removes it
    }

    private static RegisterRequest register(long cseq, int expires) {
        return new RegisterRequest(AOR, List.of(new ContactRequest("sip:200@192.0.2.10:5062", null, 1000)), false,
                expires, "call-1@192.0.2.10", cseq, "udp:192.0.2.10:5062", "node-a", "test-phone");
    }
}
