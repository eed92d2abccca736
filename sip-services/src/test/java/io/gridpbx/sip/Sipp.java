package io.gridpbx.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of the real SIPp binary on loopback: builds the command line, runs it as a child
 * process with its traces under {@code target/sipp/<run name>/}, and reads the exit code and the
 * final call counts from its statistics file. A run that outlives its deadline is killed by PID.
 */
final class Sipp {

    static final String BINARY = "/usr/bin/sipp";
    private static final String LOOPBACK = "127.0.0.1";
    private static final Path OUTPUT = Path.of("target", "sipp");

    private final String scenario;
    private final int localPort;
    private String localIp = LOOPBACK;
    private String name;
    private String remote;
    private int calls = 1;
    private int timeoutSeconds = 15;
    private String transport = "u1";
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final List<String> extra = new ArrayList<>();

    private Sipp(String scenario, int localPort) {
        this.scenario = scenario;
        this.localPort = localPort;
        this.name = scenario.replace(".xml", "") + "-" + localPort;
    }

    /** A run of {@code src/test/resources/sipp/<scenario>} bound to 127.0.0.1:localPort. */
    static Sipp scenario(String scenario, int localPort) {
        return new Sipp(scenario, localPort);
    }

    /** The name of the trace directory; by default scenario and port. */
    Sipp named(String runName) {
        this.name = runName;
        return this;
    }

    /** The loopback address SIPp sends from ({@code -i}), so that a test can play several sources; 127.0.0.1 by default. */
    Sipp from(String ip) {
        this.localIp = ip;
        return this;
    }

    /** Calls started per second ({@code -r}); SIPp's default is 10. */
    Sipp rate(int callsPerSecond) {
        return option("-r", Integer.toString(callsPerSecond));
    }

    /** The proxy or registrar a client scenario talks to. */
    Sipp to(int port) {
        this.remote = LOOPBACK + ":" + port;
        return this;
    }

    /** The user part of the Request-URI, SIPp's {@code [service]} ({@code -s}). */
    Sipp service(String user) {
        return option("-s", user);
    }

    /** Digest credentials SIPp answers a 401 or 407 with ({@code -au}, {@code -ap}). */
    Sipp credentials(String user, String password) {
        option("-au", user);
        return option("-ap", password);
    }

    /** A scenario keyword: {@code [name]} in the XML becomes value ({@code -key}). */
    Sipp key(String keyword, String value) {
        keys.put(keyword, value);
        return this;
    }

    /** How many calls to run before exiting ({@code -m}); one by default. */
    Sipp calls(int count) {
        this.calls = count;
        return this;
    }

    /** SIPp's own global timeout, after which the run counts as failed. */
    Sipp timeout(Duration timeout) {
        this.timeoutSeconds = (int) Math.max(1, timeout.toSeconds());
        return this;
    }

    /** {@code u1} (one UDP socket, the default) or {@code t1} (one TCP connection). */
    Sipp transport(String mode) {
        this.transport = mode;
        return this;
    }

    private Sipp option(String flag, String value) {
        extra.add(flag);
        extra.add(value);
        return this;
    }

    /** Runs to the end and returns the outcome; never waits longer than SIPp's timeout plus a margin. */
    Result run() {
        return start().await();
    }

    /** Starts SIPp in the background, e.g. a UAS that a client scenario will call. */
    Running start() {
        Path dir = OUTPUT.resolve(name);
        try {
            Files.createDirectories(dir);
            for (String stale : List.of("stats.csv", "errors.log", "messages.log", "screen.log", "stderr.log")) {
                Files.deleteIfExists(dir.resolve(stale));
            }
            List<String> command = command(dir);
            Files.writeString(dir.resolve("command.txt"), String.join(" ", command) + "\n");
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(dir.resolve("screen.log").toFile())
                    .redirectError(dir.resolve("stderr.log").toFile())
                    .start();
            return new Running(process, dir, localPort, Duration.ofSeconds(timeoutSeconds + 5L));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start sipp " + name, e);
        }
    }

    private List<String> command(Path dir) {
        List<String> command = new ArrayList<>();
        command.add(BINARY);
        if (remote != null) {
            command.add(remote);
        }
        command.addAll(List.of("-sf", scenarioFile().toString(),
                "-i", localIp, "-p", Integer.toString(localPort), "-t", transport,
                "-m", Integer.toString(calls), "-l", Integer.toString(Math.max(1, calls)),
                "-timeout", timeoutSeconds + "s", "-timeout_error",
                "-nostdin",
                "-trace_err", "-error_file", dir.resolve("errors.log").toString(),
                "-trace_msg", "-message_file", dir.resolve("messages.log").toString(),
                "-trace_stat", "-stf", dir.resolve("stats.csv").toString()));
        keys.forEach((keyword, value) -> command.addAll(List.of("-key", keyword, value)));
        command.addAll(extra);
        return command;
    }

    private Path scenarioFile() {
        URL url = Sipp.class.getResource("/sipp/" + scenario);
        if (url == null) {
            throw new IllegalArgumentException("no scenario sipp/" + scenario + " on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A SIPp process that runs in the background. */
    static final class Running implements AutoCloseable {

        private final Process process;
        private final Path dir;
        private final int localPort;
        private final Duration deadline;

        private Running(Process process, Path dir, int localPort, Duration deadline) {
            this.process = process;
            this.dir = dir;
            this.localPort = localPort;
            this.deadline = deadline;
        }

        /** Where SIPp writes its traces (its messages.log as it goes). */
        Path dir() {
            return dir;
        }

        /**
         * Waits until SIPp holds its UDP port, so that a request sent to it now is received. Reads the
         * kernel's socket table instead of trying to bind the port: a probe bind would race SIPp's own
         * bind and could make SIPp fail with "address already in use".
         */
        Running awaitListening() {
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < end) {
                if (!process.isAlive()) {
                    throw new AssertionError("sipp exited before listening: " + await().describe());
                }
                if (udpPortBound(localPort)) {
                    return this;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted");
                }
            }
            throw new AssertionError("sipp did not bind 127.0.0.1:" + localPort + " within 5 s");
        }

        private static boolean udpPortBound(int port) {
            String localPortField = String.format(":%04X", port);
            try (var lines = Files.lines(Path.of("/proc/net/udp"))) {
                return lines.skip(1).map(String::trim).map(line -> line.split("\\s+"))
                        .anyMatch(fields -> fields.length > 1 && fields[1].endsWith(localPortField));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read /proc/net/udp", e);
            }
        }

        /** Waits for the exit, killing the process (by its PID) when it overruns its deadline. */
        Result await() {
            boolean exited;
            try {
                exited = process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exited = false;
            }
            if (!exited) {
                kill();
                return Result.read(dir, -1, true);
            }
            return Result.read(dir, process.exitValue(), false);
        }

        private void kill() {
            ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                kill();
            }
        }
    }

    /**
     * What a run ended with.
     *
     * @param exitCode   SIPp's exit code: 0 when every call succeeded, 1 when one failed, -1 here when killed
     * @param successful successful calls from the statistics file, -1 when unreadable
     * @param failed     failed calls from the statistics file, -1 when unreadable
     */
    record Result(Path dir, int exitCode, long successful, long failed, boolean killed) {

        static Result read(Path dir, int exitCode, boolean killed) {
            long[] counts = callCounts(dir.resolve("stats.csv"));
            return new Result(dir, exitCode, counts[0], counts[1], killed);
        }

        /** SIPp's pass criterion: exit code 0, no failed call, and at least one that succeeded. */
        boolean passed() {
            return exitCode == 0 && failed == 0 && successful > 0;
        }

        /** Fails with SIPp's own error trace unless the run passed. */
        Result assertPassed() {
            if (!passed()) {
                throw new AssertionError("SIPp run did not pass: " + describe());
            }
            return this;
        }

        String describe() {
            return "exit " + exitCode + (killed ? " (killed at its deadline)" : "") + ", " + successful
                    + " successful, " + failed + " failed; traces in " + dir.toAbsolutePath()
                    + tail("errors.log") + tail("stderr.log");
        }

        /** The SIP messages SIPp sent and received, for assertions on what went over the wire. */
        String messages() {
            return read(dir.resolve("messages.log"));
        }

        private String tail(String file) {
            String text = read(dir.resolve(file)).strip();
            if (text.isEmpty()) {
                return "";
            }
            return "\n--- " + file + " ---\n" + (text.length() > 4000 ? text.substring(text.length() - 4000) : text);
        }

        private static String read(Path file) {
            try {
                return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
            } catch (IOException e) {
                return "";
            }
        }

        /** Successful and failed calls, cumulative, from the last line of SIPp's statistics file. */
        private static long[] callCounts(Path stats) {
            List<String> lines;
            try {
                lines = Files.exists(stats) ? Files.readAllLines(stats, StandardCharsets.ISO_8859_1) : List.of();
            } catch (IOException e) {
                lines = List.of();
            }
            if (lines.size() < 2) {
                return new long[] {-1, -1};
            }
            List<String> header = List.of(lines.getFirst().split(";"));
            String[] last = lines.getLast().split(";");
            return new long[] {column(header, last, "SuccessfulCall(C)"), column(header, last, "FailedCall(C)")};
        }

        private static long column(List<String> header, String[] values, String name) {
            int index = header.indexOf(name);
            if (index < 0 || index >= values.length) {
                return -1;
            }
            try {
                return Long.parseLong(values[index].trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
