package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A phone that cannot answer the challenge fails cleanly: a client domain set to SHA-256 alone (RFC 8760)
 * challenges baresip 1.0, which knows only MD5. baresip gets its 401, gives up on that
 * registration ("Function not implemented") without retrying in a loop, and quits when told; the
 * node stays healthy. Logs stay in {@code target/baresip-sha256/}.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BaresipSha256OnlyClusterTest {

    private static final Path RUN_DIR = Path.of("target", "baresip-sha256").toAbsolutePath();
    private static final NodeProcess.Spec NODE = new NodeProcess.Spec("node", "127.0.0.23", 47260, 47901, 47280);
    private static final String PROXY = NODE.host() + ":" + NODE.sipPort();
    private static final BaresipConfig PHONE = new BaresipConfig("127.0.0.24", 47262, 47270, "47300-47349", "200",
            "office.demo.gridpbx.test", "pass200", PROXY);
    private static final Duration SIP_STEP = Duration.ofSeconds(20);
    /** baresip's SIP trace ({@code -s}): a line {@code UDP from -> to}, then the message up to an empty line. */
    private static final Pattern CHALLENGE = Pattern.compile(
            Pattern.quote(PROXY + " -> " + PHONE.host() + ":" + PHONE.sipPort())
                    + "\\s+SIP/2\\.0 401 [^\\n]*\\n(.*?)\\n\\s*\\n", Pattern.DOTALL);
    /** A REGISTER the phone sent, up to the CSeq number (a retransmission repeats the same CSeq). */
    private static final Pattern REGISTER_SENT = Pattern.compile(
            Pattern.quote(PHONE.host() + ":" + PHONE.sipPort() + " -> " + PROXY)
                    + "\\s+REGISTER sip:.*?\\nCSeq: (\\d+) REGISTER", Pattern.DOTALL);

    private static @Nullable BaresipLab lab;

    @BeforeAll
    static void startNodeOfferingSha256Only() throws Exception {
        lab = BaresipLab.start("baresip-sha256", NODE, RUN_DIR, List.of());
        // The reseller sets its client's domain to SHA-256 alone (RFC 8760), as its portal or API allows.
        String office = "/api/v1/clients/" + PHONE.domain();
        String client = node().get(office, "demo-reseller-token");
        assertThat(node().put(office, client.replaceFirst("\"digestAlgorithms\":\\[[^\\]]*\\]",
                "\"digestAlgorithms\":[\"SHA-256\"]"), "demo-reseller-token")).contains("\"digestAlgorithms\":[\"SHA-256\"]");
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        if (lab != null) {
            lab.stop();
        }
    }

    @Test
    void md5OnlyBaresip_getsItsSha256Challenge_givesUpWithoutRetrying_andQuits_nodeStaysHealthy() throws Exception {
        Baresip phone = lab().phone("phone200", PHONE);

        String reason = phone.awaitOutput("its registration failure", Pattern.compile(
                "reg: sip:" + Pattern.quote(PHONE.aor()) + ": Register: ([^\\n]+)"), SIP_STEP).group(1);
        assertThat(reason.strip()).isEqualTo("Function not implemented");

        String output = phone.output();
        Matcher challenge = CHALLENGE.matcher(output);
        assertThat(challenge.find()).as("a 401 from the node in %s's SIP trace:%n%s", phone, output).isTrue();
        List<String> offers = challenge.group(1).lines()
                .filter(line -> line.regionMatches(true, 0, "WWW-Authenticate:", 0, 17)).toList();
        assertThat(offers).as("the challenges of the 401").isNotEmpty()
                .allSatisfy(offer -> assertThat(offer).contains("algorithm=SHA-256").doesNotContain("MD5"));
        assertThat(output).as("any 200 OK to the REGISTER").doesNotContain("SIP/2.0 200 OK");
        // One REGISTER transaction (UDP retransmissions of it aside), no retry storm: after a failed
        // registration libre waits 30 s or more before it tries again.
        assertThat(REGISTER_SENT.matcher(output).results().map(register -> register.group(1)).distinct())
                .as("CSeqs of the REGISTERs sent").hasSize(1);

        assertThat(phone.quit(SIP_STEP)).as("baresip's exit code after quit").isZero();

        assertThat(node()).as("the node process").matches(NodeProcess::isAlive);
        NodeStatus status = node().status();
        assertThat(status.registeredAddresses()).as("bindings on the node").isZero();
        assertThat(status.clusterSize()).isEqualTo(1);
    }

    private static NodeProcess node() {
        return lab().node();
    }

    private static BaresipLab lab() {
        if (lab == null) {
            throw new IllegalStateException("the node did not start");
        }
        return lab;
    }
}
