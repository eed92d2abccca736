package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One node and the baresip phones of a test, started and stopped together: the node is stopped
 * gracefully and the phones killed at the end, and everything is killed by PID if the test JVM
 * exits first.
 */
final class BaresipLab {

    private final Path runDir;
    private final NodeProcess node;
    private final List<Baresip> phones = new ArrayList<>();
    private final Thread lastResort;

    private BaresipLab(Path runDir, NodeProcess node) {
        this.runDir = runDir;
        this.node = node;
        this.lastResort = new Thread(this::destroyEverything, "baresip-lab-last-resort");
        Runtime.getRuntime().addShutdownHook(lastResort);
    }

    /** A fresh {@code runDir} and one node in it, up; {@code extraArgs} are more node properties. */
    static BaresipLab start(String name, NodeProcess.Spec spec, Path runDir, List<String> extraArgs) throws Exception {
        assertThat(Baresip.BINARY).as("baresip is needed (Debian package baresip)").isExecutable();
        TestDirs.fresh(runDir);
        NodeProcess node = NodeProcess.start(spec, List.of(spec.member()), name + "-" + ProcessHandle.current().pid(),
                name + "-operator", runDir, extraArgs);
        BaresipLab lab = new BaresipLab(runDir, node);
        try {
            node.awaitUp(Duration.ofSeconds(120));
        } catch (Exception | AssertionError notUp) {
            lab.destroyEverything();
            Runtime.getRuntime().removeShutdownHook(lab.lastResort);
            throw notUp;
        }
        return lab;
    }

    NodeProcess node() {
        return node;
    }

    /** Starts a phone whose output and configuration go to {@code runDir/label}. */
    Baresip phone(String label, BaresipConfig config) throws Exception {
        Baresip phone = Baresip.start(label, config, runDir);
        phones.add(phone);
        return phone;
    }

    void stop() throws InterruptedException {
        phones.forEach(Baresip::destroyForcibly);
        node.requestStop();
        node.awaitExit(Duration.ofSeconds(30));
        Runtime.getRuntime().removeShutdownHook(lastResort);
    }

    /** Packets of one direction in a CALL_RTCP event: {@code rx.sent} is what the phone received, {@code tx.sent} what it sent. */
    static long rtcpPackets(JsonNode rtcpEvent, String direction) {
        return rtcpEvent.path("rtcp_stats").path(direction).path("sent").asLong(0);
    }

    private void destroyEverything() {
        phones.forEach(Baresip::destroyForcibly);
        node.destroyForcibly();
    }
}
