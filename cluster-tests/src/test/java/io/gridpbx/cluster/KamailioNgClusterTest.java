package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A node as the media relay of a stock Kamailio 5.6 (issue 10 section 7): Kamailio's own rtpengine
 * module, pointed at the node's ng port, anchors a SIPp call that plays G.711 from a pcap to a SIPp
 * that echoes it. {@code bench/ng_kamailio.sh} does it and judges it: the SDPs Kamailio forwards name
 * the node's relay, Kamailio's {@code $rtpstat} (an ng query the node answers) counts the packets, and
 * the BYE's delete leaves the node no such call. Its logs stay in {@code target/kamailio-ng/}.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class KamailioNgClusterTest {

    @Test
    void kamailiosRtpengineModule_drivesTheNodesRelay_overNg() throws Exception {
        Path out = Path.of("target", "kamailio-ng").toAbsolutePath();
        TestDirs.fresh(out);
        Path script = Path.of("..", "bench", "ng_kamailio.sh").toAbsolutePath().normalize();
        assertThat(script).as("the ng check script").isRegularFile();
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(out.resolve("script.out").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("OUT", out.resolve("run").toString());
        builder.environment().put("GRIDPBX_JAR", System.getProperty("gridpbx.node.jar", ""));
        Process check = builder.start();
        try {
            boolean ended = check.waitFor(200, TimeUnit.SECONDS);
            String printed = Files.readString(out.resolve("script.out"), StandardCharsets.UTF_8);
            assertThat(ended).as("the check ended within 200 s:%n%s", printed).isTrue();
            assertThat(check.exitValue()).as("its exit code:%n%s", printed).isZero();
            assertThat(printed).contains("PASS");
        } finally {
            if (check.isAlive()) {
                check.destroy(); // its trap stops the node, Kamailio and SIPp it started, by their PIDs
                check.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
