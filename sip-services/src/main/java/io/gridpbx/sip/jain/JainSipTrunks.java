package io.gridpbx.sip.jain;

import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.OutboundPlan;
import io.gridpbx.core.trunking.TrunkAttempt;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;

/**
 * What a call to the PSTN needs besides proxying: the gateways' Request-URIs with each carrier's
 * number format, the caller's presented number, and the timer that gives up on a silent gateway.
 */
final class JainSipTrunks implements AutoCloseable {

    static final String ASSERTED_IDENTITY = "P-Asserted-Identity";

    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final String advertisedHost;
    private final ScheduledThreadPoolExecutor timers;
    private final io.gridpbx.sip.TrunkTimers limits;

    JainSipTrunks(AddressFactory addresses, HeaderFactory headers, String advertisedHost, io.gridpbx.sip.TrunkTimers limits) {
        this.limits = limits;
        this.addresses = addresses;
        this.headers = headers;
        this.advertisedHost = advertisedHost;
        this.timers = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "sip-trunk-timers");
            thread.setDaemon(true);
            return thread;
        });
        timers.setRemoveOnCancelPolicy(true);
    }

    /** The Request-URI of each attempt: the number as its carrier takes it, at the gateway, over its transport. */
    List<URI> targets(OutboundPlan.Attempts plan) throws ParseException {
        List<URI> targets = new ArrayList<>(plan.attempts().size());
        for (TrunkAttempt attempt : plan.attempts()) {
            Gateway gateway = attempt.gateway();
            // RFC 4694: a ported number's routing number travels in the user part, with npdi saying the dip was done.
            String user = attempt.routingNumber() == null ? attempt.number()
                    : attempt.number() + ";npdi;rn=" + attempt.routingNumber();
            SipURI uri = addresses.createSipURI(user, gateway.host());
            uri.setPort(gateway.port());
            if (gateway.transport() != Gateway.Transport.UDP) {
                uri.setTransportParam(gateway.transport().name().toLowerCase(java.util.Locale.ROOT));
            }
            uri.setUserParam("phone");
            targets.add(uri);
        }
        return targets;
    }

    /**
     * The caller's identity towards the carriers (RFC 3325, which trusts them): the phone's own
     * asserted or preferred identities are removed, never passed on, and the client's DID is asserted.
     * A caller's {@code Privacy: id} goes on as it came, for the carrier to withhold the number.
     */
    void presentIdentity(Request request, OutboundPlan.Attempts plan) throws ParseException {
        request.removeHeader(ASSERTED_IDENTITY);
        request.removeHeader("P-Preferred-Identity");
        request.removeHeader("Remote-Party-ID");
        if (plan.presentedNumber() != null) {
            request.addHeader(headers.createHeader(ASSERTED_IDENTITY, "<" + numberUri(plan.presentedNumber()) + ">"));
        }
    }

    /** One of our numbers as a carrier reads it: {@code sip:+15145550100@node;user=phone}. */
    String numberUri(String e164) {
        return "sip:+" + e164 + "@" + advertisedHost + ";user=phone";
    }

    /** Gives up on the branch, and goes on to the next gateway, if it is still silent after the silence timer. */
    void watchSilence(ForkContext context, ClientTransaction branch) {
        timers.schedule(() -> context.branchSilent(branch), limits.silence().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends the call with 480 if it still rings through a carrier after the ringing timer (Timer C). */
    void watchRinging(ForkContext context, java.util.function.BooleanSupplier stillThisLeg) {
        timers.schedule(() -> {
            if (stillThisLeg.getAsBoolean()) {
                context.giveUp(480, "No Answer");
            }
        }, limits.ringing().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The timers of calls to the PSTN, which gateway probes share. */
    java.util.concurrent.ScheduledExecutorService timers() {
        return timers;
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
