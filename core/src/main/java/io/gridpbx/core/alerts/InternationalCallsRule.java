package io.gridpbx.core.alerts;

import io.gridpbx.core.dialog.Cdr;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fraud signal that call records support today: a client whose calls to international numbers
 * (a callee dialled with one of the international prefixes, {@code +} or {@code 00}) in the last
 * hour are more than allowed, the classic pattern of a hijacked account pumping premium destinations.
 * Spend per hour needs rated CDRs, which come with billing.
 */
public final class InternationalCallsRule {

    private final int perHour;
    private final List<String> prefixes;

    /** @param perHour calls per client per hour above which it is raised; 0 turns the rule off */
    public InternationalCallsRule(int perHour, List<String> prefixes) {
        this.perHour = perHour;
        this.prefixes = List.copyOf(prefixes);
    }

    public boolean enabled() {
        return perHour > 0;
    }

    /** The international prefixes, as a CDR store counts them ({@link io.gridpbx.core.dialog.CdrStore}). */
    public List<String> prefixes() {
        return prefixes;
    }

    public boolean isInternational(Cdr cdr) {
        return dialsWithPrefix(cdr.callee().user(), prefixes);
    }

    /** Whether a dialled user part is one of the prefixes followed by a number (a bare "+" is not). */
    public static boolean dialsWithPrefix(String dialled, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (!prefix.isEmpty() && dialled.startsWith(prefix) && dialled.length() > prefix.length()) {
                return true;
            }
        }
        return false;
    }

    /** The clients over the limit, given the CDRs of the last hour. */
    public List<Condition> conditions(Collection<Cdr> lastHour) {
        Map<String, Long> perClient = new TreeMap<>();
        lastHour.stream().filter(this::isInternational).forEach(cdr -> perClient.merge(cdr.clientDomain(), 1L, Long::sum));
        return conditions(perClient);
    }

    /** The clients over the limit, given each client's international calls in the last hour. */
    public List<Condition> conditions(Map<String, Long> perClient) {
        if (!enabled()) {
            return List.of();
        }
        return new TreeMap<>(perClient).entrySet().stream().filter(e -> e.getValue() > perHour)
                .map(e -> new Condition(AlertKind.INTERNATIONAL_CALLS, e.getKey(), e.getValue()
                        + " international calls in the last hour (threshold " + perHour + ")", e.getValue()))
                .toList();
    }
}
