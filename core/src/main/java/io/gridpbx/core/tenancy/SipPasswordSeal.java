package io.gridpbx.core.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a SIP password retrievable for phone provisioning without storing it in clear: AES-256-GCM
 * (NIST SP 800-38D) under a key every cluster member shares and the database never holds, with a
 * random 96-bit nonce per seal and the credentials' key ({@code authUser@realm}) as associated data,
 * so a sealed value copied onto another user's row does not open. The registrar never needs it: it
 * checks HA1 values. {@link #NONE} seals nothing, for tests and tools that set passwords without a key.
 */
public final class SipPasswordSeal {

    /** Seals nothing: credentials made with it carry no retrievable password. */
    public static final SipPasswordSeal NONE = new SipPasswordSeal();

    private static final String VERSION = "v1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final @Nullable SecretKeySpec key;
    private final @Nullable RandomGenerator random;

    private SipPasswordSeal() {
        this.key = null;
        this.random = null;
    }

    /** @param key 32 bytes shared by every member; {@code random} should be a SecureRandom */
    public SipPasswordSeal(byte[] key, RandomGenerator random) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the SIP password key must be 32 bytes (AES-256)");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.random = random;
    }

    /** The sealed password, {@code v1.<base64 nonce+ciphertext+tag>}; null when this seal has no key. */
    public @Nullable String seal(String password, String credentialsKey) {
        if (key == null || random == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(credentialsKey.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(password.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has AES-GCM", e);
        }
    }

    /** The password, or empty when none was sealed, or it was sealed under another key or for another user. */
    public Optional<String> open(@Nullable String sealed, String credentialsKey) {
        if (key == null || sealed == null || !sealed.startsWith(VERSION)) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            if (in.length < NONCE_BYTES + TAG_BITS / 8) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(credentialsKey.getBytes(StandardCharsets.UTF_8));
            byte[] clear = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return Optional.of(new String(clear, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | GeneralSecurityException tamperedOrOtherKey) {
            return Optional.empty();
        }
    }

    /** Whether this seal has a key (a node always has one; {@link #NONE} has not). */
    public boolean active() {
        return key != null;
    }
}
