package io.gridpbx.core.trunking;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where calls to numbers matching {@link #pattern} go: the listed gateways, tried in order, or, when
 * the route has {@link #weights}, in an order drawn for each call (see {@link OutboundPlanner}). A
 * reseller's routes take precedence over the platform's for its clients; among the routes of an
 * owner, the best match ({@link #specificity()}) comes first, then the lowest priority value.
 *
 * @param ownerRealm the platform domain or a reseller's realm
 * @param pattern    a regular expression the whole dialled number (E.164 digits, optional +) must match
 * @param weights    empty for ordered failover; else one weight per gateway, {@value #MIN_WEIGHT} to
 *                   {@value #MAX_WEIGHT}, the share of first attempts each gateway gets
 */
public record OutboundRoute(String id, String ownerRealm, String name, String pattern, int priority,
        List<String> gatewayIds, List<Integer> weights) {

    public static final int MIN_WEIGHT = 1;
    public static final int MAX_WEIGHT = 1000;

    /** Compiled patterns by their text: a route is matched on every call, its pattern compiled once. */
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();
    private static final int MAX_COMPILED = 10_000;
    /** What a pattern may start with before its first fixed digit: an optional plus or an international prefix. */
    private static final Pattern LEADING_PLUS = Pattern.compile("^\\^?(\\\\\\+\\??|\\(\\\\\\+\\|0[0-9]{1,3}\\)\\??)?");

    public OutboundRoute {
        gatewayIds = List.copyOf(gatewayIds);
        weights = List.copyOf(weights);
        Pattern.compile(pattern);
        if (!weights.isEmpty() && weights.size() != gatewayIds.size()) {
            throw new IllegalArgumentException(weights.size() + " weights for " + gatewayIds.size() + " gateways");
        }
        for (int weight : weights) {
            if (weight < MIN_WEIGHT || weight > MAX_WEIGHT) {
                throw new IllegalArgumentException("weight " + weight + " outside " + MIN_WEIGHT + "-" + MAX_WEIGHT);
            }
        }
    }

    /** A route whose gateways are tried in the order listed. */
    public OutboundRoute(String id, String ownerRealm, String name, String pattern, int priority,
            List<String> gatewayIds) {
        this(id, ownerRealm, name, pattern, priority, gatewayIds, List.of());
    }

    /** Whether calls are shared among the gateways by weight rather than tried in the order listed. */
    public boolean weighted() {
        return !weights.isEmpty();
    }

    /** Whether the number matches, written with its plus ({@code +15145550100}) or without. */
    public boolean matchesE164(String e164) {
        Pattern compiled = compiled();
        return compiled.matcher("+" + e164).matches() || compiled.matcher(e164).matches();
    }

    public boolean matches(String dialled) {
        return compiled().matcher(dialled).matches();
    }

    /**
     * How precisely the route names its numbers: the count of fixed digits its pattern starts with,
     * after an optional plus or international prefix ({@code \+?1514[0-9]{7}} is 4, {@code (\+|011)44[0-9]+}
     * is 2). A route for 1514 beats one for 1.
     */
    public int specificity() {
        Matcher lead = LEADING_PLUS.matcher(pattern);
        int i = lead.lookingAt() ? lead.end() : 0;
        int digits = 0;
        while (i < pattern.length() && Character.isDigit(pattern.charAt(i))) {
            i++;
            digits++;
        }
        // A digit under a quantifier (1? or 1*) is not fixed.
        if (i < pattern.length() && digits > 0 && "?*{".indexOf(pattern.charAt(i)) >= 0) {
            digits--;
        }
        return digits;
    }

    private Pattern compiled() {
        Pattern cached = COMPILED.get(pattern);
        if (cached == null) {
            if (COMPILED.size() >= MAX_COMPILED) {
                COMPILED.clear();
            }
            cached = Pattern.compile(pattern);
            COMPILED.put(pattern, cached);
        }
        return cached;
    }
}
