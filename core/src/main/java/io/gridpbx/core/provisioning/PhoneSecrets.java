package io.gridpbx.core.provisioning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * A phone's own provisioning secret: 24 random bytes shown once to the admin who assigns the phone,
 * kept only as its SHA-256 (like API tokens: a random secret of that length needs no slow hash).
 */
public final class PhoneSecrets {

    private final RandomGenerator random;

    /** @param random a SecureRandom in production */
    public PhoneSecrets(RandomGenerator random) {
        this.random = random;
    }

    /** A new secret, URL-safe Base64 of 24 random bytes (32 characters). */
    public String newSecret() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** Whether {@code given} is the secret whose hash is {@code hash}, compared in constant time. */
    public static boolean matches(String given, String hash) {
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(hash);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(sha256(given), expected);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
