package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The nodes of one cluster, the carrier and the demo office's phones of a trunk test, started and stopped
 * together: SIPp UACs play the office's phones, each call held ({@code trunk_uac_held.xml}) until the test
 * hangs it up through the node it names; a SIPp UAS plays the carrier behind a gateway at a loopback
 * address; the demo API tokens set the gateway and its route up and read what the cluster counts. At the
 * end the SIPps are stopped and the nodes asked to stop, each by its own process; everything is killed by
 * PID if the test JVM exits first.
 */
final class TrunkLab {

    static final String DOMAIN = "office.demo.gridpbx.test";
    static final String PLATFORM_TOKEN = "demo-platform-token";
    static final String RESELLER_TOKEN = "demo-reseller-token";
    static final Duration SIP_STEP = Duration.ofSeconds(30);
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path runDir;
    private final String runId = Long.toString(ProcessHandle.current().pid());
    private final String phoneHost;
    private final AtomicInteger phonePorts;
    private final List<NodeProcess> nodes = new CopyOnWriteArrayList<>();
    private final List<Sipp> sipps = new CopyOnWriteArrayList<>();
    private final Thread lastResort = new Thread(this::destroyEverything, "trunk-lab-last-resort");

    private TrunkLab(Path runDir, String phoneHost, int firstPhonePort) {
        this.runDir = runDir;
        this.phoneHost = phoneHost;
        this.phonePorts = new AtomicInteger(firstPhonePort);
        Runtime.getRuntime().addShutdownHook(lastResort);
    }

    /**
     * A fresh {@code runDir} and a cluster of these nodes in it, all up and members of it.
     *
     * @param extraArgs      more node properties, for every node
     * @param phoneHost      where the phones send from: the address the test nodes allow
     *                       ({@code gridpbx.security.allow-list}), so that a refusal never gets them banned
     * @param firstPhonePort each phone takes the next port from here
     */
    static TrunkLab start(String name, List<NodeProcess.Spec> specs, Path runDir, List<String> extraArgs,
            String phoneHost, int firstPhonePort) throws Exception {
        assertThat(Sipp.BINARY).as("SIPp is needed (Debian package sip-tester)").isExecutable();
        TestDirs.fresh(runDir);
        TrunkLab lab = new TrunkLab(runDir, phoneHost, firstPhonePort);
        List<String> members = specs.stream().map(NodeProcess.Spec::member).toList();
        try {
            for (NodeProcess.Spec spec : specs) {
                NodeProcess node = NodeProcess.start(spec, members, name + "-" + lab.runId, name + "-operator", runDir,
                        extraArgs);
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

    NodeProcess node(int index) {
        return nodes.get(index);
    }

    /**
     * One call of a phone, up until the test hangs it up.
     *
     * @param port the phone's SIPp port, which the hang-up signal goes to
     * @param via  the node the call went through
     * @param sipp the phone's SIPp, which may hold other calls too
     */
    record HeldCall(String label, String callId, String phoneHost, int port, NodeProcess.Spec via, Sipp sipp) {
    }

    /**
     * The carrier: a SIPp UAS answering every call ({@code trunk_carrier_uas.xml}) until {@link #stop}, and
     * each BYE where its Via says, whichever node it came through.
     */
    void carrier(String host, int port) throws IOException {
        sipps.add(Sipp.start("carrier-uas", "trunk_carrier_uas.xml", null, List.of("-i", host,
                "-p", Integer.toString(port), "-trace_logs", "-timeout", "300s"), runDir));
    }

    /**
     * Through the platform's API: a gateway to the carrier (not probed: the carrier's SIPp answers calls
     * only) and a route of numbers matching {@code pattern} to it. Returns the gateway's id.
     */
    static String gatewayAndRoute(NodeProcess api, String carrierHost, int carrierPort, String routeName,
            String pattern) throws IOException, InterruptedException {
        String gateway = JSON.readTree(api.post("/api/v1/gateways", JSON.writeValueAsString(Map.of(
                "name", "Loopback carrier", "host", carrierHost, "port", Integer.toString(carrierPort),
                "transport", "UDP", "stripDigits", "0", "probing", false)), PLATFORM_TOKEN)).path("id").asString();
        api.post("/api/v1/routes", JSON.writeValueAsString(Map.of("name", routeName, "pattern", pattern,
                "priority", "1", "gatewayIds", List.of(gateway))), PLATFORM_TOKEN);
        return gateway;
    }

    /** A call that must be admitted now: up and held, its dialog in the grid. */
    HeldCall held(String label, NodeProcess.Spec via, NodeProcess api, String extension, String dialled)
            throws Exception {
        return attempt(label, via, api, extension, dialled).orElseThrow(
                () -> new AssertionError(label + " was not admitted: see " + runDir));
    }

    /** A call that may be admitted: held when it is, empty when its SIPp ended without a call (refused). */
    Optional<HeldCall> attempt(String label, NodeProcess.Spec via, NodeProcess api, String extension, String dialled)
            throws Exception {
        int port = phonePorts.getAndIncrement();
        String unique = label + "-" + port;
        String callId = unique + "-" + runId + "@" + phoneHost;
        Sipp sipp = startPhone(unique, via, port, extension, dialled, callId, List.of("-m", "1"));
        HeldCall call = new HeldCall(unique, callId, phoneHost, port, via, sipp);
        // Up (the call in the grid) or over (SIPp exited: refused); an exit after the call is up is a failure too.
        boolean up = Eventually.await(unique + " up or refused", SIP_STEP,
                () -> sipp.isRunning() ? activeCalls(api).containsKey(callId) : Boolean.FALSE,
                seen -> seen || !sipp.isRunning());
        if (!up) {
            return Optional.empty();
        }
        if (!sipp.isRunning()) {
            throw new AssertionError(unique + " was up, then its SIPp ended: " + sipp.await(Duration.ZERO));
        }
        return Optional.of(call);
    }

    /**
     * A phone placing {@code calls} calls at once through {@code via} (at most {@code perSecond} a second),
     * each held until the test hangs it up. Returns them at once, before they are up: the caller waits.
     */
    List<HeldCall> phone(String label, NodeProcess.Spec via, String extension, String dialled, int calls,
            int perSecond) throws IOException {
        int port = phonePorts.getAndIncrement();
        String unique = label + "-" + port;
        // SIPp numbers its calls from 1: %u in -cid_str.
        String callIds = unique + "-%u-" + runId + "@" + phoneHost;
        Sipp sipp = startPhone(unique, via, port, extension, dialled, callIds, List.of("-m", Integer.toString(calls),
                "-l", Integer.toString(calls), "-r", Integer.toString(perSecond)));
        return IntStream.rangeClosed(1, calls).mapToObj(n -> new HeldCall(unique + "#" + n,
                callIds.replace("%u", Integer.toString(n)), phoneHost, port, via, sipp)).toList();
    }

    private Sipp startPhone(String label, NodeProcess.Spec via, int port, String extension, String dialled,
            String callId, List<String> calls) throws IOException {
        List<String> args = new ArrayList<>(List.of("-i", phoneHost, "-p", Integer.toString(port),
                "-key", "domain", DOMAIN, "-key", "caller", extension, "-s", dialled, "-au", extension,
                "-ap", "pass" + extension, "-cid_str", callId, "-timeout", "240s", "-timeout_error"));
        args.addAll(calls);
        Sipp sipp = Sipp.start(label, "trunk_uac_held.xml", sipAddress(via), args, runDir);
        sipps.add(sipp);
        return sipp;
    }

    /** A call that must be refused before anything rings ({@code trunk_uac_refused.xml}); returns how SIPp saw it. */
    Sipp.Result refused(String label, NodeProcess.Spec via, String extension, String dialled) throws Exception {
        Sipp sipp = Sipp.start(label, "trunk_uac_refused.xml", sipAddress(via), List.of("-i", phoneHost,
                "-p", Integer.toString(phonePorts.getAndIncrement()), "-key", "domain", DOMAIN, "-key", "caller",
                extension, "-s", dialled, "-au", extension, "-ap", "pass" + extension, "-m", "1",
                "-recv_timeout", "20000", "-timeout", "60s", "-timeout_error"), runDir);
        sipps.add(sipp);
        return sipp.await(SIP_STEP.multipliedBy(2));
    }

    /**
     * Hangs up a call alone on its SIPp through the node it went through, and waits for that SIPp to end:
     * its BYE must have been answered 200.
     */
    static void hangUp(HeldCall call) throws Exception {
        signalHangUp(call, call.via());
        Sipp.Result ended = call.sipp().await(SIP_STEP);
        assertThat(ended.exitCode()).as("%s hung up, BYE answered: %s", call.label(), ended).isZero();
        assertThat(ended.successful()).as("%s", ended).isEqualTo(1);
    }

    /**
     * The test's signal to hang up, which {@code trunk_uac_held.xml} waits for: a NOTIFY with the call's
     * Call-ID, sent once to its SIPp over loopback, naming the node its BYE goes to. Returns at once.
     */
    static void signalHangUp(HeldCall call, NodeProcess.Spec byeTo) throws IOException {
        String notify = "NOTIFY sip:hangup@" + call.phoneHost() + ":" + call.port() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + call.phoneHost() + ";branch=z9hG4bK-hangup-" + call.callId().hashCode() + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:test@" + call.phoneHost() + ">;tag=hangup\r\n"
                + "To: <sip:hangup@" + call.phoneHost() + ">\r\n"
                + "Call-ID: " + call.callId() + "\r\n"
                + "CSeq: 1 NOTIFY\r\n"
                + "Event: hangup\r\n"
                + "X-Hangup-Host: " + byeTo.host() + "\r\n"
                + "X-Hangup-Port: " + byeTo.sipPort() + "\r\n"
                + "Content-Length: 0\r\n\r\n";
        byte[] bytes = notify.getBytes(StandardCharsets.US_ASCII);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(call.phoneHost(), 0))) {
            socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(call.phoneHost(), call.port())));
        }
    }

    /** The calls up in the grid, as the reseller's API lists them: Call-ID → the node that carries it. */
    static Map<String, String> activeCalls(NodeProcess node) throws IOException, InterruptedException {
        JsonNode calls = JSON.readTree(node.get("/api/v1/calls/active", RESELLER_TOKEN));
        return calls.valueStream().collect(Collectors.toMap(call -> call.path("callId").asString(),
                call -> call.path("node").asString(), (one, same) -> one));
    }

    /** The calls the cluster counts now against the reseller's cap on the office. */
    static int officeCallsNow(NodeProcess node) throws IOException, InterruptedException {
        JsonNode caps = JSON.readTree(node.get("/api/v1/config/client-call-limits", RESELLER_TOKEN));
        return caps.valueStream().filter(cap -> DOMAIN.equals(cap.path("values").path("client").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("no cap on " + DOMAIN + ": " + caps))
                .path("callsNow").asInt(-1);
    }

    static String nodeId(NodeProcess node) throws IOException, InterruptedException {
        return JSON.readTree(node.status().json()).path("node").asString();
    }

    static String sipAddress(NodeProcess.Spec node) {
        return node.host() + ":" + node.sipPort();
    }

    /** Ends every SIPp still running (the carrier, phones holding calls the test left up), then the nodes. */
    void stop() throws InterruptedException {
        for (Sipp sipp : sipps) {
            sipp.stop();
        }
        nodes.forEach(NodeProcess::requestStop);
        for (NodeProcess node : nodes) {
            node.awaitExit(Duration.ofSeconds(30));
        }
        Runtime.getRuntime().removeShutdownHook(lastResort);
    }

    /** The JVM is going away before {@link #stop}: leave no node or SIPp behind. */
    private void destroyEverything() {
        sipps.forEach(Sipp::destroyForcibly);
        nodes.forEach(NodeProcess::destroyForcibly);
    }
}
