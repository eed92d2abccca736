package io.gridpbx.cluster;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * SIPp ({@code sipp}, Debian package {@code sip-tester}) run from a scenario under
 * {@code src/test/resources/sipp/}: each run works in its own directory, where SIPp leaves its
 * statistics, error trace and final screen next to a copy of the scenario.
 */
final class Sipp {

    static final Path BINARY = Path.of("/usr/bin/sipp");

    private final String label;
    private final Path dir;
    private final Process process;
    private final Path statFile;

    private Sipp(String label, Path dir, Process process, Path statFile) {
        this.label = label;
        this.dir = dir;
        this.process = process;
        this.statFile = statFile;
    }

    /**
     * Starts SIPp with a scenario and arguments, in {@code baseDir/label}.
     *
     * @param remote {@code host:port} to send to, or null for a server (UAS) scenario
     * @param args   everything else: {@code -i}, {@code -p}, rates, {@code -key}s, an injection file
     */
    static Sipp start(String label, String scenario, @Nullable String remote, List<String> args, Path baseDir)
            throws IOException {
        Path dir = Files.createDirectories(baseDir.resolve(label));
        Path scenarioFile = dir.resolve(scenario);
        try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + scenario)) {
            if (in == null) {
                throw new IllegalArgumentException("no scenario sipp/" + scenario + " on the test class path");
            }
            Files.copy(in, scenarioFile, StandardCopyOption.REPLACE_EXISTING);
        }
        Path statFile = dir.resolve("stat.csv");
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        if (remote != null) {
            command.add(remote);
        }
        command.addAll(List.of("-sf", scenarioFile.toString(), "-nostdin",
                "-trace_err", "-trace_screen", "-trace_stat", "-stf", statFile.toString(), "-fd", "5",
                // A loaded two-core box drops UDP on SIPp's default 64 KB socket buffer.
                "-buff_size", "4194304"));
        command.addAll(args);
        Files.writeString(dir.resolve("command.txt"), String.join(" ", command) + "\n");
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sipp.out").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        return new Sipp(label, dir, process, statFile);
    }

    /** Writes an injection file ({@code SEQUENTIAL}, one call a line, fields separated by {@code ;}). */
    static void writeInjectionFile(Path file, List<String> lines) throws IOException {
        List<String> all = new ArrayList<>(lines.size() + 1);
        all.add("SEQUENTIAL");
        all.addAll(lines);
        Files.write(file, all, StandardCharsets.US_ASCII);
    }

    /**
     * What a finished SIPp run reports: its exit code (0 when every call succeeded) and the
     * cumulative counters of its statistics file.
     */
    record Result(String label, int exitCode, long created, long successful, long failed, long retransmissions,
            Path dir) {

        @Override
        public String toString() {
            return label + ": exit " + exitCode + ", " + created + " calls, " + successful + " successful, "
                    + failed + " failed, " + retransmissions + " retransmissions (see " + dir + ")";
        }
    }

    /** Waits for SIPp to end by itself (its {@code -m} calls done or its {@code -timeout}). */
    Result await(Duration timeout) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("SIPp " + label + " still running after " + timeout.toSeconds() + " s, killed; see "
                    + dir);
        }
        return result(process.exitValue());
    }

    /**
     * The cumulative counters SIPp has written so far, by statistics column ({@code SuccessfulCall(C)}...),
     * while it runs: it writes them every 5 s ({@code -fd 5}) and when it ends.
     */
    Map<String, Long> statistics() throws IOException {
        return lastStatistics();
    }

    boolean isRunning() {
        return process.isAlive();
    }

    /** Ends a server scenario that would otherwise wait for calls until its timeout. */
    void stop() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    void destroyForcibly() {
        process.destroyForcibly();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String label() {
        return label;
    }

    private Result result(int exitCode) throws IOException {
        Map<String, Long> stats = lastStatistics();
        return new Result(label, exitCode, stats.getOrDefault("OutgoingCall(C)", -1L),
                stats.getOrDefault("SuccessfulCall(C)", -1L), stats.getOrDefault("FailedCall(C)", -1L),
                stats.getOrDefault("Retransmissions(C)", -1L), dir);
    }

    /** The numeric columns of the statistics file's last line, by header name. */
    private Map<String, Long> lastStatistics() throws IOException {
        if (!Files.isRegularFile(statFile)) {
            return Map.of();
        }
        List<String> lines = Files.readAllLines(statFile, StandardCharsets.ISO_8859_1).stream()
                .filter(line -> !line.isBlank()).toList();
        if (lines.size() < 2) {
            return Map.of();
        }
        List<String> header = Arrays.asList(lines.getFirst().split(";", -1));
        String[] values = lines.getLast().split(";", -1);
        Map<String, Long> stats = new HashMap<>();
        for (int i = 0; i < Math.min(header.size(), values.length); i++) {
            try {
                stats.put(header.get(i), Long.parseLong(values[i].trim()));
            } catch (NumberFormatException notACounter) {
                // times and dates: not needed here
            }
        }
        return stats;
    }
}
