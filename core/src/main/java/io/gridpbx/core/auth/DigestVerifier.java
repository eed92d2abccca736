package io.gridpbx.core.auth;

import io.gridpbx.core.digest.DigestAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Computes and checks the {@code response} value of RFC 7616 section 3.4.1 from a stored HA1. */
public final class DigestVerifier {

    private DigestVerifier() {
    }

    public static String expectedResponse(DigestAlgorithm algorithm, String ha1, String method, DigestResponse r) {
        String ha2 = algorithm.hash(method + ":" + r.uri());
        if (r.qop() == null) {
            // RFC 2069 compatibility, still used by some SIP phones.
            return algorithm.hash(ha1 + ":" + r.nonce() + ":" + ha2);
        }
        return algorithm.hash(ha1 + ":" + r.nonce() + ":" + r.nc() + ":" + r.cnonce() + ":" + r.qop() + ":" + ha2);
    }

    /** Whether the response matches, compared in constant time so its timing leaks nothing. */
    public static boolean matches(DigestAlgorithm algorithm, String ha1, String method, DigestResponse r) {
        if (r.qop() != null && (!"auth".equalsIgnoreCase(r.qop()) || r.nc() == null || r.cnonce() == null)) {
            return false;
        }
        byte[] expected = expectedResponse(algorithm, ha1, method, r).getBytes(StandardCharsets.US_ASCII);
        byte[] given = r.response().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
