package io.gridpbx.core.tenancy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rules for the nested realms of the hierarchy: {@code client.reseller.platform-domain}.
 *
 * <p>Names are compared case-insensitively (RFC 3261 section 19.1.4 compares hosts that way), so
 * they are kept in lower case.
 */
public final class DomainName {

    // RFC 1035 section 2.3.1 labels: letters, digits and inner hyphens, at most 63 characters.
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private DomainName() {
    }

    /** Lower-cases a domain and checks that it is a syntactically valid host name. */
    public static String normalize(String domain) {
        String lower = domain.trim().toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.length() > 253) {
            throw new IllegalArgumentException("domain must have 1 to 253 characters: '" + domain + "'");
        }
        for (String label : lower.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("invalid domain label '" + label + "' in '" + domain + "'");
            }
        }
        return lower;
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
