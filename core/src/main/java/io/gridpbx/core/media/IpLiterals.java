package io.gridpbx.core.media;

import java.net.InetAddress;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** IP address literals as they appear in packets, Contact URIs and SDP; a host name is never looked up. */
final class IpLiterals {

    private IpLiterals() {
    }

    /**
     * The address's bytes (4 for IPv4, including an IPv4-mapped IPv6 literal, 16 for IPv6), or
     * {@code null} when the text is not a literal: a name, a shortened IPv4 form such as {@code 10.1},
     * an out-of-range octet. A bracketed IPv6 literal, as a URI writes it (RFC 3261 section 25.1), is accepted.
     */
    static byte @Nullable [] bytes(String text) {
        String literal = text.length() > 2 && text.startsWith("[") && text.endsWith("]")
                ? text.substring(1, text.length() - 1) : text;
        // ofLiteral reads "10" or "1.2.3" as IPv4 too: only a dotted quad or a form with a colon is a literal here.
        if (!literal.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") && !literal.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            return null;
        }
        try {
            return InetAddress.ofLiteral(literal).getAddress();
        } catch (IllegalArgumentException notALiteral) {
            return null;
        }
    }

    static boolean isLiteral(String text) {
        return bytes(text) != null;
    }

    /** Whether two literals name the same address, whatever their spelling ({@code ::1} and {@code 0:0::1}). */
    static boolean same(String one, String other) {
        byte[] a = bytes(one);
        byte[] b = bytes(other);
        return a != null && b != null && Arrays.equals(a, b);
    }
}
