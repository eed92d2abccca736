package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The nodes of one cluster and the baresip phones of a test, started and stopped together: the nodes
 * are stopped gracefully and the phones killed at the end, and everything is killed by PID if the test
 * JVM exits first.
 */
final class BaresipLab {

    private final Path runDir;
    private final List<NodeProcess> nodes = new ArrayList<>();
    private final List<Baresip> phones = new ArrayList<>();
    private final Thread lastResort;

    private BaresipLab(Path runDir) {
        this.runDir = runDir;
        this.lastResort = new Thread(this::destroyEverything, "baresip-lab-last-resort");
        Runtime.getRuntime().addShutdownHook(lastResort);
    }

    /** A fresh {@code runDir} and one node in it, up; {@code extraArgs} are more node properties. */
    static BaresipLab start(String name, NodeProcess.Spec spec, Path runDir, List<String> extraArgs) throws Exception {
        return start(name, List.of(spec), runDir, extraArgs);
    }

    /** A fresh {@code runDir} and a cluster of these nodes in it, all up and members of it. */
    static BaresipLab start(String name, List<NodeProcess.Spec> specs, Path runDir, List<String> extraArgs)
            throws Exception {
        assertThat(Baresip.BINARY).as("baresip is needed (Debian package baresip)").isExecutable();
        TestDirs.fresh(runDir);
        List<String> members = specs.stream().map(NodeProcess.Spec::member).toList();
        String cluster = name + "-" + ProcessHandle.current().pid();
        BaresipLab lab = new BaresipLab(runDir);
        try {
            for (NodeProcess.Spec spec : specs) {
                NodeProcess node = NodeProcess.start(spec, members, cluster, name + "-operator", runDir, extraArgs);
                lab.nodes.add(node);
                node.awaitUp(Duration.ofSeconds(120));
            }
            for (NodeProcess node : lab.nodes) {
                Eventually.await(node.name() + " in a cluster of " + specs.size(), Duration.ofSeconds(60), node::status,
                        status -> status.clusterSize() == specs.size());
            }
        } catch (Exception | AssertionError notUp) {
            lab.destroyEverything();
            Runtime.getRuntime().removeShutdownHook(lab.lastResort);
            throw notUp;
        }
        return lab;
    }

    /** The first node. */
    NodeProcess node() {
        return nodes.getFirst();
    }

    NodeProcess node(int index) {
        return nodes.get(index);
    }

    /** Starts a phone whose output and configuration go to {@code runDir/label}. */
    Baresip phone(String label, BaresipConfig config) throws Exception {
        Baresip phone = Baresip.start(label, config, runDir);
        phones.add(phone);
        return phone;
    }

    void stop() throws InterruptedException {
        phones.forEach(Baresip::destroyForcibly);
        nodes.forEach(NodeProcess::requestStop);
        for (NodeProcess node : nodes) {
            node.awaitExit(Duration.ofSeconds(30));
        }
        Runtime.getRuntime().removeShutdownHook(lastResort);
    }

    /** The caller dials {@code target}, the callee answers, and both see the call established. */
    static void connect(Baresip caller, Baresip callee, String target, Duration step) throws Exception {
        JsonNode dialed = caller.control().command("dial", target, step);
        assertThat(dialed.path("ok").asBoolean()).as("dial accepted: %s", dialed).isTrue();
        callee.control().awaitEvent("CALL_INCOMING", step);
        JsonNode accepted = callee.control().command("accept", "", step);
        assertThat(accepted.path("ok").asBoolean()).as("accept: %s", accepted).isTrue();
        caller.control().awaitEvent("CALL_ESTABLISHED", step);
        callee.control().awaitEvent("CALL_ESTABLISHED", step);
    }

    /** Packets of one direction in a CALL_RTCP event: {@code rx.sent} is what the phone received, {@code tx.sent} what it sent. */
    static long rtcpPackets(JsonNode rtcpEvent, String direction) {
        return rtcpEvent.path("rtcp_stats").path(direction).path("sent").asLong(0);
    }

    private void destroyEverything() {
        phones.forEach(Baresip::destroyForcibly);
        nodes.forEach(NodeProcess::destroyForcibly);
    }
}
