package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.persistence.galera.GaleraCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole database goes away for a minute while phones register: one real node on a real Galera
 * cluster, SIPp registering 2,000 users at 50/s (1,000 of them twice) while every Galera node is
 * down. Every REGISTER must still get its 200, the backlog grows, and once the database is back the
 * backlog drains and the database holds exactly the addresses of record the grid holds.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class DatabaseOutageClusterTest {

    private static final Path RUN_DIR = Path.of("target", "database-outage").toAbsolutePath();
    private static final NodeProcess.Spec NODE = new NodeProcess.Spec("node", "127.0.0.1", 29160, 29801, 29181);
    private static final String TOKEN = "database-outage-test";
    private static final String RESELLER = "outage.gridpbx.test";
    private static final String DOMAIN = "pbx.outage.gridpbx.test";
    private static final int USERS = 2000;
    private static final int REGISTRATIONS = 3000;
    private static final String RATE = "50";
    private static final Duration OUTAGE = Duration.ofSeconds(60);

    @Test
    void databaseDownForAMinute_everyRegisterSucceedsAndTheBacklogDrainsAfterwards() throws Exception {
        TestDirs.fresh(RUN_DIR);
        GaleraCluster galera = GaleraCluster.start();
        @Nullable NodeProcess node = null;
        @Nullable Sipp phones = null;
        try {
            GaleraRows.emptyTables(galera);
            node = NodeProcess.start(NODE, List.of(NODE.member()), "database-outage-" + ProcessHandle.current().pid(),
                    TOKEN, RUN_DIR, List.of("--gridpbx.db.url=" + galera.jdbcUrl(),
                            "--gridpbx.db.user=" + galera.user(), "--gridpbx.db.password=" + galera.password(),
                            "--gridpbx.demo=false"));
            node.awaitUp(Duration.ofSeconds(90));
            node.post("/api/v1/provisioning/resellers", "{\"realm\":\"" + RESELLER + "\",\"name\":\"Outage\"}", TOKEN);
            node.post("/api/v1/provisioning/clients", "{\"domain\":\"" + DOMAIN
                    + "\",\"name\":\"PBX\",\"resellerRealm\":\"" + RESELLER + "\"}", TOKEN);
            node.post("/api/v1/provisioning/user-ranges", "{\"domain\":\"" + DOMAIN
                    + "\",\"firstExtension\":6000,\"count\":" + USERS + ",\"passwordPrefix\":\"pw\"}", TOKEN);
            Eventually.await("the tenants written behind", Duration.ofSeconds(60), node::status,
                    s -> s.clusterBacklog() == 0);

            Path users = RUN_DIR.resolve("users.csv");
            Sipp.writeInjectionFile(users, IntStream.range(0, USERS).mapToObj(i -> (6000 + i)
                    + ";[authentication username=" + (6000 + i) + " password=pw" + (6000 + i) + "]").toList());
            phones = Sipp.start("register-through-outage", "register.xml", NODE.host() + ":" + NODE.sipPort(), List.of(
                    "-i", "127.0.0.1", "-p", "29190", "-inf", users.toString(), "-key", "domain", DOMAIN,
                    "-key", "contact", "127.0.0.1:29199", "-r", RATE, "-m", Integer.toString(REGISTRATIONS),
                    "-l", "200", "-recv_timeout", "10000", "-timeout", "150s", "-timeout_error"), RUN_DIR);
            NodeProcess registrar = node;
            Eventually.await("the first registrations", Duration.ofSeconds(30), registrar::status,
                    s -> s.registeredAddresses() >= 100);

            long outageStarted = System.nanoTime();
            galera.stopAll();
            note("every Galera node stopped %d ms after the stop began",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - outageStarted));
            NodeStatus behind = Eventually.await("the backlog to grow while the database is away",
                    Duration.ofSeconds(45), node::status, s -> s.clusterBacklog() >= 500);
            note("backlog %d with the database away", behind.clusterBacklog());
            // The outage is the fault injected: it lasts a fixed minute whatever the registrations do.
            long left = OUTAGE.toNanos() - (System.nanoTime() - outageStarted);
            if (left > 0) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
            NodeStatus atRestore = node.status();
            long restoring = System.nanoTime();
            // Galera takes writes once its first node has bootstrapped, while the script still waits for
            // the other two: the backlog is watched from the moment the restart begins.
            CompletableFuture<Void> restart = CompletableFuture.runAsync(galera::startAll);
            NodeStatus synced = Eventually.await("the backlog to drain", Duration.ofSeconds(120), node::status,
                    s -> s.clusterBacklog() == 0);
            long drained = System.nanoTime();
            restart.get(3, TimeUnit.MINUTES);
            note("database back after %d s of outage; backlog of %d drained %d ms after the restart began;"
                    + " all three Galera nodes Synced after %d ms", TimeUnit.NANOSECONDS.toSeconds(restoring - outageStarted),
                    atRestore.clusterBacklog(), TimeUnit.NANOSECONDS.toMillis(drained - restoring),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restoring));

            Sipp.Result registered = phones.await(Duration.ofSeconds(150));
            note("%s", registered);
            assertThat(registered.failed()).as("failed registrations, %s", registered).isZero();
            assertThat(registered.successful()).as("registrations, %s", registered).isEqualTo(REGISTRATIONS);
            assertThat(atRestore.clusterBacklog()).as("backlog when the database came back").isGreaterThan(
                    behind.clusterBacklog() - 1);
            synced = Eventually.await("nothing pending after the last registration", Duration.ofSeconds(60),
                    node::status, s -> s.clusterBacklog() == 0);
            assertThat(synced.registeredAddresses()).as("addresses of record in the grid").isEqualTo(USERS);
            long stored = GaleraRows.count(galera, 3, "SELECT COUNT(DISTINCT aor) FROM registrations WHERE expires_at > ?",
                    Long.toString(System.currentTimeMillis()));
            assertThat(stored).as("addresses of record in the database").isEqualTo(synced.registeredAddresses());
        } finally {
            if (phones != null) {
                phones.destroyForcibly();
            }
            if (node != null) {
                node.requestStop();
                node.awaitExit(Duration.ofSeconds(30));
            }
            galera.stop();
        }
    }

    private static void note(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
