package io.gridpbx.node.provisioning;

import io.gridpbx.node.grid.ClusterFacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the key that seals SIP passwords comes from. The operator's {@code gridpbx.provisioning.password-key}
 * first: kept with the node's settings, never in the database, so a database dump holds no usable
 * password. Without it (a demo, a first try), the first member makes one and the grid shares it, and
 * each member keeps the agreed key in {@code data-dir/provisioning/password.key}, so a full restart
 * opens what was sealed before; next to an embedded database that protects less, hence the warning.
 */
final class PasswordKey {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordKey.class);
    static final int BYTES = 32;

    private PasswordKey() {
    }

    static byte[] resolve(@Nullable String configured, Path dataDir, ClusterFacts facts, RandomGenerator random) {
        if (configured != null && !configured.isBlank()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(configured.strip());
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalStateException("gridpbx.provisioning.password-key must be Base64 of 32 bytes");
            }
            if (key.length != BYTES) {
                throw new IllegalStateException("gridpbx.provisioning.password-key must be Base64 of 32 bytes, not "
                        + key.length);
            }
            return key;
        }
        Path file = dataDir.resolve("provisioning").resolve("password.key");
        byte[] offered = read(file);
        if (offered == null) {
            offered = new byte[BYTES];
            random.nextBytes(offered);
        }
        byte[] agreed = facts.passwordKey(offered);
        if (!Arrays.equals(agreed, read(file))) {
            write(file, agreed);
        }
        LOG.warn("gridpbx.provisioning.password-key is unset: SIP passwords for phone provisioning are sealed under "
                + "a key kept in {}; set the same key on every node in production", file);
        return agreed;
    }

    private static byte @Nullable [] read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
            return key.length == BYTES ? key : null;
        } catch (IOException | IllegalArgumentException unreadable) {
            LOG.warn("ignoring unreadable password key file {}", file);
            return null;
        }
    }

    private static void write(Path file, byte[] key) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling("password.key.tmp");
            Files.writeString(temp, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data directory's own permissions apply.
            }
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the password key in " + file, e);
        }
    }
}
