package io.gridpbx.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's own TLS certificate when the operator gives none: a self-signed RSA 2048 / SHA-256
 * certificate for the advertised host, valid ten years, made once in the data directory and used
 * again at every later start, so that phones that pinned it keep trusting it.
 *
 * <p>Made by the JDK's {@code keytool}, run as a process: the JDK has no public API that signs a
 * certificate, and the alternative, Bouncy Castle's bcpkix, would be a new dependency for a single
 * call at first start; {@code keytool} ships with every JDK the launcher accepts. The keystore is
 * PKCS#12 with a random password kept beside it, both readable by the node's user only.
 */
public final class SelfSignedKeyStore {

    private static final Logger LOG = LoggerFactory.getLogger(SelfSignedKeyStore.class);
    static final String KEYSTORE = "sip-tls.p12";
    static final String PASSWORD = "sip-tls.password";
    private static final Duration KEYTOOL_DEADLINE = Duration.ofSeconds(60);

    private SelfSignedKeyStore() {
    }

    /** The keystore in {@code dir}, made now if absent, for TLS on {@code port}. */
    public static SipTls ensure(Path dir, String host, int port, RandomGenerator random) {
        Path keyStore = dir.resolve(KEYSTORE);
        Path passwordFile = dir.resolve(PASSWORD);
        try {
            if (Files.isRegularFile(keyStore) && Files.isRegularFile(passwordFile)) {
                return new SipTls(port, keyStore, Files.readString(passwordFile, StandardCharsets.UTF_8).strip(), "PKCS12");
            }
            Files.createDirectories(dir);
            byte[] secret = new byte[18];
            random.nextBytes(secret);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            Path partial = dir.resolve(KEYSTORE + ".partial");
            Files.deleteIfExists(partial);
            runKeytool(partial, password, host);
            writeOwnerOnly(passwordFile, password);
            ownerOnly(partial);
            try {
                Files.move(partial, keyStore, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, keyStore, StandardCopyOption.REPLACE_EXISTING);
            }
            LOG.info("SIP TLS: made a self-signed certificate for {} in {} (give gridpbx.sip.tls-keystore for your own)",
                    host, keyStore.toAbsolutePath());
            return new SipTls(port, keyStore, password, "PKCS12");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the SIP TLS keystore in " + dir.toAbsolutePath(), e);
        }
    }

    private static void runKeytool(Path keyStore, String password, String host) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        boolean address = host.matches("[0-9.]+") || host.contains(":");
        List<String> command = List.of(keytool.toString(), "-genkeypair", "-noprompt",
                "-alias", "gridpbx-sip", "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
                "-validity", "3650", "-dname", "CN=" + host.replace(",", "\\,"),
                "-ext", "SAN=" + (address ? "ip:" : "dns:") + host,
                "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                "-storepass", password, "-keypass", password);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try {
            boolean done = process.waitFor(KEYTOOL_DEADLINE.toSeconds(), TimeUnit.SECONDS);
            output = new String(process.getInputStream().readNBytes(4096), StandardCharsets.UTF_8).strip();
            if (!done) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish within " + KEYTOOL_DEADLINE.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while keytool ran", e);
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(keyStore)) {
            throw new IOException("keytool failed (exit " + process.exitValue() + "): " + output);
        }
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
        ownerOnly(file);
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: the data directory's own protection applies
        }
    }
}
