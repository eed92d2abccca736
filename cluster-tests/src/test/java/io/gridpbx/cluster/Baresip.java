package io.gridpbx.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One baresip phone (Debian package {@code baresip}, 1.0) as a process of its own, in
 * {@code baseDir/label}: its configuration directory, written by {@link BaresipConfig}, and its
 * output, {@code baresip.out}, with the SIP trace ({@code -s}). Commands and events go through
 * {@link #control()}. Only this process is ever signalled, by its PID.
 */
final class Baresip {

    static final Path BINARY = Path.of("/usr/bin/baresip");
    private static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(30);
    /** baresip colours its warnings; the escapes are dropped before the output is matched. */
    private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[;\\d]*m");

    private final String label;
    private final BaresipConfig config;
    private final Path dir;
    private final Process process;
    private final BaresipControl control;

    private Baresip(String label, BaresipConfig config, Path dir, Process process, BaresipControl control) {
        this.label = label;
        this.config = config;
        this.dir = dir;
        this.process = process;
        this.control = control;
    }

    /** Writes the phone's configuration, starts it and connects to its control port. */
    static Baresip start(String label, BaresipConfig config, Path baseDir) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(baseDir.resolve(label));
        Path configDir = Files.createDirectories(dir.resolve("config"));
        Files.writeString(configDir.resolve("config"), config.configFile(), StandardCharsets.US_ASCII);
        Files.writeString(configDir.resolve("accounts"), config.accountsFile(), StandardCharsets.US_ASCII);
        // -4: IPv4 only, like the node; -s: the SIP trace, so the output shows each message sent and received.
        List<String> command = List.of(BINARY.toString(), "-4", "-s", "-f", configDir.toString());
        Files.writeString(dir.resolve("command.txt"), String.join(" ", command) + "\n");
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("baresip.out").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        boolean connected = false;
        try {
            BaresipControl control = BaresipControl.connect(label, config.host(), config.controlPort(),
                    CONTROL_TIMEOUT, process::isAlive);
            connected = true;
            return new Baresip(label, config, dir, process, control);
        } catch (AssertionError e) {
            throw new AssertionError(label + " did not open its control port; its output:\n" + output(dir), e);
        } finally {
            if (!connected) {
                process.destroyForcibly();
            }
        }
    }

    BaresipControl control() {
        return control;
    }

    BaresipConfig config() {
        return config;
    }

    /** Everything the phone printed so far, colour escapes removed. */
    String output() {
        return output(dir);
    }

    private static String output(Path dir) {
        try {
            String raw = Files.readString(dir.resolve("baresip.out"), StandardCharsets.ISO_8859_1);
            return ANSI_ESCAPE.matcher(raw).replaceAll("");
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Waits until the output has a match of {@code pattern}; returns the first. */
    MatchResult awaitOutput(String what, Pattern pattern, Duration timeout) throws InterruptedException {
        return Eventually.await(label + " to print " + what, timeout, () -> {
            Matcher matcher = pattern.matcher(output());
            if (matcher.find()) {
                return Optional.of(matcher.toMatchResult());
            }
            if (!process.isAlive()) {
                throw new AssertionError(label + " exited with " + process.exitValue() + ":\n" + output());
            }
            return Optional.<MatchResult>empty();
        }, Optional::isPresent).orElseThrow();
    }

    /** Waits for the registration's 200 OK, as baresip prints it ({@code <aor>: {0/UDP/v4} 200 OK ...}). */
    void awaitRegistered(Duration timeout) throws InterruptedException {
        awaitOutput(config.aor() + " registered", Pattern.compile("(?m)^" + Pattern.quote(config.aor())
                + ": \\{\\d+/" + config.transport().toUpperCase(java.util.Locale.ROOT) + "/v4} 200 OK"), timeout);
    }

    /** Asks baresip to quit (its {@code quit} command) and returns its exit code, failing past {@code timeout}. */
    int quit(Duration timeout) throws IOException, InterruptedException {
        control.command("quit", "", timeout);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(label + " still running " + timeout.toSeconds() + " s after quit; see " + dir);
        }
        control.close();
        return process.exitValue();
    }

    /** Cleanup: SIGKILL to this phone's PID if it still runs. */
    void destroyForcibly() {
        try {
            control.close();
        } catch (IOException ignored) {
            // the process goes anyway
        }
        process.destroyForcibly();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path dir() {
        return dir;
    }

    @Override
    public String toString() {
        return label + " (pid " + process.pid() + ", " + config.host() + ")";
    }
}
