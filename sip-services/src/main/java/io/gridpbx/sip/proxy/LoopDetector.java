package io.gridpbx.sip.proxy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Loop detection by branch, RFC 3261 sections 16.3 step 4 and 16.6 step 8: the branch this proxy
 * puts in its Via starts with a hash of the fields that identify the request (not its Vias). If a
 * request arrives carrying one of our Vias with the hash we would compute now, it is the same
 * request coming back unchanged: a loop (482). A request whose Request-URI changed is a spiral and
 * passes.
 */
public final class LoopDetector {

    /** RFC 3261 section 8.1.1.7: every branch starts with this cookie. */
    public static final String MAGIC_COOKIE = "z9hG4bK";

    private LoopDetector() {
    }

    /** The loop hash of a request, 8 hex characters. */
    public static String hash(String requestUri, String fromTag, String toTag, String callId, long cseq,
            List<String> routes) {
        CRC32C crc = new CRC32C();
        for (String part : List.of(requestUri, fromTag, toTag, callId, Long.toString(cseq))) {
            crc.update(part.getBytes(StandardCharsets.UTF_8));
            crc.update(0);
        }
        for (String route : routes) {
            crc.update(route.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }

    /** The branch for a request forwarded by this proxy: cookie, loop hash, then a unique part. */
    public static String branch(String loopHash, String unique) {
        return MAGIC_COOKIE + loopHash + "." + unique;
    }

    /** Whether a branch found in one of our own Vias carries this loop hash. */
    public static boolean isLoop(String ourViaBranch, String loopHash) {
        return ourViaBranch.startsWith(MAGIC_COOKIE + loopHash + ".");
    }
}
