package io.gridpbx.node.alerts;

import io.gridpbx.core.alerts.Alert;
import io.gridpbx.core.alerts.AlertKind;
import io.gridpbx.core.alerts.AlertSignal;
import io.gridpbx.core.alerts.Condition;
import io.gridpbx.core.alerts.RegistrationDropRule;
import io.gridpbx.core.location.BindingStore;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** The registration drop, from the cluster-wide count of registered addresses. */
final class RegistrationDropSignal implements AlertSignal {

    private final BindingStore bindings;
    private final RegistrationDropRule rule;
    private final Clock clock;

    RegistrationDropSignal(BindingStore bindings, RegistrationDropRule rule, Clock clock) {
        this.bindings = bindings;
        this.rule = rule;
        this.clock = clock;
    }

    @Override
    public Set<AlertKind> kinds() {
        return Set.of(AlertKind.REGISTRATION_DROP);
    }

    @Override
    public List<Condition> conditions() {
        return rule.observe(clock.instant(), bindings.addressCount()).stream().toList();
    }

    @Override
    public void resume(List<Alert> active) {
        active.stream().filter(alert -> alert.kind() == AlertKind.REGISTRATION_DROP).findFirst()
                .ifPresent(alert -> rule.resume(alert.figure()));
    }
}
