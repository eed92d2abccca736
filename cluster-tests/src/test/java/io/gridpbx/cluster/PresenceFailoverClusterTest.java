package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12's failover, with three real nodes: 200 presence subscriptions made through node A (which also
 * owns about a third of their partitions), then A is killed with SIGKILL. Every watcher must still get
 * the next state change, from a survivor, exactly once (the survivors sent one NOTIFY per subscription
 * for it, and one for its refresh, not one more), and a refresh sent straight to a survivor must be
 * accepted and answered with the current state; no subscription is lost. SIPp plays the watchers (one
 * process, 200 subscriptions of user 200 to 201..219) and the publishing devices. Logs stay in
 * {@code target/presence-failover/}.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class PresenceFailoverClusterTest {

    private static final Path RUN_DIR = Path.of("target", "presence-failover").toAbsolutePath();
    private static final NodeProcess.Spec NODE_A = new NodeProcess.Spec("nodeA", "127.0.0.140", 49660, 49661, 49680);
    private static final NodeProcess.Spec NODE_B = new NodeProcess.Spec("nodeB", "127.0.0.141", 49660, 49661, 49681);
    private static final NodeProcess.Spec NODE_C = new NodeProcess.Spec("nodeC", "127.0.0.142", 49660, 49661, 49682);
    private static final String PHONE_HOST = "127.0.0.1";
    private static final String DOMAIN = TrunkLab.DOMAIN;
    private static final int SUBSCRIPTIONS = 200;
    private static final String WATCHER = "200";
    private static final List<String> WATCHED = java.util.stream.IntStream.rangeClosed(201, 219)
            .mapToObj(Integer::toString).toList();
    private static final Duration STEP = Duration.ofSeconds(60);

    @Test
    void twoHundredWatchers_ofAKilledNode_getTheNextChangeOnceFromASurvivor_andRefreshThere() throws Exception {
        TrunkLab lab = TrunkLab.start("presence-failover", List.of(NODE_A, NODE_B, NODE_C), RUN_DIR, List.of(),
                PHONE_HOST, 49700);
        List<Sipp> sipps = new ArrayList<>();
        try {
            NodeProcess a = lab.node(0);
            NodeProcess b = lab.node(1);
            NodeProcess c = lab.node(2);

            List<String> watched = new ArrayList<>();
            for (int i = 0; i < SUBSCRIPTIONS; i++) {
                watched.add(WATCHED.get(i % WATCHED.size()));
            }
            Path watchersFile = RUN_DIR.resolve("watched.csv");
            Sipp.writeInjectionFile(watchersFile, watched);
            Sipp watchers = Sipp.start("watchers", "presence_watch_failover.xml", TrunkLab.sipAddress(NODE_A),
                    List.of("-i", PHONE_HOST, "-p", "49700", "-inf", watchersFile.toString(),
                            "-key", "domain", DOMAIN, "-key", "watcher", WATCHER,
                            "-key", "survivor_host", NODE_B.host(), "-key", "survivor_port", Integer.toString(NODE_B.sipPort()),
                            "-au", WATCHER, "-ap", "pass" + WATCHER,
                            "-m", Integer.toString(SUBSCRIPTIONS), "-l", Integer.toString(SUBSCRIPTIONS), "-r", "20",
                            "-timeout", "240s", "-timeout_error"), RUN_DIR);
            sipps.add(watchers);

            Eventually.await("the " + SUBSCRIPTIONS + " subscriptions in every member's mirror", STEP,
                    () -> List.of(b.status(), c.status()),
                    statuses -> statuses.stream().allMatch(s -> s.field("subscriptions") == SUBSCRIPTIONS));
            Eventually.await("node A's first NOTIFY of each subscription answered", STEP, a::status,
                    status -> status.field("notifiesDelivered") >= SUBSCRIPTIONS);
            assertThat(watchers.isRunning()).as("the watchers wait for the change").isTrue();

            a.kill9();
            Eventually.await("nodes B and C alone", STEP, b::status, status -> status.clusterSize() == 2);
            assertThat(c.status().field("subscriptions")).as("no subscription lost with node A")
                    .isEqualTo(SUBSCRIPTIONS);

            int devicePort = 49701;
            for (String user : WATCHED) {
                Sipp device = Sipp.start("device-" + user, "presence_publish.xml", TrunkLab.sipAddress(NODE_B),
                        List.of("-i", PHONE_HOST, "-p", Integer.toString(devicePort++), "-key", "domain", DOMAIN,
                                "-s", user, "-au", user, "-ap", "pass" + user, "-m", "1", "-timeout", "30s",
                                "-timeout_error"), RUN_DIR);
                sipps.add(device);
                Sipp.Result published = device.await(STEP);
                assertThat(published.exitCode()).as("%s published its presence: %s", user, published).isZero();
            }

            Sipp.Result watched200 = watchers.await(STEP.multipliedBy(2));
            assertThat(watched200.successful()).as("each watcher saw the change once, then refreshed on B: %s; B %s; C %s",
                    watched200, b.status(), c.status()).isEqualTo(SUBSCRIPTIONS);
            assertThat(watched200.exitCode()).as("%s", watched200).isZero();
            // Each survivor counts the NOTIFYs it sent (transactions, not their retransmissions): one per
            // subscription for the change, one per subscription for its refresh, and not one more.
            long sent = b.status().field("notifies") + c.status().field("notifies");
            assertThat(sent).as("NOTIFYs from the survivors: B %s; C %s", b.status(), c.status())
                    .isEqualTo(2L * SUBSCRIPTIONS);
            assertThat(b.status().field("subscriptions")).as("every subscription still there after the refreshes")
                    .isEqualTo(SUBSCRIPTIONS);
        } finally {
            for (Sipp sipp : sipps) {
                sipp.stop();
            }
            lab.stop();
        }
    }
}
