package io.gridpbx.core.media.sdp;

/** The lexical rules of RFC 8866 section 9 that the typed lines share. */
final class SdpTokens {

    private SdpTokens() {
    }

    /** A non-empty run of visible ASCII: what a field between single spaces may hold. */
    static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** One to {@code maxDigits} ASCII digits. */
    static boolean isNumber(String text, int maxDigits) {
        if (text.isEmpty() || text.length() > maxDigits) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code IP6} for an IPv6 literal, {@code IP4} otherwise (RFC 8866 section 5.7). */
    static String addressType(String ipLiteral) {
        return ipLiteral.indexOf(':') >= 0 ? "IP6" : "IP4";
    }
}
