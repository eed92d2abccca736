package io.gridpbx.core.auth;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless digest nonces that any node verifies without a lookup: a nonce carries its issue time
 * and a random part, sealed by an HMAC over a secret that every node of the cluster shares. An
 * expired nonce with a valid seal is "stale" (RFC 7616 section 3.3): the phone retries at once
 * with a fresh nonce instead of asking its user for a password.
 */
public final class NonceService {

    private static final int TIME_BYTES = 8;
    private static final int RANDOM_BYTES = 8;
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a nonce proved to be. */
    public enum Verdict { VALID, STALE, INVALID }

    private final SecretKeySpec key;
    /** An initialised Mac per thread: Mac.getInstance and init cost more than the HMAC itself. */
    private final ThreadLocal<Mac> macs;
    private final Clock clock;
    private final RandomGenerator random;
    private final long lifetimeMillis;

    public NonceService(byte[] secret, Clock clock, RandomGenerator random, Duration lifetime) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the nonce secret needs at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
        this.clock = clock;
        this.random = random;
        this.lifetimeMillis = lifetime.toMillis();
    }

    /** A fresh nonce bound to the realm it is issued for. */
    public String issue(String realm) {
        ByteBuffer body = ByteBuffer.allocate(TIME_BYTES + RANDOM_BYTES + MAC_BYTES);
        body.putLong(clock.millis());
        body.putLong(random.nextLong());
        body.put(seal(body.array(), TIME_BYTES + RANDOM_BYTES, realm));
        return ENCODER.encodeToString(body.array());
    }

    /**
     * A key for another purpose, derived from the cluster secret (HMAC of the purpose's name), so that
     * every member derives the same key and no purpose can forge another's seals.
     */
    public byte[] derivedKey(String purpose) {
        Mac mac = macs.get();
        return mac.doFinal(("gridpbx derived key: " + purpose).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** How long a nonce stays valid after it was issued. */
    public Duration lifetime() {
        return Duration.ofMillis(lifetimeMillis);
    }

    /**
     * When a nonce was issued, by its own clock field; only meaningful for a nonce {@link #verify}
     * accepted (the field is under the HMAC). {@link Long#MIN_VALUE} for anything unreadable.
     */
    public long issuedAtMillis(String nonce) {
        try {
            byte[] raw = DECODER.decode(nonce);
            return raw.length < TIME_BYTES ? Long.MIN_VALUE : ByteBuffer.wrap(raw).getLong();
        } catch (IllegalArgumentException notBase64) {
            return Long.MIN_VALUE;
        }
    }

    public Verdict verify(String nonce, String realm) {
        byte[] raw;
        try {
            raw = DECODER.decode(nonce);
        } catch (IllegalArgumentException notBase64) {
            return Verdict.INVALID;
        }
        if (raw.length != TIME_BYTES + RANDOM_BYTES + MAC_BYTES) {
            return Verdict.INVALID;
        }
        byte[] given = Arrays.copyOfRange(raw, TIME_BYTES + RANDOM_BYTES, raw.length);
        if (!MessageDigest.isEqual(given, seal(raw, TIME_BYTES + RANDOM_BYTES, realm))) {
            return Verdict.INVALID;
        }
        long issuedAt = ByteBuffer.wrap(raw).getLong();
        long age = clock.millis() - issuedAt;
        // A nonce from the future (clock skew between nodes beyond a few seconds) is treated as stale too.
        return age >= -5_000 && age <= lifetimeMillis ? Verdict.VALID : Verdict.STALE;
    }

    private byte[] seal(byte[] data, int length, String realm) {
        Mac mac = macs.get();
        mac.update(data, 0, length);
        mac.update(realm.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Arrays.copyOf(mac.doFinal(), MAC_BYTES); // doFinal resets the Mac for the next use
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
