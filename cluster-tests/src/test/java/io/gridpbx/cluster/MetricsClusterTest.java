package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What Prometheus scrapes from a node, read the way Prometheus reads it: one real node process,
 * registrations and calls from SIPp, and {@code /actuator/prometheus} polled while they run. The
 * counters rise with the traffic, the cluster-wide gauges follow, and every scrape is valid text format.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class MetricsClusterTest {

    private static final Path RUN_DIR = Path.of("target", "metrics").toAbsolutePath();
    private static final NodeProcess.Spec NODE = new NodeProcess.Spec("node", "127.0.0.1", 48160, 48161, 48180);
    private static final String TOKEN = "metrics-test";
    private static final String DOMAIN = "lab.metrics.gridpbx.test";
    private static final int USERS = 40;
    private static final String PHONE_HOST = "127.0.0.1";
    private static final int PHONE_PORT = 48170;
    private static final Path DASHBOARD = Path.of("..", "ops", "grafana", "gridpbx-dashboard.json");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void registrationsAndCallsRiseInTheScrape_whichParsesAsPrometheusText() throws Exception {
        TestDirs.fresh(RUN_DIR);
        Path registrations = RUN_DIR.resolve("users.csv");
        Path calls = RUN_DIR.resolve("calls.csv");
        Sipp.writeInjectionFile(registrations, IntStream.range(0, USERS)
                .mapToObj(i -> extension(i) + ";" + authentication(extension(i))).toList());
        Sipp.writeInjectionFile(calls, IntStream.range(0, USERS / 2)
                .mapToObj(i -> extension(i) + ";" + extension(i + USERS / 2) + ";" + authentication(extension(i))).toList());
        NodeProcess node = NodeProcess.start(NODE, List.of(NODE.member()), "metrics-" + ProcessHandle.current().pid(),
                TOKEN, RUN_DIR);
        Sipp phone = null;
        try {
            node.awaitUp(Duration.ofSeconds(90));
            node.post("/api/v1/provisioning/resellers", "{\"realm\":\"metrics.gridpbx.test\",\"name\":\"M\"}", TOKEN);
            node.post("/api/v1/provisioning/clients",
                    "{\"domain\":\"" + DOMAIN + "\",\"name\":\"Lab\",\"resellerRealm\":\"metrics.gridpbx.test\"}", TOKEN);
            node.post("/api/v1/provisioning/user-ranges", "{\"domain\":\"" + DOMAIN
                    + "\",\"firstExtension\":6000,\"count\":" + USERS + ",\"passwordPrefix\":\"pw\"}", TOKEN);

            PrometheusText before = Eventually.await("a first scrape with the sampled gauges", Duration.ofSeconds(30),
                    MetricsClusterTest::scrape, s -> s.value("gridpbx_registered_addresses") == 0);
            assertThat(before.value("gridpbx_cluster_members")).isEqualTo(1);
            assertThat(before.value("gridpbx_database_up")).as("the embedded store answers").isEqualTo(1);
            assertThat(before.has("gridpbx_writebehind_backlog{map=\"gridpbx.locations\"}")
                    || before.hasMetric("gridpbx_writebehind_backlog")).isTrue();
            assertThat(before.hasMetric("jvm_memory_used_bytes")).as("JVM metrics").isTrue();
            assertThat(before.hasMetric("gridpbx_tenant_calls_forwarded_total")).as("no call of the tenant yet").isFalse();
            double registered0 = before.value("gridpbx_sip_registrations_total");
            double forwarded0 = before.value("gridpbx_calls_forwarded_total");
            double ok0 = before.value("gridpbx_sip_responses_total{class=\"2xx\"}");

            phone = Sipp.start("phone-uas", "call_uas.xml", null, List.of("-i", PHONE_HOST, "-p",
                    Integer.toString(PHONE_PORT), "-timeout", "180s"), RUN_DIR);
            Sipp.Result registered = Sipp.start("register", "register.xml", NODE.host() + ":" + NODE.sipPort(), List.of(
                    "-i", "127.0.0.1", "-p", "48171", "-inf", registrations.toString(), "-key", "domain", DOMAIN,
                    "-key", "contact", PHONE_HOST + ":" + PHONE_PORT, "-r", "50", "-m", Integer.toString(USERS),
                    "-recv_timeout", "10000", "-timeout", "60s", "-timeout_error"), RUN_DIR).await(Duration.ofSeconds(90));
            assertThat(registered.failed()).as("%s", registered).isZero();

            PrometheusText afterRegister = Eventually.await("the registrations in the gauge", Duration.ofSeconds(20),
                    MetricsClusterTest::scrape, s -> s.value("gridpbx_registered_addresses") == USERS);
            assertThat(afterRegister.value("gridpbx_sip_registrations_total") - registered0).isEqualTo(USERS);
            assertThat(afterRegister.value("gridpbx_tenant_registrations_total{domain=\"" + DOMAIN + "\"}"))
                    .isEqualTo(USERS);

            // Five calls a second, each held two seconds: the scrapes taken meanwhile see the counter climb.
            Sipp caller = Sipp.start("calls", "call_uac.xml", NODE.host() + ":" + NODE.sipPort(), List.of(
                    "-i", "127.0.0.1", "-p", "48172", "-inf", calls.toString(), "-key", "domain", DOMAIN,
                    "-r", "5", "-m", Integer.toString(USERS / 2), "-d", "2000", "-recv_timeout", "10000",
                    "-timeout", "60s", "-timeout_error"), RUN_DIR);
            List<Double> forwardedSeen = new ArrayList<>();
            double dialogsPeak = 0;
            while (caller.isRunning()) {
                PrometheusText during = scrape();
                double forwarded = during.value("gridpbx_calls_forwarded_total") - forwarded0;
                if (forwardedSeen.isEmpty() || forwardedSeen.getLast() != forwarded) {
                    forwardedSeen.add(forwarded);
                }
                dialogsPeak = Math.max(dialogsPeak, during.value("gridpbx_dialogs_active"));
                Thread.sleep(200); // the scrape interval of this poll, not a wait for a condition
            }
            Sipp.Result called = caller.await(Duration.ofSeconds(60));
            assertThat(called.failed()).as("%s", called).isZero();
            assertThat(called.successful()).as("%s", called).isEqualTo(USERS / 2);
            assertThat(forwardedSeen).as("calls forwarded, as seen by successive scrapes during the run")
                    .isSorted().hasSizeGreaterThanOrEqualTo(3);
            assertThat(dialogsPeak).as("active dialogs seen during the run").isPositive();

            PrometheusText after = Eventually.await("every call counted and ended", Duration.ofSeconds(20),
                    MetricsClusterTest::scrape, s -> s.value("gridpbx_calls_forwarded_total") - forwarded0 == USERS / 2
                            && s.value("gridpbx_dialogs_active") == 0);
            assertThat(after.value("gridpbx_tenant_calls_forwarded_total{domain=\"" + DOMAIN + "\"}")).isEqualTo(USERS / 2);
            // each call: a 200 for the INVITE and one for the BYE, besides the registrations' 200s
            assertThat(after.value("gridpbx_sip_responses_total{class=\"2xx\"}") - ok0)
                    .isGreaterThanOrEqualTo(USERS + USERS / 2 * 2);
            assertThat(after.value("gridpbx_sip_failures_total")).as("requests that failed in the node").isZero();
            // The dashboard in the repository graphs only what a node exports.
            String dashboard = Files.readString(DASHBOARD);
            java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\b(gridpbx_[a-z_]+|jvm_[a-z_]+)").matcher(dashboard);
            while (names.find()) {
                assertThat(after.hasMetric(names.group(1))).as("%s of %s in the scrape", names.group(1), DASHBOARD).isTrue();
            }
        } finally {
            if (phone != null) {
                phone.stop();
            }
            node.requestStop();
            node.awaitExit(Duration.ofSeconds(30));
        }
    }

    private static PrometheusText scrape() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + NODE.host() + ":"
                + NODE.httpPort() + "/actuator/prometheus")).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("scrape from loopback: %s", response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        return PrometheusText.parse(response.body());
    }

    private static String extension(int i) {
        return Integer.toString(6000 + i);
    }

    private static String authentication(String extension) {
        return "[authentication username=" + extension + " password=pw" + extension + "]";
    }
}
