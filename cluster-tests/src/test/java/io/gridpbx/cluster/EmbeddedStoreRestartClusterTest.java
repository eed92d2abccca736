package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A node without database settings keeps its data in the embedded store of its data directory:
 * tenants and registrations made before a restart are there after it, and the phones still
 * authenticate. One real node process, driven over HTTP and by SIPp.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class EmbeddedStoreRestartClusterTest {

    private static final Path RUN_DIR = Path.of("target", "embedded-restart").toAbsolutePath();
    private static final NodeProcess.Spec NODE = new NodeProcess.Spec("node", "127.0.0.1", 27060, 27701, 28091);
    private static final String TOKEN = "embedded-restart-test";
    private static final String DOMAIN = "lab.embedded.gridpbx.test";
    private static final int USERS = 100;

    @Test
    void tenantsAndRegistrationsSurviveARestart() throws Exception {
        TestDirs.fresh(RUN_DIR);
        List<String> members = List.of(NODE.member());
        String cluster = "embedded-restart-" + ProcessHandle.current().pid();
        Path users = RUN_DIR.resolve("users.csv");
        Sipp.writeInjectionFile(users, IntStream.range(0, USERS).mapToObj(i -> (5000 + i)
                + ";[authentication username=" + (5000 + i) + " password=pw" + (5000 + i) + "]").toList());

        NodeProcess first = NodeProcess.start(NODE, members, cluster, TOKEN, RUN_DIR);
        try {
            first.awaitUp(Duration.ofSeconds(90));
            first.post("/api/v1/provisioning/resellers", "{\"realm\":\"embedded.gridpbx.test\",\"name\":\"E\"}", TOKEN);
            first.post("/api/v1/provisioning/clients",
                    "{\"domain\":\"" + DOMAIN + "\",\"name\":\"Lab\",\"resellerRealm\":\"embedded.gridpbx.test\"}", TOKEN);
            first.post("/api/v1/provisioning/user-ranges", "{\"domain\":\"" + DOMAIN
                    + "\",\"firstExtension\":5000,\"count\":" + USERS + ",\"passwordPrefix\":\"pw\"}", TOKEN);
            assertRegistered(register("register-before-restart", users));
            Eventually.await("everything written to the embedded store", Duration.ofSeconds(30), first::status,
                    s -> s.registeredAddresses() == USERS && s.clusterBacklog() == 0);
        } finally {
            first.requestStop();
            first.awaitExit(Duration.ofSeconds(30));
        }

        NodeProcess second = NodeProcess.start(NODE, members, cluster, TOKEN, RUN_DIR);
        try {
            NodeStatus restarted = second.awaitUp(Duration.ofSeconds(90));
            assertThat(restarted.registeredAddresses()).as("registrations after the restart").isEqualTo(USERS);
            assertThat(second.post("/api/v1/provisioning/clients",
                    "{\"domain\":\"" + DOMAIN + "\",\"name\":\"Lab\",\"resellerRealm\":\"embedded.gridpbx.test\"}", TOKEN))
                    .as("the client is still there").contains("\"created\":false");
            assertRegistered(register("register-after-restart", users));
        } finally {
            second.requestStop();
            second.awaitExit(Duration.ofSeconds(30));
        }
    }

    private static Sipp.Result register(String label, Path users) throws Exception {
        return Sipp.start(label, "register.xml", NODE.host() + ":" + NODE.sipPort(), List.of(
                "-i", "127.0.0.1", "-p", "27090", "-inf", users.toString(), "-key", "domain", DOMAIN,
                "-key", "contact", "127.0.0.1:27099", "-r", "50", "-m", Integer.toString(USERS), "-l", "100",
                "-recv_timeout", "10000", "-timeout", "60s", "-timeout_error"), RUN_DIR).await(Duration.ofSeconds(90));
    }

    private static void assertRegistered(Sipp.Result result) {
        assertThat(result.failed()).as("failed registrations, %s", result).isZero();
        assertThat(result.successful()).as("registrations, %s", result).isEqualTo(USERS);
    }
}
