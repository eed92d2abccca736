package io.gridpbx.cluster;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One GridPBX node as a separate JVM, started from the runnable node jar the way the
 * {@code gridpbx} launcher starts it, its output in {@code node.log} of its own directory.
 * Only this process is ever signalled, by its PID.
 */
final class NodeProcess {

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);

    private final String name;
    private final String host;
    private final int httpPort;
    private final Path dir;
    private final Process process;
    private final HttpClient http;

    private NodeProcess(String name, String host, int httpPort, Path dir, Process process) {
        this.name = name;
        this.host = host;
        this.httpPort = httpPort;
        this.dir = dir;
        this.process = process;
        this.http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
    }

    /**
     * Where and how one node runs.
     *
     * @param name        for logs and messages, e.g. {@code node1}
     * @param host        loopback address for SIP, the member and HTTP
     * @param sipPort     SIP port (UDP and TCP)
     * @param clusterPort Hazelcast member port
     * @param httpPort    REST and status port
     */
    record Spec(String name, String host, int sipPort, int clusterPort, int httpPort) {

        String member() {
            return host + ":" + clusterPort;
        }
    }

    /**
     * Starts a node and returns at once; {@link #awaitUp} waits until it answers.
     *
     * @param members     every member of the cluster, {@code host:port}
     * @param clusterName unique per run, so that a stray node of another run never joins
     * @param baseDir     the node gets {@code baseDir/name} for its log and data
     */
    static NodeProcess start(Spec spec, List<String> members, String clusterName, String operatorToken,
            Path baseDir) throws IOException {
        return start(spec, members, clusterName, operatorToken, baseDir, List.of());
    }

    /** As above, with more node properties (e.g. {@code --gridpbx.db.url=...}). */
    static NodeProcess start(Spec spec, List<String> members, String clusterName, String operatorToken,
            Path baseDir, List<String> extraArgs) throws IOException {
        Path jar = nodeJar();
        Path dir = Files.createDirectories(baseDir.resolve(spec.name()));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags());
        // Three nodes, SIPp and Maven share two cores: small heaps, the serial collector, and the C1
        // compiler only. With C2, three cold JVMs spent a third of the node's CPU compiling while the
        // first calls arrived (C2 threads 4.4 s of CPU in 10 s on the node taking 100 calls/s), and
        // SIPp retransmitted 500-3,300 times per 1,000 calls; with C1 alone: none, and the cluster
        // forms in 31 s instead of 47-55 s. Peak speed, which C2 buys, is not what these tests measure.
        command.addAll(List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--gridpbx.sip.host=" + spec.host(),
                "--gridpbx.sip.port=" + spec.sipPort(),
                "--server.address=" + spec.host(),
                "--server.port=" + spec.httpPort(),
                "--gridpbx.cluster.name=" + clusterName,
                "--gridpbx.cluster.port=" + spec.clusterPort(),
                "--gridpbx.cluster.members=" + String.join(",", members),
                "--gridpbx.data-dir=" + dir.resolve("data"),
                "--gridpbx.api.operator-token=" + operatorToken,
                // The tests' phones and load generators send from 127.0.0.1, many calls per second: allowed,
                // as an operator allows its SBCs and load tools, so that killing the member at 127.0.0.1
                // (whose address the cluster allows while it lives) does not get them banned as a flood.
                "--gridpbx.security.allow-list=127.0.0.1"));
        if (extraArgs.stream().noneMatch(arg -> arg.startsWith("--gridpbx.sip.shed-delay-ms="))) {
            // Three nodes, SIPp and Maven on two cores overload a node by design at times (JIT warm-up, a
            // peer starting): these tests are about failover and data, and a node that sheds answers 503,
            // which they would count as lost. Shedding has its own tests (OverloadSheddingIT, bench).
            command.add("--gridpbx.sip.shed-delay-ms=0");
        }
        if (extraArgs.stream().noneMatch(arg -> arg.startsWith("--gridpbx.sip.tls-port="))) {
            // No TLS unless a test asks for it on a port of its own: 5061 is one port for every test node.
            command.add("--gridpbx.sip.tls-port=0");
        }
        if (extraArgs.stream().noneMatch(arg -> arg.startsWith("--gridpbx.dns.port="))) {
            // No DNS server on port 53 of the test's loopback addresses unless the test asks for one.
            command.add("--gridpbx.dns.port=0");
        }
        command.addAll(extraArgs);
        Files.writeString(dir.resolve("command.txt"), String.join(" ", command) + "\n");
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("node.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        return new NodeProcess(spec.name(), spec.host(), spec.httpPort(), dir, process);
    }

    /** The node jar the build produced; failsafe passes its path as {@code gridpbx.node.jar}. */
    private static Path nodeJar() {
        String configured = System.getProperty("gridpbx.node.jar");
        if (configured == null || !Files.isRegularFile(Path.of(configured))) {
            throw new IllegalStateException("no runnable node jar at gridpbx.node.jar=" + configured
                    + ": build it first (mvn -B install -DskipTests)");
        }
        return Path.of(configured);
    }

    /**
     * The module flags Hazelcast needs on Java 25: the root pom's {@code gridpbx.jvm.opens} (passed
     * by failsafe), else the ones this JVM was started with (a run from an IDE).
     */
    private static List<String> jvmFlags() {
        List<String> flags = new ArrayList<>();
        String configured = System.getProperty("gridpbx.jvm.opens");
        if (configured != null && !configured.isBlank()) {
            flags.addAll(Arrays.asList(configured.trim().split("\\s+")));
        } else {
            List<String> own = ManagementFactory.getRuntimeMXBean().getInputArguments();
            for (int i = 0; i < own.size(); i++) {
                String arg = own.get(i);
                if (arg.startsWith("--add-") || arg.startsWith("--enable-native-access")
                        || arg.startsWith("--sun-misc-unsafe-memory-access")) {
                    flags.add(arg);
                    if (!arg.contains("=") && i + 1 < own.size()) {
                        flags.add(own.get(++i));
                    }
                }
            }
        }
        flags.add("-Djava.net.preferIPv4Stack=true");
        return flags;
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    NodeStatus status() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/node/status"))
                .timeout(HTTP_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(name + " status answered " + response.statusCode() + ": " + response.body());
        }
        return NodeStatus.parse(response.body());
    }

    /** Waits until the node answers its status; fails at once, with its log, if the JVM exits. */
    NodeStatus awaitUp(Duration timeout) throws InterruptedException {
        return Eventually.await(name + " to answer its status", timeout, () -> {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + logTail(40));
            }
            return status();
        }, status -> true);
    }

    /** POSTs JSON to an operator endpoint; returns the body of a 2xx answer. */
    String post(String path, String json, String operatorToken) throws IOException, InterruptedException {
        return post(path, "application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8), operatorToken);
    }

    /** POSTs a body of this type with a bearer token; returns the body of a 2xx answer. */
    String post(String path, String contentType, byte[] body, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("POST " + path + " on " + name + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    /** PUTs JSON with a bearer token; returns the body of a 2xx answer. */
    String put(String path, String json, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).timeout(HTTP_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("PUT " + path + " on " + name + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    /** GETs with a bearer token; returns the body of a 2xx answer. */
    String get(String path, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).timeout(HTTP_TIMEOUT)
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("GET " + path + " on " + name + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    /** A crash: SIGKILL to this node's PID, no shutdown hook, no graceful leave. */
    void kill9() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0 || !process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("could not kill -9 " + name + " (pid " + process.pid() + ")");
        }
    }

    /** Asks the node to stop (SIGTERM: Spring closes SIP and leaves the cluster); see {@link #awaitExit}. */
    void requestStop() {
        if (process.isAlive()) {
            process.destroy();
        }
    }

    /** Waits for the node to exit after {@link #requestStop}, and kills it when it takes longer than {@code grace}. */
    void awaitExit(Duration grace) throws InterruptedException {
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Waits for the node to exit by itself (a drain's end) and returns its exit status; fails if it does not. */
    int awaitOwnExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " still running after " + timeout.toSeconds() + " s:\n" + logTail(30));
        }
        return process.exitValue();
    }

    /** Last resort (a JVM shutdown hook): SIGKILL if still running. */
    void destroyForcibly() {
        process.destroyForcibly();
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(dir.resolve("node.log"), StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private URI uri(String path) {
        return URI.create("http://" + host + ":" + httpPort + path);
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", " + host + ")";
    }
}
