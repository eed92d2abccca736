package io.gridpbx.node.metrics;

import io.gridpbx.core.security.EdgeGuard;
import io.gridpbx.sip.SipCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;

/**
 * This node's SIP counters as Prometheus counters. They read the node's {@link SipCounters} when
 * scraped, so the SIP path pays nothing for them; a client domain's counters appear once it has
 * registered or called.
 */
final class SipMeters implements MeterBinder {

    private static final String[] CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx", "6xx"};

    private final SipCounters counters;
    private final EdgeGuard edge;
    private final boolean perTenant;

    SipMeters(SipCounters counters, EdgeGuard edge, boolean perTenant) {
        this.counters = counters;
        this.edge = edge;
        this.perTenant = perTenant;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "gridpbx.sip.requests", "SIP requests received", SipCounters::requests);
        counter(registry, "gridpbx.sip.registrations", "REGISTER requests accepted", SipCounters::registrations);
        counter(registry, "gridpbx.calls.forwarded", "INVITEs forwarded to their targets", SipCounters::callsForwarded);
        counter(registry, "gridpbx.sip.rejections", "requests refused with a final response", SipCounters::rejections);
        counter(registry, "gridpbx.sip.failures", "requests whose handling failed (each one a bug)", SipCounters::failures);
        counter(registry, "gridpbx.sip.in.dialog.refused", "in-dialog requests no dialog of the cluster proved",
                SipCounters::inDialogRefused);
        counter(registry, "gridpbx.sip.malformed.dropped", "messages dropped for their form", SipCounters::malformedDropped);
        counter(registry, "gridpbx.sip.shed", "requests turned away with 503 under overload", SipCounters::shed);
        counter(registry, "gridpbx.sip.stale.dropped", "datagrams dropped after waiting past their retransmission",
                SipCounters::staleDrops);
        counter(registry, "gridpbx.sip.grid.timeouts", "requests answered 503 because the grid was late",
                SipCounters::gridTimeouts);
        for (int i = 0; i < CLASSES.length; i++) {
            int statusClass = i + 1;
            FunctionCounter.builder("gridpbx.sip.responses", counters, c -> c.responses(statusClass))
                    .description("SIP responses sent, this node's own and relayed")
                    .tag("class", CLASSES[i]).register(registry);
        }
        FunctionCounter.builder("gridpbx.edge.bans", edge, EdgeGuard::bansIssued)
                .description("sources banned for floods, guessing or probing").register(registry);
        FunctionCounter.builder("gridpbx.edge.lockouts", edge, EdgeGuard::lockouts)
                .description("source and user pairs locked out for password guessing").register(registry);
        FunctionCounter.builder("gridpbx.edge.dropped", edge, EdgeGuard::dropped)
                .description("requests dropped from banned sources").register(registry);
        if (perTenant) {
            for (String domain : counters.tenants()) {
                bindTenant(registry, domain);
            }
            counters.onNewTenant(domain -> bindTenant(registry, domain));
        }
    }

    private void bindTenant(MeterRegistry registry, String domain) {
        FunctionCounter.builder("gridpbx.tenant.registrations", counters, c -> c.registrations(domain))
                .description("REGISTER requests accepted for the client domain's users")
                .tag("domain", domain).register(registry);
        FunctionCounter.builder("gridpbx.tenant.calls.forwarded", counters, c -> c.callsForwarded(domain))
                .description("calls of the client domain's users forwarded")
                .tag("domain", domain).register(registry);
    }

    private void counter(MeterRegistry registry, String name, String description, ToDoubleFunction<SipCounters> value) {
        FunctionCounter.builder(name, counters, value).description(description).register(registry);
    }
}
