package io.gridpbx.sip.proxy;

import io.gridpbx.core.auth.DigestAuthenticator;
import io.gridpbx.core.auth.DigestResponse;
import io.gridpbx.core.billing.CallCredit;
import io.gridpbx.core.dialog.CallFacts;
import io.gridpbx.core.dialog.Direction;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.presence.PickupOutcome;
import io.gridpbx.core.presence.Replaces;
import io.gridpbx.core.routing.CallRouter;
import io.gridpbx.core.routing.CalleeResolution;
import io.gridpbx.core.tenancy.Client;
import io.gridpbx.core.tenancy.Platform;
import io.gridpbx.core.tenancy.SipCredentials;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.core.tenancy.User;
import io.gridpbx.core.trunking.Did;
import io.gridpbx.core.trunking.OutboundPlan;
import io.gridpbx.core.trunking.OutboundPlanner;
import io.gridpbx.core.trunking.TrunkingView;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decides an out-of-dialog request. From a carrier's address it is a call to one of our DIDs, which
 * goes to the DID's destination. Otherwise the caller's domain must be one of ours and the caller must
 * authenticate in its domain's realm as the user its From header names (no spoofing of another
 * extension); a callee of its client is resolved by the {@link CallRouter}, and a number that is no
 * extension of its client goes to the PSTN as the {@link OutboundPlanner} says. The decision is a
 * stage: a challenge or a refusal is complete at once, a call waits for the grid (the nonce-count,
 * then the callee's contacts) without holding a thread.
 */
public final class InitialRequestPolicy implements LaterLegs {

    /** What a phone dials towards the PSTN: digits with separators, an optional leading plus. */
    private static final Pattern DIALABLE = Pattern.compile("\\+?[0-9().-]{2,24}");

    private final TenantDirectory directory;
    private final DigestAuthenticator authenticator;
    private final CallRouter router;
    private final TrunkingView trunking;
    private final OutboundPlanner planner;
    private final CallAdmission admission;
    private final Pickups pickups;

    /**
     * @param admission what a call must pass before it rings (rates, limits, funds)
     * @param pickups   where an INVITE with Replaces, a directed pickup, goes
     */
    public InitialRequestPolicy(TenantDirectory directory, DigestAuthenticator authenticator, CallRouter router,
            TrunkingView trunking, OutboundPlanner planner, CallAdmission admission, Pickups pickups) {
        this.pickups = pickups;
        this.directory = directory;
        this.authenticator = authenticator;
        this.router = router;
        this.trunking = trunking;
        this.planner = planner;
        this.admission = admission;
    }

    /**
     * @param method        the request method (part of the digest)
     * @param caller        the From address of record
     * @param callee        the Request-URI as an address of record
     * @param credentials   the Proxy-Authorization headers, any realm
     * @param requestKey    identifies the request across retransmissions ({@link DigestAuthenticator#requestKey})
     * @param sourceAddress the address the request came from, which tells a carrier
     * @param callId        the request's Call-ID: a call's slots of its limits are known by it
     */
    public CompletionStage<RequestDecision> decide(String method, AddressOfRecord caller, AddressOfRecord callee,
            List<DigestResponse> credentials, String requestKey, String sourceAddress, String callId) {
        return decide(method, caller, callee, credentials, requestKey, sourceAddress, callId, null, null);
    }

    /**
     * As above, with the user part of the To header (a carrier's call to the Contact a node registered
     * for a trunk account names the account in its Request-URI, and the number called in To), and the
     * INVITE's Replaces header, which makes it a directed pickup of the ringing call it names.
     */
    public CompletionStage<RequestDecision> decide(String method, AddressOfRecord caller, AddressOfRecord callee,
            List<DigestResponse> credentials, String requestKey, String sourceAddress, String callId,
            @Nullable String toUser, @Nullable Replaces replaces) {
        return judge(method, caller, callee, credentials, requestKey, sourceAddress, toUser, replaces)
                .thenCompose(decision -> "INVITE".equals(method) && decision instanceof RequestDecision.Route route
                        ? admission.admit(route, callId) : CompletableFuture.completedFuture(decision));
    }

    private CompletionStage<RequestDecision> judge(String method, AddressOfRecord caller, AddressOfRecord callee,
            List<DigestResponse> credentials, String requestKey, String sourceAddress, @Nullable String toUser,
            @Nullable Replaces replaces) {
        if (trunking.carrierAt(sourceAddress).isPresent()) {
            return fromCarrier(caller, calledNumber(callee, toUser));
        }
        String realm = caller.domain();
        if (directory.client(realm).isEmpty()) {
            return refused(403, "Relaying Denied");
        }
        DigestResponse answer = null;
        for (DigestResponse candidate : credentials) {
            if (candidate.realm().equalsIgnoreCase(realm)) {
                answer = candidate;
            }
        }
        return authenticator.authenticate(method, realm, answer, requestKey).thenCompose(verdict -> switch (verdict) {
            case DigestAuthenticator.Verdict.Challenge challenge -> CompletableFuture.completedFuture(
                    new RequestDecision.Challenge(challenge.challenges(), challenge.failedUser()));
            case DigestAuthenticator.Verdict.Authenticated authenticated -> replaces != null && "INVITE".equals(method)
                    ? pickUp(authenticated.credentials(), caller, callee, replaces)
                    : route(authenticated.credentials(), caller, callee);
        });
    }

    /** A directed pickup: the INVITE goes to the caller of the ringing call, whose phone does the swap. */
    private CompletionStage<RequestDecision> pickUp(SipCredentials authenticated, AddressOfRecord picker,
            AddressOfRecord dialled, Replaces replaces) {
        if (!authenticated.owner().equals(picker)) {
            return refused(403, "From Does Not Match Credentials");
        }
        return pickups.locate(picker, dialled, replaces).thenApply(outcome -> switch (outcome) {
            case PickupOutcome.Refused refused -> new RequestDecision.Refuse(refused.status(), refused.reason());
            case PickupOutcome.Caller found -> new RequestDecision.Route(picker, picker.domain(),
                    new CalleeResolution.Contacts(found.caller(), found.contacts()),
                    new CallFacts(Direction.INTERNAL, dialled.user(), "", "", 0, picker.domain(), List.of()), Long.MAX_VALUE);
        });
    }

    private CompletionStage<RequestDecision> route(SipCredentials authenticated, AddressOfRecord caller,
            AddressOfRecord callee) {
        if (!authenticated.owner().equals(caller)) {
            return refused(403, "From Does Not Match Credentials");
        }
        if (callee.domain().equals(caller.domain()) && DIALABLE.matcher(callee.user()).matches()
                && directory.user(callee).isEmpty()) {
            return CompletableFuture.completedFuture(toThePstn(caller, callee.user()));
        }
        CallFacts facts = new CallFacts(Direction.INTERNAL, callee.user(), "", "", 0, caller.domain(), List.of());
        return router.resolve(authenticated, callee)
                .thenApply(resolution -> decision(caller, caller.domain(), resolution, facts));
    }

    private RequestDecision toThePstn(AddressOfRecord caller, String dialled) {
        Optional<Client> client = directory.client(caller.domain());
        Optional<User> user = directory.user(caller);
        if (client.isEmpty() || user.isEmpty()) {
            return new RequestDecision.Refuse(403, "Caller Not Provisioned");
        }
        String platform = directory.platform().map(Platform::domain).orElse("");
        return switch (planner.plan(client.get(), user.get(), dialled, platform)) {
            case OutboundPlan.Refused refused -> new RequestDecision.Refuse(refused.status(), refused.reason());
            case OutboundPlan.Attempts attempts -> new RequestDecision.Route(caller, caller.domain(),
                    new CalleeResolution.Pstn(user.get(), attempts), new CallFacts(Direction.OUTBOUND, dialled,
                            attempts.number().e164(), "", 0, caller.domain(), List.of()), Long.MAX_VALUE);
        };
    }

    /** Where a carrier's redirect (3xx) of a call to the PSTN may send it. */
    public sealed interface Redirect {
        /** On to these gateways; the payer's funds pay {@code fundedSeconds} of it. */
        record Retarget(CalleeResolution.Pstn pstn, long fundedSeconds) implements Redirect {
        }

        /** Not followed: the caller gets this answer. */
        record Refused(int status, String reason) implements Redirect {
        }
    }

    /**
     * A carrier redirected a call to {@code number}: the new number goes through everything the dialled
     * one went through (the payer's dial plan and profile, route selection, the price and the funds),
     * never as it came, so that a redirect opens no door to a premium number or another carrier. The
     * call keeps the slots of its limits.
     */
    @Override
    public CompletionStage<Redirect> redirect(User payer, String number) {
        Optional<Client> client = directory.client(payer.addressOfRecord().domain());
        if (client.isEmpty()) {
            return CompletableFuture.completedFuture(new Redirect.Refused(403, "Caller Not Provisioned"));
        }
        String platform = directory.platform().map(Platform::domain).orElse("");
        return switch (planner.plan(client.get(), payer, number, platform)) {
            case OutboundPlan.Refused refused ->
                    CompletableFuture.completedFuture(new Redirect.Refused(refused.status(), refused.reason()));
            case OutboundPlan.Attempts attempts -> {
                yield fund(new CalleeResolution.Pstn(payer, attempts));
            }
        };
    }

    @Override
    public CompletionStage<Redirect> fund(CalleeResolution.Pstn pstn) {
        if (pstn.plan().number().emergency()) {
            return CompletableFuture.completedFuture(new Redirect.Retarget(pstn, Long.MAX_VALUE));
        }
        return admission.funds(pstn).thenApply(verdict -> switch (verdict) {
            case CallCredit.Unbilled unbilled -> new Redirect.Retarget(pstn, Long.MAX_VALUE);
            case CallCredit.Allowed allowed -> new Redirect.Retarget(pstn, allowed.maxSeconds());
            case CallCredit.Refused refused -> new Redirect.Refused(403, refused.reason());
        });
    }

    /**
     * The number a carrier's call is for: the Request-URI's user, unless that is a trunk account (the
     * carrier called the Contact registered for it, RFC 3261 section 10.2.1), when the To header's user
     * names the number instead.
     */
    private AddressOfRecord calledNumber(AddressOfRecord requestUri, @Nullable String toUser) {
        String user = requestUri.user();
        boolean account = toUser != null && !toUser.isBlank()
                && trunking.gateways().stream().anyMatch(g -> user.equals(g.username()));
        return account ? new AddressOfRecord(toUser, requestUri.domain()) : requestUri;
    }

    /** A carrier's call: the Request-URI's number must be one of our DIDs, routed to an extension. */
    private CompletionStage<RequestDecision> fromCarrier(AddressOfRecord caller, AddressOfRecord callee) {
        String number = Did.normalize(callee.user());
        Optional<Did> did = Did.isValidNumber(number) ? trunking.did(number) : Optional.empty();
        if (did.isEmpty()) {
            return refused(404, "No Such Number");
        }
        String clientDomain = did.get().clientDomain();
        String destination = did.get().destination();
        if (clientDomain == null || destination == null) {
            return refused(404, "Number Not In Service");
        }
        CallFacts facts = new CallFacts(Direction.INBOUND, callee.user(), number, "", 0, clientDomain, List.of());
        return router.resolveUser(new AddressOfRecord(destination, clientDomain))
                .thenApply(resolution -> decision(caller, clientDomain, resolution, facts));
    }

    private static RequestDecision decision(AddressOfRecord caller, String clientDomain, CalleeResolution resolution,
            CallFacts facts) {
        return switch (resolution) {
            case CalleeResolution.Refused refused -> new RequestDecision.Refuse(refused.status(), refused.reason());
            default -> new RequestDecision.Route(caller, clientDomain, resolution, facts, Long.MAX_VALUE);
        };
    }

    private static CompletionStage<RequestDecision> refused(int status, String reason) {
        return CompletableFuture.completedFuture(new RequestDecision.Refuse(status, reason));
    }
}
