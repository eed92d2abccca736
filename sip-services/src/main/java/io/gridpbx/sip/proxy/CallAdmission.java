package io.gridpbx.sip.proxy;

import io.gridpbx.core.billing.CallBilling;
import io.gridpbx.core.billing.CallCredit;
import io.gridpbx.core.limits.Admission;
import io.gridpbx.core.limits.CallLimit;
import io.gridpbx.core.limits.CallLimitRules;
import io.gridpbx.core.limits.CallRates;
import io.gridpbx.core.limits.CallSlots;
import io.gridpbx.core.routing.CalleeResolution;
import io.gridpbx.core.tenancy.Client;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.core.tenancy.User;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What a call must pass before it rings anything, each a check-and-increment in the grid, in order:
 * the client's calls per second (403 Client Call Rate Exceeded), a slot of each of its concurrent-call
 * limits (486 for the user's own, 403 otherwise, with a reason naming the limit), and for a call to the
 * PSTN of a billed client, the funds for its first step (403 Insufficient Balance and the like; the
 * slots given back), which also set how long it may last. An emergency call passes them all.
 */
public final class CallAdmission {

    private final TenantDirectory directory;
    private final CallLimitRules limits;
    private final CallSlots slots;
    private final CallRates rates;
    private final CallBilling billing;
    private final String nodeId;

    public CallAdmission(TenantDirectory directory, CallLimitRules limits, CallSlots slots, CallRates rates,
            CallBilling billing, String nodeId) {
        this.directory = directory;
        this.limits = limits;
        this.slots = slots;
        this.rates = rates;
        this.billing = billing;
        this.nodeId = nodeId;
    }

    CompletionStage<RequestDecision> admit(RequestDecision.Route route, String callId) {
        if (CalleeResolution.emergency(route.target())) {
            return CompletableFuture.completedFuture(route);
        }
        OptionalInt perSecond = limits.callsPerSecond(route.clientDomain());
        CompletionStage<Boolean> inRate = perSecond.isEmpty() ? CompletableFuture.completedFuture(true)
                : rates.take(CallRates.clientKey(route.clientDomain()), perSecond.getAsInt());
        return inRate.thenCompose(taken -> taken ? slotsFor(route, callId)
                        : CompletableFuture.completedFuture(new RequestDecision.Refuse(403, "Client Call Rate Exceeded")))
                .thenCompose(decision -> decision instanceof RequestDecision.Route admitted
                        && CalleeResolution.firstLeg(admitted.target()) instanceof CalleeResolution.Pstn pstn
                        ? fund(admitted, pstn, callId) : CompletableFuture.completedFuture(decision));
    }

    /** What the payer's funds say of a call to the PSTN: unbilled, allowed for so long, or refused. */
    CompletionStage<CallCredit.Verdict> funds(CalleeResolution.Pstn pstn) {
        return billing.before(pstn.chargedUser().addressOfRecord().domain(), pstn.plan().number().e164());
    }

    private CompletionStage<RequestDecision> fund(RequestDecision.Route route, CalleeResolution.Pstn pstn, String callId) {
        return funds(pstn).thenApply(verdict -> switch (verdict) {
            case CallCredit.Unbilled unbilled -> route;
            case CallCredit.Allowed allowed -> route.funded(allowed.maxSeconds());
            case CallCredit.Refused refused -> {
                slots.release(callId);
                yield new RequestDecision.Refuse(403, refused.reason());
            }
        });
    }

    private CompletionStage<RequestDecision> slotsFor(RequestDecision.Route route, String callId) {
        String reseller = directory.client(route.clientDomain()).map(Client::resellerRealm).orElse(route.clientDomain());
        boolean user = route.caller().domain().equals(route.clientDomain());
        String profile = user ? directory.user(route.caller()).map(User::profile).orElse(null) : null;
        List<CallLimit> applicable = limits.limits(user ? route.caller().toString() : null, profile,
                route.clientDomain(), reseller);
        if (applicable.isEmpty()) {
            return CompletableFuture.completedFuture(route);
        }
        return slots.admit(callId, applicable, nodeId).thenApply(admission -> switch (admission) {
            case Admission.Admitted admitted -> route;
            case Admission.Refused refused -> new RequestDecision.Refuse(refused.limit().refusalStatus(),
                    refused.limit().reason());
        });
    }
}
