package io.gridpbx.core.location;

import java.util.Locale;

/**
 * Comparison of Contact URIs for binding updates. RFC 3261 section 19.1.4 compares scheme and host
 * case-insensitively and the user part exactly; parameters other than {@code transport} rarely
 * differ between refreshes of one phone, so they are ignored (as Kamailio's usrloc does).
 */
public final class ContactUris {

    private ContactUris() {
    }

    public static String matchKey(String uri) {
        String u = uri.trim();
        int colon = u.indexOf(':');
        if (colon < 0) {
            return u.toLowerCase(Locale.ROOT);
        }
        String scheme = u.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = u.substring(colon + 1);
        // The user part may hold ';' and '?' (user-unreserved, RFC 3261 section 25.1) but never a bare
        // '@', so split it off at the first '@' before looking for parameters and headers.
        int at = rest.indexOf('@');
        String user = rest.substring(0, at + 1);
        rest = rest.substring(at + 1);
        int headers = rest.indexOf('?');
        if (headers >= 0) {
            rest = rest.substring(0, headers);
        }
        String params = "";
        int semi = rest.indexOf(';');
        if (semi >= 0) {
            params = rest.substring(semi + 1).toLowerCase(Locale.ROOT);
            rest = rest.substring(0, semi);
        }
        String hostPort = rest.toLowerCase(Locale.ROOT);
        String transport = "";
        for (String p : params.split(";")) {
            if (p.startsWith("transport=")) {
                transport = ";" + p;
            }
        }
        return scheme + ":" + user + hostPort + transport;
    }
}
