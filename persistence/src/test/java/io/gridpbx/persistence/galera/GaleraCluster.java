package io.gridpbx.persistence.galera;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real three-node MariaDB Galera cluster on loopback (SQL ports 3307-3309), driven through
 * {@code scripts/galera}: Galera tests start it, crash and rejoin nodes, and check that every node
 * holds the same rows. Only the {@code mariadbd} processes the script recorded are ever signalled.
 */
public final class GaleraCluster implements AutoCloseable {

    /** Bootstrap plus two full SSTs on a loaded two-core machine; measured at about 12 s when idle. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    /** {@code --wsrep-recover}, then an IST or, at worst, a full SST. */
    private static final Duration NODE_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration CHECK_TIMEOUT = Duration.ofMinutes(3);

    private static final Pattern REJOINED = Pattern.compile("joined by (IST|SST|no state transfer logged)");
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Path script;
    private final Path dir;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private GaleraCluster(Path script, Path dir, String jdbcUrl, String user, String password) {
        this.script = script;
        this.dir = dir;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** What {@code scripts/galera check} found: passed only when every table is equal on all three nodes. */
    public record Check(boolean passed, String output) {
    }

    /**
     * Starts the cluster in {@code gridpbx.galera.dir}, else {@code target/galera} of the module being
     * tested, and waits until all three nodes are Synced. A cluster already running there is reused.
     *
     * @throws IllegalStateException when the script fails, e.g. with the packages to install when
     *                               MariaDB or Galera is missing
     */
    public static GaleraCluster start() {
        return start(defaultDir());
    }

    /** Starts (or reuses) the cluster whose data and logs live in {@code dir}. */
    public static GaleraCluster start(Path dir) {
        Path script = repoRoot().resolve("scripts").resolve("galera");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the cluster directory " + dir, e);
        }
        String output = run(script, dir, START_TIMEOUT, "start").requireSuccess();
        return new GaleraCluster(script, dir, value(output, "JDBC_URL"), value(output, "JDBC_USER"),
                value(output, "JDBC_PASSWORD"));
    }

    /** The multi-host URL Connector/J fails over with: nodes 1, 2 and 3, database {@code gridpbx}. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** A URL that reaches one node only, for reading what another node wrote. */
    public String nodeJdbcUrl(int node) {
        requireNode(node);
        return "jdbc:mysql://127.0.0.1:" + (3306 + node) + "/gridpbx";
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Where the nodes keep their data directories and error logs. */
    public Path dir() {
        return dir;
    }

    /** A crash: {@code kill -9} of the node's {@code mariadbd}, no clean shutdown. */
    public void killNode(int node) {
        requireNode(node);
        run(STOP_TIMEOUT, "kill-node", Integer.toString(node)).requireSuccess();
    }

    /**
     * Rejoins a stopped or killed node at the position {@code --wsrep-recover} finds and waits until
     * it is Synced.
     *
     * @return true when it caught up without a full SST (by IST, as the script reads the node's
     *         error log), false after a full SST
     * @throws IllegalStateException when the node was running already or did not become Synced
     */
    public boolean startNode(int node) {
        requireNode(node);
        String output = run(NODE_TIMEOUT, "start-node", Integer.toString(node)).requireSuccess();
        Matcher matcher = REJOINED.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("node " + node + " did not rejoin (already running?):\n" + output);
        }
        return !matcher.group(1).equals("SST");
    }

    /** A clean shutdown of every node, the last one stopped being the one safe to bootstrap from. */
    public void stopAll() {
        run(STOP_TIMEOUT, "stop").requireSuccess();
    }

    /** Brings a stopped (or wholly crashed) cluster back from its data directories. */
    public void startAll() {
        run(START_TIMEOUT, "start").requireSuccess();
    }

    /** Compares {@code CHECKSUM TABLE} of every {@code gridpbx} table on the three nodes. */
    public Check check() {
        Result result = run(CHECK_TIMEOUT, "check");
        return new Check(result.exitCode() == 0, result.output());
    }

    /** Stops every node cleanly; the data stays in {@link #dir()} for a look after a failed test. */
    public void stop() {
        stopAll();
    }

    @Override
    public void close() {
        stop();
    }

    private Result run(Duration timeout, String... args) {
        return run(script, dir, timeout, args);
    }

    /**
     * Runs the script with its output in a file, not a pipe: a {@code mariadbd} that kept an
     * inherited pipe open would hold a reader forever.
     */
    private static Result run(Path script, Path dir, Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), "--dir", dir.toString()));
        command.addAll(List.of(args));
        Path log = dir.resolve("fixture-%03d-%s.log".formatted(RUNS.incrementAndGet(), args[0]));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout
                        + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(String.join(" ", command), process.exitValue(),
                    Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    private record Result(String command, int exitCode, String output) {

        String requireSuccess() {
            if (exitCode != 0) {
                throw new IllegalStateException(command + " failed with exit code " + exitCode + ":\n" + output);
            }
            return output;
        }
    }

    private static String value(String output, String key) {
        Matcher matcher = Pattern.compile("(?m)^" + key + "=(.*)$").matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("scripts/galera start printed no " + key + ":\n" + output);
        }
        return matcher.group(1).strip();
    }

    private static void requireNode(int node) {
        if (node < 1 || node > 3) {
            throw new IllegalArgumentException("node must be 1, 2 or 3, not " + node);
        }
    }

    /** The checkout holding {@code scripts/galera}: {@code gridpbx.repo.root}, else up from the working directory. */
    private static Path repoRoot() {
        String configured = System.getProperty("gridpbx.repo.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path candidate = start; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("scripts").resolve("galera"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no scripts/galera in " + start + " or above; set -Dgridpbx.repo.root");
    }

    /** Maven runs tests in the module directory, whose {@code target/} a clean removes. */
    private static Path defaultDir() {
        String configured = System.getProperty("gridpbx.galera.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path cwd = Path.of("").toAbsolutePath();
        return Files.isRegularFile(cwd.resolve("pom.xml"))
                ? cwd.resolve("target").resolve("galera")
                : Path.of(System.getProperty("java.io.tmpdir"), "gridpbx-galera-it");
    }
}
