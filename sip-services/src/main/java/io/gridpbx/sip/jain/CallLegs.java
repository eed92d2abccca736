package io.gridpbx.sip.jain;

import io.gridpbx.core.digest.DigestClient;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.routing.CalleeResolution;
import io.gridpbx.core.tenancy.User;
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.sip.proxy.InitialRequestPolicy;
import io.gridpbx.sip.proxy.LaterLegs;
import java.text.ParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.URI;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The legs of one call, one after the other within its server transaction: a callee's contacts
 * (rung in parallel), or the PSTN's gateways (tried in turn). A gateway that fails before ringing
 * (408, 5xx, silence) gives way to the next; a called party's own answer (486, 404, 603) never does,
 * since ringing the same person through a second carrier is a defect. A callee who is busy, does not
 * answer within its ring time, or has no phone answering, sends the call where its forwarding says,
 * with a Diversion header (RFC 5806) naming who forwarded it and why. Every method runs under the
 * call's {@link ForkContext} lock.
 */
final class CallLegs implements ForkContext.Failover {

    private static final Logger LOG = LoggerFactory.getLogger(CallLegs.class);
    /**
     * A gateway's answers that send the call to the next gateway: it timed out, could not take the call,
     * or did not take our credentials (a challenge this node could not, or no longer, answer).
     */
    private static final Set<Integer> FAIL_OVER_ON = Set.of(408, 500, 502, 503, 504, 401, 407);
    /** A callee's answers that mean busy (RFC 3261 sections 21.4.24 and 21.6.1). */
    private static final Set<Integer> BUSY = Set.of(486, 600);
    /** A callee's answers that mean nobody answered: its phones timed out or were not there. */
    private static final Set<Integer> NO_ANSWER = Set.of(408, 480);

    private final JainSipTrunks trunks;
    private final HeaderFactory headers;
    private final Function<CalleeResolution.Contacts, ContactTargets> contactTargets;
    /** How many redirects of carriers a call follows at most. */
    static final int MAX_REDIRECTS = 3;

    private final @Nullable CallSheet sheet;
    private final LaterLegs later;
    private final GatewaySeats seats;
    /** The PSTN leg the call is on, if it is on one: whose profile and funds a redirect goes through. */
    private CalleeResolution.@Nullable Pstn pstn;
    private int redirected;
    private @Nullable ProxyBranches branches;
    /** The gateways still to try in this leg, with the Request-URI each takes. */
    private final ArrayDeque<Hop> gateways = new ArrayDeque<>();
    /** The gateway the call was sent to last, and whether its challenge was answered already (once per attempt). */
    private @Nullable Hop current;
    private boolean challengeAnswered;
    private CalleeResolution.@Nullable Diverted onBusy;
    private CalleeResolution.@Nullable Diverted onNoAnswer;
    private boolean ringTimeOver;
    private boolean pstnLeg;
    private int leg;
    private int attempts;
    private int diversions;

    private record Hop(Gateway gateway, URI uri) {
    }

    /**
     * @param sheet     where the call's record learns its gateways and forwards; null for a call that keeps none
     * @param later     what a forward to the PSTN and a carrier's redirect must pass ({@link InitialRequestPolicy})
     * @param seats     the gateways' caps of concurrent calls
     */
    CallLegs(JainSipTrunks trunks, HeaderFactory headers,
            Function<CalleeResolution.Contacts, ContactTargets> contactTargets, @Nullable CallSheet sheet,
            LaterLegs later, GatewaySeats seats) {
        this.seats = seats;
        this.sheet = sheet;
        this.later = later;
        this.trunks = trunks;
        this.headers = headers;
        this.contactTargets = contactTargets;
    }

    /** Whom the caller dialled, as the dialog records it: the first user reached, or the number. */
    static AddressOfRecord dialled(CalleeResolution target, String clientDomain) {
        return switch (target) {
            case CalleeResolution.Diverted diverted -> diverted.by();
            case CalleeResolution.Contacts contacts -> contacts.callee().addressOfRecord();
            case CalleeResolution.Pstn pstn -> new AddressOfRecord(pstn.plan().number().e164(), clientDomain);
            case CalleeResolution.Refused refused -> throw new IllegalArgumentException("a refused call has no callee");
        };
    }

    /** Starts the call on its first leg; false when not one branch could be made. */
    boolean start(ProxyBranches call, CalleeResolution target) {
        synchronized (call.context) {
            this.branches = call;
            return startLeg(target);
        }
    }

    @Override
    public boolean sendNext(ForkContext context, Response last, boolean rang) {
        int status = last.getStatusCode();
        if (pstnLeg && sheet != null) {
            sheet.gatewayFailed(status);
        }
        if (pstnLeg && current != null) {
            seats.release(callId(), current.gateway().id()); // the call leaves this gateway, whatever comes next
        }
        if (pstnLeg && !rang && status / 100 == 3 && redirected < MAX_REDIRECTS && pstn != null) {
            String number = redirectedNumber(last);
            if (number != null) {
                redirected++;
                follow(context, pstn.chargedUser(), number);
                return true;
            }
        }
        if (!gateways.isEmpty() && !rang && FAIL_OVER_ON.contains(status)) {
            return sendNextGateway();
        }
        if (onBusy != null && BUSY.contains(status)) {
            return moveOn(context, onBusy);
        }
        if (onNoAnswer != null && (ringTimeOver || NO_ANSWER.contains(status))) {
            return moveOn(context, onNoAnswer);
        }
        return false;
    }

    /**
     * A carrier challenged the call: answered once, with the gateway's credentials, on a new branch
     * with the next CSeq. A gateway with no credentials, a second challenge, or one that cannot be read
     * leaves the 401/407 as the gateway's answer (and the call goes on to the next gateway as for any
     * final answer that is not the called party's).
     */
    @Override
    public boolean answerChallenge(ForkContext context, ClientTransaction challenged, Response challenge) {
        Hop hop = current;
        if (!pstnLeg || hop == null || challengeAnswered || hop.gateway().username() == null
                || hop.gateway().password() == null) {
            return false;
        }
        boolean proxy = challenge.getStatusCode() == 407;
        List<String> offered = new ArrayList<>(1);
        var headers = challenge.getHeaders(proxy ? "Proxy-Authenticate" : "WWW-Authenticate");
        while (headers != null && headers.hasNext()) {
            String line = headers.next().toString();
            offered.add(line.substring(line.indexOf(':') + 1).strip());
        }
        Optional<DigestClient.Challenge> chosen = DigestClient.strongest(offered);
        if (chosen.isEmpty()) {
            LOG.info("gateway {} challenged with nothing this node can answer: {}", hop.gateway().id(), offered);
            return false;
        }
        String credentials = DigestClient.answer(chosen.get(), hop.gateway().username(), hop.gateway().password(),
                Request.INVITE, challenged.getRequest().getRequestURI().toString(), cnonce(), 1);
        try {
            ClientTransaction branch = branches.answering(challenged, proxy ? "Proxy-Authorization" : "Authorization",
                    credentials);
            challengeAnswered = true;
            branch.sendRequest();
            trunks.watchSilence(context, branch);
            return true;
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException unsent) {
            LOG.warn("cannot answer the challenge of gateway {}: {}", hop.gateway().id(), unsent.toString());
            return false;
        }
    }

    private static String cnonce() {
        return java.util.HexFormat.of().toHexDigits(java.util.concurrent.ThreadLocalRandom.current().nextLong());
    }

    /** A call ringing through a carrier rings for the ringing timer at most (Timer C). */
    @Override
    public void ringing(ForkContext context) {
        if (pstnLeg) {
            int thisLeg = leg;
            trunks.watchRinging(context, () -> leg == thisLeg);
        }
    }

    @Override
    public boolean onCarrier() {
        return pstnLeg;
    }

    @Override
    public boolean triedSeveral() {
        return attempts > 1;
    }

    /**
     * Follows a carrier's redirect once the new number passed the payer's profile, routes and funds; the
     * caller meanwhile hears nothing new. A CANCEL in between ends the call as usual.
     */
    private void follow(ForkContext context, User payer, String number) {
        if (sheet != null) {
            sheet.forwarded("+" + number.replace("+", ""), "deflection");
        }
        later.redirect(payer, number).whenComplete((redirect, failure) -> {
            synchronized (context) {
                if (context.over()) {
                    return;
                }
                switch (failure != null ? new InitialRequestPolicy.Redirect.Refused(500, "Redirect Not Checked") : redirect) {
                    case InitialRequestPolicy.Redirect.Refused refused -> context.answer(refused.status(), refused.reason());
                    case InitialRequestPolicy.Redirect.Retarget retarget -> {
                        context.retarget();
                        if (sheet != null) {
                            sheet.refunded(retarget.fundedSeconds());
                        }
                        if (!startLeg(retarget.pstn())) {
                            context.answer(500, "No Gateway Could Be Reached");
                        }
                    }
                }
            }
        });
    }

    /**
     * The number a carrier's 3xx redirects to: the user part of its first Contact ({@code sip:+1514...@host},
     * {@code tel:+1514...}), when it is a number; null for anything else, which is not followed.
     */
    static @Nullable String redirectedNumber(Response redirect) {
        var contact = (javax.sip.header.ContactHeader) redirect.getHeader(javax.sip.header.ContactHeader.NAME);
        if (contact == null || contact.getAddress() == null) {
            return null;
        }
        URI uri = contact.getAddress().getURI();
        String user = uri instanceof javax.sip.address.SipURI sip ? sip.getUser()
                : uri instanceof javax.sip.address.TelURL tel ? (tel.isGlobal() ? "+" : "") + tel.getPhoneNumber() : null;
        if (user == null) {
            return null;
        }
        int parameters = user.indexOf(';');
        String number = (parameters < 0 ? user : user.substring(0, parameters)).replaceAll("[-.()]", "");
        return number.matches("\\+?[0-9]{2,20}") ? number : null;
    }

    /**
     * Sends the call where the callee's forwarding says. A forward to the PSTN goes once the forwarding
     * user's funds were checked (their verdict sets how long the call may last); the caller meanwhile
     * hears nothing new.
     */
    private boolean moveOn(ForkContext context, CalleeResolution.Diverted next) {
        context.retarget();
        if (!(CalleeResolution.firstLeg(next) instanceof CalleeResolution.Pstn pstn) || sheet == null) {
            return startLeg(next);
        }
        later.fund(pstn).whenComplete((verdict, failure) -> {
            synchronized (context) {
                if (context.over()) {
                    return;
                }
                switch (failure != null ? new InitialRequestPolicy.Redirect.Refused(500, "Forward Not Checked") : verdict) {
                    case InitialRequestPolicy.Redirect.Refused refused -> context.answer(refused.status(), refused.reason());
                    case InitialRequestPolicy.Redirect.Retarget funded -> {
                        sheet.refunded(funded.fundedSeconds());
                        if (!startLeg(next)) {
                            context.answer(500, "No Gateway Could Be Reached");
                        }
                    }
                }
            }
        });
        return true;
    }

    private boolean startLeg(CalleeResolution target) {
        leg++;
        onBusy = null;
        onNoAnswer = null;
        ringTimeOver = false;
        pstnLeg = false;
        gateways.clear();
        CalleeResolution next = target;
        while (next instanceof CalleeResolution.Diverted diverted) {
            divert(diverted);
            next = diverted.to();
        }
        try {
            return switch (next) {
                case CalleeResolution.Contacts contacts -> ring(contacts);
                case CalleeResolution.Pstn pstn -> {
                    pstnLeg = true;
                    this.pstn = pstn;
                    trunks.presentIdentity(branches.request, pstn.plan());
                    if (sheet != null) {
                        sheet.toThePstn(pstn.chargedUser().addressOfRecord().domain(), pstn.plan().number().e164());
                    }
                    List<URI> targets = trunks.targets(pstn.plan());
                    for (int i = 0; i < targets.size(); i++) {
                        gateways.add(new Hop(pstn.plan().attempts().get(i).gateway(), targets.get(i)));
                    }
                    yield sendNextGateway();
                }
                case CalleeResolution.Diverted diverted -> throw new IllegalStateException("unwrapped above");
                case CalleeResolution.Refused refused -> false;
            };
        } catch (ParseException | RuntimeException unusable) {
            LOG.warn("cannot send a call's leg {}: {}", leg, unusable.toString());
            return false;
        }
    }

    /** Rings every contact at once; with a forward on no answer, for the callee's ring time only. */
    private boolean ring(CalleeResolution.Contacts contacts) {
        attempts++;
        onBusy = contacts.onBusy();
        onNoAnswer = contacts.onNoAnswer();
        ContactTargets parsed = contactTargets.apply(contacts);
        List<URI> targets = parsed.uris();
        List<JainSipFlows.@Nullable Reach> connections = parsed.reaches();
        List<ClientTransaction> made = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            try {
                made.add(branches.create(targets.get(i), connections.get(i)));
            } catch (ParseException | SipException | InvalidArgumentException | RuntimeException unusable) {
                LOG.debug("cannot make a branch to {}: {}", targets.get(i), unusable.getMessage());
            }
        }
        if (made.isEmpty()) {
            return false;
        }
        if (onNoAnswer != null) {
            int thisLeg = leg;
            ForkContext context = branches.context;
            trunks.timers().schedule(() -> context.stopRinging(() -> {
                if (leg != thisLeg) {
                    return false;
                }
                ringTimeOver = true;
                return true;
            }), contacts.noAnswerSeconds(), TimeUnit.SECONDS);
        }
        for (ClientTransaction branch : made) {
            try {
                branch.sendRequest();
            } catch (SipException unreachable) {
                LOG.debug("branch to {} failed: {}", branch.getRequest().getRequestURI(), unreachable.getMessage());
                branches.context.branchFailed(branch, 503);
            }
        }
        return true;
    }

    /** Sends the call to the next gateway of the plan; false when none is left or none could be sent. */
    private boolean sendNextGateway() {
        while (!gateways.isEmpty()) {
            Hop hop = gateways.poll();
            CompletionStage<Boolean> seat = pstn != null && pstn.plan().number().emergency() ? null
                    : seats.take(callId(), hop.gateway().id());
            if (seat == null) {
                if (send(hop)) {
                    return true;
                }
                continue;
            }
            awaitSeat(hop, seat);
            return true;
        }
        return false;
    }

    /**
     * A capped gateway takes the call once its seat is taken; a gateway at its cap counts as one that
     * answered 503, and the call goes on to the next (the caller never hears a 503 from this node).
     */
    private void awaitSeat(Hop hop, CompletionStage<Boolean> seat) {
        ForkContext context = branches.context;
        String callId = callId();
        String gatewayId = hop.gateway().id();
        seat.whenComplete((taken, failure) -> {
            synchronized (context) {
                boolean held = failure == null && Boolean.TRUE.equals(taken);
                if (context.over()) {
                    if (held) {
                        seats.release(callId, gatewayId);
                    }
                    return;
                }
                if (held && send(hop)) {
                    return;
                }
                current = hop;
                if (sheet != null) {
                    sheet.trying(gatewayId);
                }
                context.attemptFailed(503, held ? "Service Unavailable"
                        : failure != null ? "Gateway Call Limit Not Checked" : "Gateway Call Limit Reached");
            }
        });
    }

    /** Sends the call to one gateway; false when no branch could be made to it. */
    private boolean send(Hop hop) {
        URI target = hop.uri();
        ClientTransaction branch;
        try {
            branch = branches.create(target, null);
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException unusable) {
            LOG.debug("cannot make a branch to {}: {}", target, unusable.getMessage());
            return false;
        }
        attempts++;
        current = hop;
        challengeAnswered = false;
        if (sheet != null) {
            sheet.trying(hop.gateway().id());
        }
        try {
            branch.sendRequest();
            trunks.watchSilence(branches.context, branch);
        } catch (SipException unreachable) {
            LOG.debug("gateway {} unreachable: {}", target, unreachable.getMessage());
            branches.context.branchFailed(branch, 503); // goes on to the next gateway, or answers the caller
        }
        return true;
    }

    private String callId() {
        return JainSipMessages.callId(branches.request);
    }

    /**
     * RFC 5806: the newest diversion on top, counted. Towards a carrier the forwarding user is named by
     * its DID, a number the carrier can bill and show, rather than by its extension.
     */
    private void divert(CalleeResolution.Diverted diverted) {
        diversions++;
        AddressOfRecord by = diverted.by();
        if (sheet != null) {
            sheet.forwarded(switch (CalleeResolution.firstLeg(diverted.to())) {
                case CalleeResolution.Pstn pstn -> "+" + pstn.plan().number().e164();
                case CalleeResolution.Contacts contacts -> contacts.callee().addressOfRecord().toString();
                default -> "";
            }, diverted.reason());
        }
        String uri = CalleeResolution.firstLeg(diverted.to()) instanceof CalleeResolution.Pstn pstn
                && pstn.chargedUser().addressOfRecord().equals(by) && pstn.plan().presentedNumber() != null
                ? trunks.numberUri(pstn.plan().presentedNumber()) : "sip:" + by.user() + "@" + by.domain();
        try {
            branches.request.addFirst(headers.createHeader("Diversion",
                    "<" + uri + ">;reason=" + diverted.reason() + ";counter=" + diversions));
        } catch (ParseException | SipException impossible) {
            LOG.debug("no Diversion header for {}: {}", by, impossible.getMessage());
        }
    }
}
