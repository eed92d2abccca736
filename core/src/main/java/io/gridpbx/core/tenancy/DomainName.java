package io.gridpbx.core.tenancy;

import java.util.Locale;

/**
 * Rules for the nested realms of the hierarchy: {@code client.reseller.platform-domain}.
 *
 * <p>Names are compared case-insensitively (RFC 3261 section 19.1.4 compares hosts that way), so
 * they are kept in lower case.
 */
public final class DomainName {

    private DomainName() {
    }

    /**
     * Lower-cases a domain and checks that it is a syntactically valid host name. One pass, and no
     * copy when the name is already trimmed and in lower case: it runs for every SIP request.
     */
    public static String normalize(String domain) {
        String lower = domain.trim().toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.length() > 253) {
            throw new IllegalArgumentException("domain must have 1 to 253 characters: '" + domain + "'");
        }
        int start = 0;
        for (int i = 0; i <= lower.length(); i++) {
            if (i == lower.length() || lower.charAt(i) == '.') {
                if (!isLabel(lower, start, i)) {
                    throw new IllegalArgumentException("invalid domain label '" + lower.substring(start, i) + "' in '" + domain + "'");
                }
                start = i + 1;
            }
        }
        return lower;
    }

    /** RFC 1035 section 2.3.1: 1 to 63 letters, digits and inner hyphens (in lower case here). */
    private static boolean isLabel(String name, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 63 || name.charAt(from) == '-' || name.charAt(to - 1) == '-') {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code child} is exactly one label below {@code parent}, e.g. office.demo.gridpbx.test under demo.gridpbx.test. */
    public static boolean isDirectChild(String child, String parent) {
        String suffix = "." + parent;
        return child.endsWith(suffix) && child.indexOf('.') == child.length() - suffix.length();
    }

    /** True when {@code domain} is {@code ancestor} itself or any number of labels below it. */
    public static boolean isWithin(String domain, String ancestor) {
        return domain.equals(ancestor) || domain.endsWith("." + ancestor);
    }

    /** The domain one label up: demo.gridpbx.test for office.demo.gridpbx.test; the domain itself at the top. */
    public static String parent(String domain) {
        int dot = domain.indexOf('.');
        return dot < 0 ? domain : domain.substring(dot + 1);
    }
}
