package io.gridpbx.core.dialog;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The seal a node puts in its Record-Route: an HMAC under a key every cluster member shares, over the
 * node's own address, the Call-ID and the caller's From tag (the only identifiers known while the
 * INVITE passes). Any member checks it without a grid read, so a request that names a route no
 * member recorded for this call is refused before the dialog is looked up. It is a pre-filter only:
 * it knows neither the callee's tag nor later target refreshes; the dialog in the grid decides.
 */
public final class RouteSeal {

    private static final int SEAL_BYTES = 12;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public RouteSeal(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("the route seal key needs at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The seal of a Record-Route naming {@code hostPort} for the call {@code callId} from {@code callerTag}. */
    public String seal(String hostPort, String callId, String callerTag) {
        return ENCODER.encodeToString(mac(hostPort, callId, callerTag));
    }

    /** Whether {@code seal} is the seal of that route for this call, compared in constant time. */
    public boolean verifies(String seal, String hostPort, String callId, String callerTag) {
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(seal);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(given, mac(hostPort, callId, callerTag));
    }

    private byte[] mac(String hostPort, String callId, String callerTag) {
        Mac mac = macs.get();
        // Lengths first, so that no two different triples feed the HMAC the same bytes.
        mac.update((hostPort.length() + ":" + callId.length() + ":" + callerTag.length() + ":")
                .getBytes(StandardCharsets.UTF_8));
        mac.update(hostPort.getBytes(StandardCharsets.UTF_8));
        mac.update(callId.getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(mac.doFinal(callerTag.getBytes(StandardCharsets.UTF_8)), SEAL_BYTES);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
