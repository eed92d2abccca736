package io.gridpbx.cluster;

import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static com.hazelcast.test.HazelcastTestSupport.waitAllForSafeState;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.EntryView;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.Binding;
import io.gridpbx.core.location.BindingSet;
import io.gridpbx.core.location.ContactRequest;
import io.gridpbx.core.location.RegisterOutcome;
import io.gridpbx.core.location.RegisterRequest;
import io.gridpbx.core.location.RegistrationPolicy;
import io.gridpbx.node.grid.GridMemberConfig;
import io.gridpbx.node.grid.HazelcastBindingStore;
import io.gridpbx.node.grid.MapNames;
import io.gridpbx.core.store.Stages;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Registrar bindings survive the crash of the member that owns them: three in-JVM members with the
 * production grid configuration, the owner of an AOR's partition is terminated (a crash, no
 * graceful migration) and the promoted backup must hold exactly what the primary computed.
 */
@Timeout(120)
class BindingFailoverClusterTest {

    private static final String DOMAIN = "office.failover.gridpbx.test";
    private static final RegistrationPolicy POLICY = RegistrationPolicy.DEFAULTS;
    /** The grid's time: fixed, so expiries and TTLs can be asserted exactly. */
    private static final Clock CLOCK = Clock.fixed(Instant.now(), ZoneOffset.UTC);
    private static final long NOW = CLOCK.millis();
    /** How long an entry outlives its last contact (BindingsEntry.GRACE_MILLIS). */
    private static final long GRACE_MILLIS = 60_000;

    private TestHazelcastInstanceFactory factory;
    private HazelcastInstance[] members;

    @BeforeEach
    void startThreeMembers() {
        factory = new TestHazelcastInstanceFactory(3);
        String cluster = "binding-failover-" + UUID.randomUUID();
        members = new HazelcastInstance[3];
        for (int i = 0; i < members.length; i++) {
            members[i] = factory.newHazelcastInstance(GridMemberConfig.grid(cluster));
        }
        assertClusterSizeEventually(3, members);
        // Partitions assigned and replicas in sync: the owner picked below stays the owner until we kill it.
        members[0].getMap(MapNames.LOCATIONS).size();
        waitAllForSafeState(members);
    }

    @AfterEach
    void stopMembers() {
        factory.terminateAll();
    }

    @Test
    void bindingOfACrashedOwner_isServedByTheSurvivors_withContactExpiryAndCSeqIntact() {
        HazelcastInstance registrarSide = members[0];
        HazelcastInstance lookupSide = members[1];
        HazelcastInstance owner = members[2];
        AddressOfRecord aor = aorOwnedBy(owner, "alice");

        RegisterOutcome outcome = Stages.await(store(registrarSide).register(
                register(aor, "call-alice", 7, contact("sip:alice@192.0.2.10:5060", 1800)), POLICY));
        assertThat(outcome).isInstanceOf(RegisterOutcome.Accepted.class);
        Binding registered = Stages.await(store(lookupSide).lookup(aor)).getFirst();
        assertThat(registered.contactUri()).isEqualTo("sip:alice@192.0.2.10:5060");
        assertThat(registered.expiresAtMillis()).isEqualTo(NOW + 1_800_000);
        assertThat(registered.cseq()).isEqualTo(7);

        Member crashed = owner.getCluster().getLocalMember();
        crash(owner);

        for (HazelcastInstance survivor : List.of(registrarSide, lookupSide)) {
            assertThat(ownerOf(aor, survivor)).isNotEqualTo(crashed);
            assertThat(Stages.await(store(survivor).lookup(aor))).containsExactly(registered);
        }
    }

    @Test
    void fiveHundredBindings_allResolveAfterOneMemberCrashes() {
        HazelcastInstance victim = members[2];
        List<AddressOfRecord> aors = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            aors.add(new AddressOfRecord(Integer.toString(1000 + i), DOMAIN));
        }
        HazelcastBindingStore registrar = store(members[0]);
        for (AddressOfRecord aor : aors) {
            assertThat(Stages.await(registrar.register(register(aor, "call-" + aor.user(), 1,
                    contact(contactOf(aor), 3600)), POLICY))).isInstanceOf(RegisterOutcome.Accepted.class);
        }
        long ownedByVictim = aors.stream()
                .filter(aor -> ownerOf(aor, victim).equals(victim.getCluster().getLocalMember())).count();
        // About a third of the partitions: the crash must really take bindings with it.
        assertThat(ownedByVictim).isGreaterThan(50);

        crash(victim);

        for (HazelcastInstance survivor : List.of(members[0], members[1])) {
            HazelcastBindingStore store = store(survivor);
            assertThat(store.addressCount()).isEqualTo(500);
            for (AddressOfRecord aor : aors) {
                List<Binding> found = Stages.await(store.lookup(aor));
                assertThat(found).as("bindings of %s via %s", aor, survivor.getName()).hasSize(1);
                assertThat(found.getFirst().contactUri()).isEqualTo(contactOf(aor));
                assertThat(found.getFirst().expiresAtMillis()).isEqualTo(NOW + 3_600_000);
            }
        }
    }

    @Test
    void promotedBackup_holdsTheSetThePrimaryComputed_soARefreshAppliesTheRulesToIt() {
        HazelcastInstance owner = members[2];
        HazelcastInstance survivor = members[1];
        AddressOfRecord aor = aorOwnedBy(owner, "bob");
        String desk = "sip:bob@192.0.2.20:5060";
        String mobile = "sip:bob@198.51.100.7:40123;transport=tcp";

        assertThat(Stages.await(store(members[0]).register(register(aor, "call-bob", 1,
                contact(desk, 600), contact(mobile, 1200)), POLICY))).isInstanceOf(RegisterOutcome.Accepted.class);

        crash(owner);

        // The primary is gone: only the StoreBindingsProcessor's copy can answer, TTL included.
        EntryView<String, BindingSet> promoted = survivor.<String, BindingSet>getMap(MapNames.LOCATIONS)
                .getEntryView(aor.toString());
        assertThat(promoted).isNotNull();
        assertThat(promoted.getTtl()).isEqualTo(1_200_000 + GRACE_MILLIS);

        // The same Call-ID with an older CSeq must be refused: the backup kept the CSeq.
        RegisterOutcome stale = Stages.await(store(survivor).register(register(aor, "call-bob", 0, contact(desk, 600)), POLICY));
        assertThat(stale).isInstanceOfSatisfying(RegisterOutcome.Rejected.class,
                rejected -> assertThat(rejected.status()).isEqualTo(400));

        // A refresh of one contact keeps the other: the rules run on the set the backup held.
        RegisterOutcome refreshed = Stages.await(store(survivor).register(register(aor, "call-bob", 2, contact(desk, 900)), POLICY));
        assertThat(refreshed).isInstanceOfSatisfying(RegisterOutcome.Accepted.class, accepted -> {
            assertThat(accepted.live()).extracting(Binding::contactUri).containsExactlyInAnyOrder(desk, mobile);
            assertThat(accepted.live()).filteredOn(b -> b.contactUri().equals(desk))
                    .singleElement().satisfies(b -> {
                        assertThat(b.cseq()).isEqualTo(2);
                        assertThat(b.expiresAtMillis()).isEqualTo(NOW + 900_000);
                    });
            assertThat(accepted.live()).filteredOn(b -> b.contactUri().equals(mobile))
                    .singleElement().satisfies(b -> {
                        assertThat(b.cseq()).isEqualTo(1);
                        assertThat(b.expiresAtMillis()).isEqualTo(NOW + 1_200_000);
                    });
        });
        assertThat(Stages.await(store(members[0]).lookup(aor))).hasSize(2);
    }

    /** Kills a member the way a crash does, then waits until the survivors have promoted its backups. */
    private void crash(HazelcastInstance member) {
        List<HazelcastInstance> survivors = Arrays.stream(members).filter(m -> m != member).toList();
        member.getLifecycleService().terminate();
        assertClusterSizeEventually(survivors.size(), survivors);
    }

    /** An AOR of the failover domain whose partition the given member owns (AOR keys must parse). */
    private static AddressOfRecord aorOwnedBy(HazelcastInstance owner, String userPrefix) {
        Member wanted = owner.getCluster().getLocalMember();
        for (int i = 0; i < 10_000; i++) {
            AddressOfRecord candidate = new AddressOfRecord(userPrefix + i, DOMAIN);
            if (wanted.equals(ownerOf(candidate, owner))) {
                return candidate;
            }
        }
        throw new AssertionError("no AOR owned by " + wanted);
    }

    private static Member ownerOf(AddressOfRecord aor, HazelcastInstance view) {
        return view.getPartitionService().getPartition(aor.toString()).getOwner();
    }

    private static HazelcastBindingStore store(HazelcastInstance member) {
        return new HazelcastBindingStore(member, CLOCK);
    }

    private static String contactOf(AddressOfRecord aor) {
        return "sip:" + aor.user() + "@203.0.113.5:" + (20_000 + Integer.parseInt(aor.user()));
    }

    private static ContactRequest contact(String uri, int expires) {
        return new ContactRequest(uri, expires, Binding.DEFAULT_Q);
    }

    private static RegisterRequest register(AddressOfRecord aor, String callId, long cseq, ContactRequest... contacts) {
        return new RegisterRequest(aor, List.of(contacts), false, null, callId, cseq, "udp:203.0.113.5:5060",
                "test-node", "cluster-test");
    }
}
