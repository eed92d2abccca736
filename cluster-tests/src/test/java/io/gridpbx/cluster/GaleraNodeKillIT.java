package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.core.tenancy.CallSettings;
import io.gridpbx.core.tenancy.SipCredentials;
import io.gridpbx.core.tenancy.TenantDirectory.UserWithCredentials;
import io.gridpbx.core.tenancy.User;
import io.gridpbx.node.grid.BindingsEntry;
import io.gridpbx.node.grid.GridMemberConfig;
import io.gridpbx.node.grid.HazelcastTenantDirectory;
import io.gridpbx.node.grid.PersistedStores;
import io.gridpbx.node.grid.WriteBehindBacklog;
import io.gridpbx.persistence.galera.GaleraCluster;
import io.gridpbx.persistence.jdbc.Database;
import io.gridpbx.persistence.jdbc.DatabaseSettings;
import io.gridpbx.persistence.jdbc.GaleraRetry;
import io.gridpbx.persistence.store.JdbcAccountMapStore;
import io.gridpbx.persistence.store.JdbcApiTokenMapStore;
import io.gridpbx.persistence.store.JdbcAuditMapStore;
import io.gridpbx.persistence.store.JdbcCdrMapStore;
import io.gridpbx.persistence.store.JdbcClientMapStore;
import io.gridpbx.persistence.store.JdbcConfigMapStore;
import io.gridpbx.persistence.store.JdbcDidMapStore;
import io.gridpbx.persistence.store.JdbcGatewayMapStore;
import io.gridpbx.persistence.store.JdbcRouteMapStore;
import io.gridpbx.persistence.store.JdbcCredentialsMapStore;
import io.gridpbx.persistence.store.JdbcLocationStore;
import io.gridpbx.persistence.store.JdbcLogoMapStore;
import io.gridpbx.persistence.store.JdbcMailboxMapStore;
import io.gridpbx.persistence.store.JdbcPictureMapStore;
import io.gridpbx.persistence.store.JdbcRecordingMapStore;
import io.gridpbx.persistence.store.JdbcPlatformMapStore;
import io.gridpbx.persistence.store.JdbcResellerMapStore;
import io.gridpbx.persistence.store.JdbcUserMapStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A Galera node crashes while the grid writes behind a burst of 10,000 users: the crashed node is the
 * first host of the multi-host URL, so the connections the write-behind is using die with their
 * statements in flight. Not one row may be lost, the node must catch up by IST when it comes back,
 * and all three nodes must then hold the same rows. One in-JVM member with the production
 * persistence configuration and the real JDBC stores.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class GaleraNodeKillIT {

    private static final int USERS = 10_000;
    private static final int BATCH = 50;

    private static @Nullable GaleraCluster galera;
    private static @Nullable Database database;
    private static @Nullable TestHazelcastInstanceFactory factory;

    @BeforeAll
    static void startGaleraAndMember() {
        galera = GaleraCluster.start();
        database = Database.open(new DatabaseSettings(galera.jdbcUrl(), galera.user(), galera.password(), 8),
                GaleraRetry.standard());
        factory = new TestHazelcastInstanceFactory(1);
    }

    @AfterAll
    static void stopEverything() {
        if (factory != null) {
            factory.terminateAll();
        }
        if (database != null) {
            database.close();
        }
        if (galera != null) {
            galera.stop();
        }
    }

    @Test
    void firstHostCrashesDuringABurstOfWrites_noRowIsLostAndItRejoinsByIst() throws Exception {
        GaleraCluster cluster = galera;
        Database db = database;
        String domain = "kill-" + UUID.randomUUID().toString().substring(0, 8) + ".galera.gridpbx.test";
        HazelcastInstance member = factory.newHazelcastInstance(GridMemberConfig.persist(
                GridMemberConfig.grid("galera-kill-" + UUID.randomUUID()), stores(db)));
        HazelcastTenantDirectory directory = new HazelcastTenantDirectory(member);

        // Paced over about ten seconds, so that write-behind batches are in flight when node 1 dies.
        CompletableFuture<Void> burst = CompletableFuture.runAsync(() -> {
            for (int first = 0; first < USERS; first += BATCH) {
                directory.saveUsers(users(domain, first, BATCH));
                pause(50);
            }
        });
        String usersOfDomain = "SELECT COUNT(*) FROM users WHERE domain = ?";
        Eventually.await("the write-behind storing users through node 1", Duration.ofSeconds(60),
                () -> GaleraRows.count(cluster, 3, usersOfDomain, domain), stored -> stored >= 500);
        long killedAt = System.nanoTime();
        cluster.killNode(1);
        long storedWhenKilled = GaleraRows.count(cluster, 3, usersOfDomain, domain);
        burst.get(2, TimeUnit.MINUTES);

        WriteBehindBacklog backlog = new WriteBehindBacklog(member);
        Eventually.await("no write-behind backlog left", Duration.ofSeconds(120), backlog::clusterTotal,
                pending -> pending == 0);
        System.out.printf("node 1 killed with %d of %d users stored; backlog drained %d ms after the kill%n",
                storedWhenKilled, USERS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));
        assertThat(storedWhenKilled).as("the kill came during the burst").isLessThan(USERS);

        assertThat(GaleraRows.count(cluster, 3, usersOfDomain, domain)).as("users on node 3").isEqualTo(USERS);
        assertThat(GaleraRows.count(cluster, 3, "SELECT COUNT(*) FROM sip_credentials WHERE realm = ?", domain))
                .as("credentials on node 3").isEqualTo(USERS);

        assertThat(cluster.startNode(1)).as("node 1 caught up by IST, not a full SST").isTrue();
        assertThat(GaleraRows.count(cluster, 1, usersOfDomain, domain)).as("users on node 1").isEqualTo(USERS);
        GaleraCluster.Check check = cluster.check();
        assertThat(check.passed()).as(check.output()).isTrue();
    }

    private static PersistedStores stores(Database db) {
        return new PersistedStores(new JdbcPlatformMapStore(db), new JdbcResellerMapStore(db),
                new JdbcClientMapStore(db), new JdbcUserMapStore(db), new JdbcCredentialsMapStore(db),
                new JdbcLocationStore(db, Clock.systemUTC(), BindingsEntry.GRACE), new JdbcAccountMapStore(db),
                new JdbcApiTokenMapStore(db), new JdbcAuditMapStore(db), new JdbcGatewayMapStore(db),
                new JdbcRouteMapStore(db), new JdbcDidMapStore(db), new JdbcCdrMapStore(db),
                new JdbcConfigMapStore(db), new JdbcPictureMapStore(db), new JdbcLogoMapStore(db),
                new JdbcMailboxMapStore(db),
                new JdbcRecordingMapStore(db), 1, 1000);
    }

    private static List<UserWithCredentials> users(String domain, int first, int count) {
        List<UserWithCredentials> batch = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            String extension = Integer.toString(10_000 + i);
            User user = new User(extension, domain, extension, "User " + extension, "en", CallSettings.DEFAULTS);
            batch.add(new UserWithCredentials(user,
                    SipCredentials.fromPassword(extension, domain, user.addressOfRecord(), "pw" + extension)));
        }
        return batch;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the burst", e);
        }
    }
}
