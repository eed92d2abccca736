package io.gridpbx.sip;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Request, response and rejection counters of one node, cheap enough for the hot path: each is a
 * {@link LongAdder}, and a client domain's own counters cost one map look-up.
 */
public final class SipCounters {

    /** Most client domains counted apart; past it, further domains are counted in the totals only. */
    static final int MAX_TENANTS = 10_000;

    private final LongAdder requests = new LongAdder();
    private final LongAdder registrations = new LongAdder();
    private final LongAdder callsForwarded = new LongAdder();
    private final LongAdder rejections = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder inDialogRefused = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final LongAdder shed = new LongAdder();
    private final LongAdder retransmissionsAbsorbed = new LongAdder();
    private volatile java.util.function.DoubleSupplier admittedShare = () -> 1.0;
    private final LongAdder staleDrops = new LongAdder();
    private final LongAdder gridTimeouts = new LongAdder();
    private final LongAdder notifies = new LongAdder();
    private final LongAdder notifiesDelivered = new LongAdder();
    private final LongAdder[] responsesByClass = {new LongAdder(), new LongAdder(), new LongAdder(),
            new LongAdder(), new LongAdder(), new LongAdder()};
    private final Map<String, TenantCounters> tenants = new ConcurrentHashMap<>();
    private volatile Consumer<String> newTenantListener = domain -> { };

    public void request() {
        requests.increment();
    }

    /** A NOTIFY of the presence server sent from this node. */
    public void notifySent() {
        notifies.increment();
    }

    /** One of them answered 2xx by its watcher. */
    public void notifyDelivered() {
        notifiesDelivered.increment();
    }

    public long notifies() {
        return notifies.sum();
    }

    public long notifiesDelivered() {
        return notifiesDelivered.sum();
    }

    /** A REGISTER accepted for a user of {@code domain}. */
    public void registration(String domain) {
        registrations.increment();
        TenantCounters tenant = tenant(domain);
        if (tenant != null) {
            tenant.registrations.increment();
        }
    }

    /** An INVITE of a caller of {@code domain} forwarded to its targets. */
    public void callForwarded(String domain) {
        callsForwarded.increment();
        TenantCounters tenant = tenant(domain);
        if (tenant != null) {
            tenant.callsForwarded.increment();
        }
    }

    /** A response this node sent: its own answer or one it relayed upstream. */
    public void response(int status) {
        int index = status / 100 - 1;
        if (index >= 0 && index < responsesByClass.length) {
            responsesByClass[index].increment();
        }
    }

    /** Responses sent of one class: 1 for 1xx ... 6 for 6xx. */
    public long responses(int statusClass) {
        return statusClass < 1 || statusClass > responsesByClass.length ? 0 : responsesByClass[statusClass - 1].sum();
    }

    /** The client domains counted apart so far. */
    public java.util.Set<String> tenants() {
        return java.util.Collections.unmodifiableSet(tenants.keySet());
    }

    public long registrations(String domain) {
        TenantCounters tenant = tenants.get(domain);
        return tenant == null ? 0 : tenant.registrations.sum();
    }

    public long callsForwarded(String domain) {
        TenantCounters tenant = tenants.get(domain);
        return tenant == null ? 0 : tenant.callsForwarded.sum();
    }

    /**
     * Told the first time a client domain is counted (on the SIP thread that counts it: keep it short),
     * so that metrics can publish the domain's counters from then on.
     */
    public void onNewTenant(Consumer<String> listener) {
        this.newTenantListener = listener;
    }

    private @org.jspecify.annotations.Nullable TenantCounters tenant(String domain) {
        TenantCounters tenant = tenants.get(domain);
        if (tenant != null || tenants.size() >= MAX_TENANTS) {
            return tenant;
        }
        TenantCounters created = new TenantCounters();
        tenant = tenants.putIfAbsent(domain, created);
        if (tenant == null) {
            newTenantListener.accept(domain);
            return created;
        }
        return tenant;
    }

    private static final class TenantCounters {
        private final LongAdder registrations = new LongAdder();
        private final LongAdder callsForwarded = new LongAdder();
    }

    public void rejection() {
        rejections.increment();
    }

    public void failure() {
        failures.increment();
    }

    /** An in-dialog request (or ACK) that no dialog of this cluster proved: refused or absorbed. */
    public void inDialogRefusal() {
        inDialogRefused.increment();
    }

    public long inDialogRefused() {
        return inDialogRefused.sum();
    }

    /** A message dropped unanswered for its form: a datagram too large to read whole, a malformed response. */
    public void malformed() {
        malformed.increment();
    }

    /** A request turned away with 503 because the node is overloaded. */
    public void requestShed() {
        shed.increment();
    }

    /** Where the share of new requests the node lets in is read (its admission throttle). */
    public void admittedShareFrom(java.util.function.DoubleSupplier share) {
        admittedShare = share;
    }

    /** The share of new requests the node lets in now: 1 unless it is overloaded. */
    public double admittedShare() {
        return admittedShare.getAsDouble();
    }

    /**
     * A datagram dropped unparsed: a request that waited in the receive queue past the point where
     * it was retransmitted, or any datagram that found the queue full.
     */
    public void staleDrop() {
        staleDrops.increment();
    }

    /** A retransmission dropped because the request it repeats was still being decided. */
    public void retransmissionAbsorbed() {
        retransmissionsAbsorbed.increment();
    }

    /** A request answered 503 because the grid did not answer within its deadline. */
    public void gridTimeout() {
        gridTimeouts.increment();
    }

    public long requests() {
        return requests.sum();
    }

    public long registrations() {
        return registrations.sum();
    }

    public long callsForwarded() {
        return callsForwarded.sum();
    }

    public long rejections() {
        return rejections.sum();
    }

    /** Messages dropped unanswered because of their form. */
    public long malformedDropped() {
        return malformed.sum();
    }

    /** Requests whose handling threw: each is a bug to fix. */
    public long failures() {
        return failures.sum();
    }

    public long shed() {
        return shed.sum();
    }

    public long staleDrops() {
        return staleDrops.sum();
    }

    public long retransmissionsAbsorbed() {
        return retransmissionsAbsorbed.sum();
    }

    public long gridTimeouts() {
        return gridTimeouts.sum();
    }
}
