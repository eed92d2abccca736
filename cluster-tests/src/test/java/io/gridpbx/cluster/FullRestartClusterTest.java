package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.persistence.galera.GaleraCluster;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A full-cluster restart keeps registrations and tenants: three real nodes on a real Galera cluster,
 * 1,000 users registered (their Contact a SIPp UAS), all three nodes stopped gracefully and started
 * again; each must report the 1,000 registrations, and calls to 100 of the users through node 2 must
 * succeed, which needs the callers' credentials, the callees' bindings and the tenant to be back.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class FullRestartClusterTest {

    private static final Path RUN_DIR = Path.of("target", "full-restart").toAbsolutePath();
    private static final int SIP_PORT = 29060;
    private static final int CLUSTER_PORT = 29701;
    private static final List<NodeProcess.Spec> SPECS = List.of(
            new NodeProcess.Spec("node1", "127.0.0.1", SIP_PORT, CLUSTER_PORT, 29081),
            new NodeProcess.Spec("node2", "127.0.0.2", SIP_PORT, CLUSTER_PORT, 29082),
            new NodeProcess.Spec("node3", "127.0.0.3", SIP_PORT, CLUSTER_PORT, 29083));
    private static final String TOKEN = "full-restart-test";
    private static final String RESELLER = "restart.gridpbx.test";
    private static final String DOMAIN = "pbx.restart.gridpbx.test";
    private static final int FIRST_EXTENSION = 7000;
    private static final int USERS = 1000;
    private static final int CALLS = 100;
    private static final String PHONE = "127.0.0.1:29090";

    @Test
    void allThreeNodesStopAndStart_registrationsAndTenantsAreBack() throws Exception {
        TestDirs.fresh(RUN_DIR);
        GaleraCluster galera = GaleraCluster.start();
        List<NodeProcess> nodes = new ArrayList<>();
        @Nullable Sipp phone = null;
        try {
            GaleraRows.emptyTables(galera);
            String cluster = "full-restart-" + ProcessHandle.current().pid();
            nodes.addAll(startCluster(galera, cluster, RUN_DIR.resolve("before")));
            NodeProcess provisioner = nodes.get(2);
            provisioner.post("/api/v1/provisioning/resellers", "{\"realm\":\"" + RESELLER + "\",\"name\":\"R\"}", TOKEN);
            provisioner.post("/api/v1/provisioning/clients", "{\"domain\":\"" + DOMAIN
                    + "\",\"name\":\"PBX\",\"resellerRealm\":\"" + RESELLER + "\"}", TOKEN);
            provisioner.post("/api/v1/provisioning/user-ranges", "{\"domain\":\"" + DOMAIN + "\",\"firstExtension\":"
                    + FIRST_EXTENSION + ",\"count\":" + USERS + ",\"passwordPrefix\":\"pw\"}", TOKEN);

            phone = Sipp.start("phone-uas", "call_uas.xml", null, List.of("-i", "127.0.0.1", "-p", "29090",
                    "-timeout", "600s"), RUN_DIR);
            Path users = RUN_DIR.resolve("users.csv");
            Sipp.writeInjectionFile(users, IntStream.range(0, USERS)
                    .mapToObj(i -> extension(i) + ";" + authentication(extension(i))).toList());
            Sipp.Result registered = Sipp.start("register", "register.xml", SPECS.get(0).host() + ":" + SIP_PORT,
                    List.of("-i", "127.0.0.1", "-p", "29091", "-inf", users.toString(), "-key", "domain", DOMAIN,
                            "-key", "contact", PHONE, "-r", "100", "-m", Integer.toString(USERS), "-l", "200",
                            "-recv_timeout", "10000", "-timeout", "60s", "-timeout_error",
                            // A registration still has to end in its 200. But on a cold three-node start
                            // SIPp retransmits, and a late copy of the authenticated REGISTER can draw a
                            // 401 (stale) next to the 200. A phone's transaction layer absorbs that
                            // (RFC 3261 17.1.2.2); SIPp would abort the call on it.
                            "-default_behaviors", "all,-abortunexp"), RUN_DIR)
                    .await(Duration.ofSeconds(90));
            assertEverySucceeded(registered, USERS);
            for (NodeProcess node : nodes) {
                Eventually.await(USERS + " registrations, all written behind, on " + node, Duration.ofSeconds(60),
                        node::status, s -> s.registeredAddresses() == USERS && s.clusterBacklog() == 0);
            }

            long stopping = System.nanoTime();
            nodes.forEach(NodeProcess::requestStop);
            for (NodeProcess node : nodes) {
                node.awaitExit(Duration.ofSeconds(60));
            }
            System.out.printf("three nodes stopped in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping));
            nodes.clear();
            assertThat(GaleraRows.count(galera, 3, "SELECT COUNT(DISTINCT aor) FROM registrations"))
                    .as("addresses of record in the database while no node runs").isEqualTo(USERS);

            long starting = System.nanoTime();
            nodes.addAll(startCluster(galera, cluster, RUN_DIR.resolve("after")));
            for (NodeProcess node : nodes) {
                Eventually.await(USERS + " registrations after the restart on " + node, Duration.ofSeconds(60),
                        node::status, s -> s.registeredAddresses() == USERS);
            }
            System.out.printf("three nodes up again with %d registrations in %d ms%n", USERS,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - starting));
            assertThat(nodes.get(1).post("/api/v1/provisioning/clients", "{\"domain\":\"" + DOMAIN
                    + "\",\"name\":\"PBX\",\"resellerRealm\":\"" + RESELLER + "\"}", TOKEN))
                    .as("the client is back").contains("\"created\":false");

            Path calls = RUN_DIR.resolve("calls.csv");
            Sipp.writeInjectionFile(calls, IntStream.range(0, CALLS).mapToObj(i -> extension(i) + ";"
                    + extension(i + USERS / 2) + ";" + authentication(extension(i))).toList());
            Sipp.Result called = Sipp.start("calls-via-node2", "call_uac.xml", SPECS.get(1).host() + ":" + SIP_PORT,
                    List.of("-i", "127.0.0.1", "-p", "29092", "-inf", calls.toString(), "-key", "domain", DOMAIN,
                            "-r", "20", "-m", Integer.toString(CALLS), "-l", "100", "-d", "200",
                            "-recv_timeout", "10000", "-timeout", "60s", "-timeout_error"), RUN_DIR)
                    .await(Duration.ofSeconds(90));
            assertEverySucceeded(called, CALLS);
        } finally {
            if (phone != null) {
                phone.stop();
            }
            nodes.forEach(NodeProcess::requestStop);
            for (NodeProcess node : nodes) {
                node.awaitExit(Duration.ofSeconds(30));
            }
            galera.stop();
        }
    }

    /** Node 1 first, so that the others join it instead of forming clusters of their own. */
    private static List<NodeProcess> startCluster(GaleraCluster galera, String cluster, Path dir)
            throws IOException, InterruptedException {
        List<String> members = SPECS.stream().map(NodeProcess.Spec::member).toList();
        List<String> db = List.of("--gridpbx.db.url=" + galera.jdbcUrl(), "--gridpbx.db.user=" + galera.user(),
                "--gridpbx.db.password=" + galera.password(), "--gridpbx.demo=false");
        List<NodeProcess> nodes = new ArrayList<>();
        nodes.add(NodeProcess.start(SPECS.get(0), members, cluster, TOKEN, dir, db));
        nodes.getFirst().awaitUp(Duration.ofSeconds(90));
        for (NodeProcess.Spec spec : SPECS.subList(1, 3)) {
            nodes.add(NodeProcess.start(spec, members, cluster, TOKEN, dir, db));
        }
        for (NodeProcess node : nodes) {
            node.awaitUp(Duration.ofSeconds(90));
            Eventually.await("a cluster of 3 on " + node, Duration.ofSeconds(60), node::status,
                    s -> s.clusterSize() == 3);
        }
        return nodes;
    }

    private static void assertEverySucceeded(Sipp.Result result, int expected) {
        assertThat(result.failed()).as("failed calls, %s", result).isZero();
        assertThat(result.successful()).as("successful calls, %s", result).isEqualTo(expected);
    }

    private static String extension(int index) {
        return Integer.toString(FIRST_EXTENSION + index);
    }

    /** The whole keyword in one field: SIPp 3.6 does not expand [fieldN] inside [authentication]. */
    private static String authentication(String extension) {
        return "[authentication username=" + extension + " password=pw" + extension + "]";
    }
}
