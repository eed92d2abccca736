package io.gridpbx.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * BIND's {@code dig} (Debian package bind9-dnsutils) asking one server, the way an operator checks
 * a zone: the answer's records as {@code dig +short} prints them, or its status line.
 */
final class Dig {

    static final Path BINARY = Path.of("/usr/bin/dig");

    private final String server;
    private final int port;

    Dig(String server, int port) {
        this.server = server;
        this.port = port;
    }

    /** The answer's data, one record a line, sorted (e.g. {@code 10 50 "s" "SIP+D2U" "" _sip._udp.example.}). */
    List<String> shortAnswer(String type, String name, String... options) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("+short"));
        args.addAll(Arrays.asList(options));
        return run(type, name, args).stream().filter(line -> !line.isBlank()).sorted().toList();
    }

    /** The response code: NOERROR, NXDOMAIN, REFUSED... */
    String status(String type, String name) throws IOException, InterruptedException {
        return run(type, name, List.of("+noall", "+comments")).stream().filter(line -> line.contains("status: "))
                .map(line -> line.replaceAll(".*status: ([A-Z]+).*", "$1")).findFirst()
                .orElseThrow(() -> new AssertionError("dig printed no status for " + type + " " + name));
    }

    private List<String> run(String type, String name, List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "@" + server, "-p", Integer.toString(port),
                "+time=2", "+tries=2"));
        command.addAll(options);
        command.addAll(List.of(type, name));
        Process dig = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = dig.getInputStream().readAllBytes();
        if (!dig.waitFor(15, TimeUnit.SECONDS) || dig.exitValue() != 0) {
            dig.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8).lines().toList();
    }

    static void requireInstalled() {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError("dig is needed (Debian package bind9-dnsutils)");
        }
    }
}
