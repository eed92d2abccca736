package io.gridpbx.cluster;

import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static com.hazelcast.test.HazelcastTestSupport.waitAllForSafeState;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.core.tenancy.CallSettings;
import io.gridpbx.core.access.Account;
import io.gridpbx.core.access.ApiToken;
import io.gridpbx.core.access.AuditEntry;
import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.features.ConfigObject;
import io.gridpbx.core.manage.Picture;
import io.gridpbx.core.tenancy.Client;
import io.gridpbx.core.trunking.Did;
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.OutboundRoute;
import io.gridpbx.core.tenancy.Platform;
import io.gridpbx.core.tenancy.Reseller;
import io.gridpbx.core.tenancy.SipCredentials;
import io.gridpbx.core.tenancy.TenantDirectory.UserWithCredentials;
import io.gridpbx.core.tenancy.User;
import io.gridpbx.core.voicemail.Mailbox;
import io.gridpbx.core.voicemail.Recording;
import io.gridpbx.node.grid.GridMemberConfig;
import io.gridpbx.node.grid.HazelcastTenantDirectory;
import io.gridpbx.node.grid.MapNames;
import io.gridpbx.node.grid.PersistedStores;
import io.gridpbx.node.grid.WriteBehindBacklog;
import java.time.Duration;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Writes accepted by the grid reach the store even when the member holding them crashes before its
 * write-behind flush, or when the store refuses every write for a while: three in-JVM members with
 * the production persistence configuration and recording stores in place of the database.
 */
@Timeout(180)
class WriteBehindFailoverClusterTest {

    private static final String DOMAIN = "office.wb.gridpbx.test";
    private static final int USERS = 1000;

    private final RecordingMapStore<User> users = new RecordingMapStore<>();
    private TestHazelcastInstanceFactory factory;
    private HazelcastInstance[] members;

    @BeforeEach
    void startThreeMembers() {
        factory = new TestHazelcastInstanceFactory(3);
        String cluster = "write-behind-" + UUID.randomUUID();
        // A long write delay keeps the entries pending long enough to crash their owner first.
        PersistedStores stores = new PersistedStores(new RecordingMapStore<Platform>(), new RecordingMapStore<Reseller>(),
                new RecordingMapStore<Client>(), users, new RecordingMapStore<SipCredentials>(),
                new RecordingEntryStore(), new RecordingMapStore<Account>(), new RecordingMapStore<ApiToken>(),
                new RecordingMapStore<AuditEntry>(), new RecordingMapStore<Gateway>(),
                new RecordingMapStore<OutboundRoute>(), new RecordingMapStore<Did>(),
                new RecordingMapStore<Cdr>(), new RecordingMapStore<ConfigObject>(), new RecordingMapStore<Picture>(),
                new RecordingMapStore<Picture>(), new RecordingMapStore<Mailbox>(), new RecordingMapStore<Recording>(), 5, 100);
        members = new HazelcastInstance[3];
        for (int i = 0; i < members.length; i++) {
            Config config = GridMemberConfig.persist(GridMemberConfig.grid(cluster), stores);
            members[i] = factory.newHazelcastInstance(config);
        }
        assertClusterSizeEventually(3, members);
        members[0].getMap(MapNames.USERS).size();
        waitAllForSafeState(members);
    }

    @AfterEach
    void stopMembers() {
        factory.terminateAll();
    }

    @Test
    void ownerCrashesBeforeItsFlush_everyPendingWriteIsStoredByTheBackup() throws InterruptedException {
        Set<String> written = writeUsers(members[0], 0, USERS);
        assertThat(users.storedKeys()).as("nothing flushed yet: the write delay is 5 s").isEmpty();
        long ownedByVictim = written.stream().filter(key -> ownedBy(members[2], key)).count();
        assertThat(ownedByVictim).as("the crashed member owned some of the pending writes").isGreaterThan(100);

        members[2].getLifecycleService().terminate();
        assertClusterSizeEventually(2, members[0]);

        Eventually.await("all " + USERS + " users stored", Duration.ofSeconds(60),
                () -> Set.copyOf(users.storedKeys()), stored -> stored.containsAll(written));
        Eventually.await("no backlog left", Duration.ofSeconds(30),
                () -> new WriteBehindBacklog(members[0]).clusterTotal(), total -> total == 0);
    }

    @Test
    void storeRefusesEveryWriteForManyRounds_nothingIsDroppedAndTheBacklogDrains() throws Exception {
        users.failFromNowOn();
        Set<String> written = writeUsers(members[1], 0, USERS);
        WriteBehindBacklog backlog = new WriteBehindBacklog(members[0]);
        Eventually.await("the backlog is reported cluster-wide", Duration.ofSeconds(10),
                backlog::clusterTotal, total -> total >= USERS);

        // Hazelcast retries each failed batch; the question is whether it ever gives an entry up.
        // Many rounds of failures (each round retries every pending batch) must leave all of them pending.
        Eventually.await("many failed store rounds", Duration.ofSeconds(90), users::failedCalls, n -> n >= 100);
        assertThat(backlog.clusterTotal()).as("still pending after " + users.failedCalls() + " failed stores")
                .isEqualTo(USERS);

        users.heal();

        Eventually.await("every user stored after the outage", Duration.ofSeconds(60),
                () -> Set.copyOf(users.storedKeys()), stored -> stored.containsAll(written));
        Eventually.await("no backlog left", Duration.ofSeconds(30), backlog::clusterTotal, total -> total == 0);
    }

    private Set<String> writeUsers(HazelcastInstance via, int first, int count) {
        HazelcastTenantDirectory directory = new HazelcastTenantDirectory(via);
        Set<String> keys = new HashSet<>();
        List<UserWithCredentials> batch = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            User user = new User(Integer.toString(1000 + i), DOMAIN, Integer.toString(1000 + i), "U" + i, "en",
                    CallSettings.DEFAULTS);
            batch.add(new UserWithCredentials(user,
                    SipCredentials.fromPassword(user.authUser(), DOMAIN, user.addressOfRecord(), "pw" + i)));
            keys.add(user.addressOfRecord().toString());
        }
        directory.saveUsers(batch);
        return keys;
    }

    private static boolean ownedBy(HazelcastInstance member, String key) {
        return member.getCluster().getLocalMember().equals(member.getPartitionService().getPartition(key).getOwner());
    }
}
