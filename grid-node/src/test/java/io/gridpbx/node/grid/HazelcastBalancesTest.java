package io.gridpbx.node.grid;

import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.MapStore;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.core.access.AuditEntry;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.store.Stages;
import io.gridpbx.core.tenancy.Reseller;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Balances on real (in-JVM) members: charges from two members at once add up exactly, a call charged
 * twice is charged once, a top-up is audited under the tenant it credits, and the balances are written
 * behind as micros and read back at start.
 */
@Timeout(120)
class HazelcastBalancesTest {

    private static final String CLIENT = "office.north.gridpbx.test";
    private static final String RESELLER = "north.gridpbx.test";

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(4);
    private final InMemoryTable table = new InMemoryTable();
    private HazelcastInstance first;
    private HazelcastInstance second;
    private HazelcastBalances onFirst;
    private HazelcastBalances onSecond;

    @BeforeEach
    void startMembers() {
        first = factory.newHazelcastInstance(config());
        second = factory.newHazelcastInstance(config());
        assertClusterSizeEventually(2, first, second);
        onFirst = balances(first);
        onSecond = balances(second);
    }

    @AfterEach
    void stopMembers() {
        factory.terminateAll();
    }

    @Test
    void chargesFromTwoMembersAtOnce_addUpExactly() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<List<CompletableFuture<Long>>> fromFirst = callers.submit(() -> charges(onFirst, "first-", 500));
            Future<List<CompletableFuture<Long>>> fromSecond = callers.submit(() -> charges(onSecond, "second-", 500));
            CompletableFuture.allOf(fromFirst.get().toArray(CompletableFuture[]::new)).join();
            CompletableFuture.allOf(fromSecond.get().toArray(CompletableFuture[]::new)).join();
        } finally {
            callers.shutdownNow();
        }

        assertThat(Stages.await(onSecond.balance(CLIENT))).isEqualTo(-1_000 * 1_250L);
    }

    @Test
    void aCallChargedAgain_fromEitherMember_isChargedOnce() {
        onFirst.topUp(CLIENT, 10_000_000, "ops@north.test", "opening credit");

        List<CompletableFuture<Long>> again = List.of(
                onFirst.change(CLIENT, "call-1@phone", -120_000).toCompletableFuture(),
                onSecond.change(CLIENT, "call-1@phone", -120_000).toCompletableFuture(),
                onFirst.change(CLIENT, "call-1@phone", -120_000).toCompletableFuture());
        CompletableFuture.allOf(again.toArray(CompletableFuture[]::new)).join();

        assertThat(again).allSatisfy(after -> assertThat(after.join()).isEqualTo(9_880_000L));
        assertThat(Stages.await(onSecond.balance(CLIENT))).isEqualTo(9_880_000L);
        onSecond.charge(CLIENT, "call-1@phone", 120_000);
        onSecond.charge(CLIENT, "call-2@phone", 30_000);
        assertTrueEventually(() -> assertThat(Stages.await(onFirst.balance(CLIENT))).isEqualTo(9_850_000L));
    }

    @Test
    void aTopUp_returnsTheNewBalance_andIsAuditedUnderTheTenantItCredits() {
        first.getMap(MapNames.RESELLERS).set(RESELLER, new Reseller(RESELLER, "North", "gridpbx.test"));

        assertThat(onFirst.topUp(RESELLER, 50_000_000, "admin@gridpbx.test", "wire 2026-12")).isEqualTo(50_000_000L);
        assertThat(onSecond.topUp(CLIENT, 12_500_000, "ops@north.test", "")).isEqualTo(12_500_000L);
        assertThat(onSecond.topUp(CLIENT, -2_250_000, "ops@north.test", "refund of a double payment"))
                .isEqualTo(10_250_000L);

        List<AuditEntry> trail = new HazelcastAuditLog(second).recent(Scope.platform("gridpbx.test"), 10);
        assertThat(trail).extracting(AuditEntry::action).containsOnly("top-up");
        assertThat(trail).extracting(AuditEntry::actor, AuditEntry::actingAs, AuditEntry::subject).containsExactlyInAnyOrder(
                tuple("admin@gridpbx.test", Scope.reseller(RESELLER),
                        "balance:" + RESELLER + " +50 = 50 (wire 2026-12)"),
                tuple("ops@north.test", Scope.client(CLIENT),
                        "balance:" + CLIENT + " +12.5 = 12.5"),
                tuple("ops@north.test", Scope.client(CLIENT),
                        "balance:" + CLIENT + " -2.25 = 10.25 (refund of a double payment)"));
        assertThat(new HazelcastAuditLog(first).recent(Scope.client(CLIENT), 10)).as("the client sees its own").hasSize(2);
    }

    @Test
    void anUnknownTenantHasNothing() {
        assertThat(Stages.await(onFirst.balance("nobody.gridpbx.test"))).isZero();
    }

    @Test
    void balancesAreWrittenBehindAsMicros_andReadBackAtStart() {
        onFirst.topUp(CLIENT, 5_000_000, "ops@north.test", "");
        onSecond.charge(CLIENT, "call-9@phone", 1_500_000);
        assertTrueEventually(() -> assertThat(table.rows).containsEntry(CLIENT, 3_500_000L));

        factory.terminateAll();
        HazelcastInstance restarted = factory.newHazelcastInstance(config());

        assertThat(Stages.await(balances(restarted).balance(CLIENT))).isEqualTo(3_500_000L);
    }

    private static List<CompletableFuture<Long>> charges(HazelcastBalances balances, String prefix, int count) {
        List<CompletableFuture<Long>> pending = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pending.add(balances.change(CLIENT, prefix + i, -1_250).toCompletableFuture());
        }
        return pending;
    }

    private static HazelcastBalances balances(HazelcastInstance member) {
        return new HazelcastBalances(member, new HazelcastAuditLog(member), Clock.systemUTC(), new SplittableRandom(7),
                new GridDeadline(Duration.ofSeconds(10)));
    }

    private Config config() {
        Config config = GridMemberConfig.grid("balances-test");
        config.getMapConfig(MapNames.BALANCES).setMapStoreConfig(new MapStoreConfig().setEnabled(true)
                .setImplementation(new BalanceMapStore(table)).setWriteDelaySeconds(1)
                .setInitialLoadMode(MapStoreConfig.InitialLoadMode.EAGER));
        return config;
    }

    /** The {@code balances} table as a map: what was stored last per tenant. */
    private static final class InMemoryTable implements MapStore<String, Long> {
        final Map<String, Long> rows = new ConcurrentHashMap<>();

        @Override
        public void store(String tenant, Long micros) {
            rows.put(tenant, micros);
        }

        @Override
        public void storeAll(Map<String, Long> batch) {
            rows.putAll(batch);
            batch.clear();
        }

        @Override
        public void delete(String tenant) {
            rows.remove(tenant);
        }

        @Override
        public void deleteAll(Collection<String> tenants) {
            tenants.forEach(rows::remove);
            tenants.clear();
        }

        @Override
        public Long load(String tenant) {
            return rows.get(tenant);
        }

        @Override
        public Map<String, Long> loadAll(Collection<String> tenants) {
            Map<String, Long> found = new HashMap<>();
            tenants.forEach(tenant -> {
                if (rows.containsKey(tenant)) {
                    found.put(tenant, rows.get(tenant));
                }
            });
            return found;
        }

        @Override
        public Iterable<String> loadAllKeys() {
            return List.copyOf(rows.keySet());
        }
    }
}
