package io.gridpbx.node.alerts;

import io.gridpbx.core.alerts.AlertKind;
import io.gridpbx.core.alerts.AlertSignal;
import io.gridpbx.core.alerts.Condition;
import io.gridpbx.core.alerts.InternationalCallsRule;
import io.gridpbx.core.dialog.CdrStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * International calls per client in the last hour, counted by the members over the CDRs they own
 * (an aggregation: one number per client crosses the network, not the hour's CDRs). It still reads
 * every CDR of the hour, so it runs once a minute; in between the last answer stands.
 */
final class InternationalCallsSignal implements AlertSignal {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration EVERY = Duration.ofMinutes(1);

    private final CdrStore cdrs;
    private final InternationalCallsRule rule;
    private final Clock clock;
    private List<Condition> last = List.of();
    private long nextMillis = Long.MIN_VALUE;

    InternationalCallsSignal(CdrStore cdrs, InternationalCallsRule rule, Clock clock) {
        this.cdrs = cdrs;
        this.rule = rule;
        this.clock = clock;
    }

    @Override
    public Set<AlertKind> kinds() {
        return Set.of(AlertKind.INTERNATIONAL_CALLS);
    }

    @Override
    public List<Condition> conditions() {
        long now = clock.millis();
        if (rule.enabled() && now >= nextMillis) {
            last = rule.conditions(cdrs.dialledWithPrefixPerClient(rule.prefixes(), now - HOUR.toMillis(), now + 1));
            nextMillis = now + EVERY.toMillis();
        }
        return last;
    }
}
