package io.gridpbx.sip.jain;

import io.gridpbx.core.auth.DigestAuthenticator;
import io.gridpbx.core.dialog.DialogId;
import io.gridpbx.core.limits.CallSlots;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.Binding;
import io.gridpbx.core.presence.Replaces;
import io.gridpbx.core.routing.CalleeResolution;
import io.gridpbx.sip.SipCounters;
import io.gridpbx.sip.proxy.InitialRequestPolicy;
import io.gridpbx.sip.proxy.LoopDetector;
import io.gridpbx.sip.proxy.RequestDecision;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stateful proxy (RFC 3261 section 16): authenticates and routes out-of-dialog requests,
 * forks them in parallel to the callee's contacts with this node in Record-Route, relays
 * in-dialog requests along their route set, forwards ACKs for 2xx statelessly and handles CANCEL.
 */
final class JainSipProxy {

    private static final Logger LOG = LoggerFactory.getLogger(JainSipProxy.class);
    private static final int DEFAULT_MAX_FORWARDS = 70;
    /**
     * Most INVITEs this node proxies at once. A context leaves the table with its final response,
     * but a callee that rings and never answers keeps it (the RI has no Timer C), so the table is
     * bounded: past this many calls in set-up the node is overloaded and says so with 503.
     */
    static final int MAX_INVITES_IN_PROGRESS = 50_000;
    private static final java.time.Duration INVITES_FULL_RETRY_AFTER = java.time.Duration.ofSeconds(5);

    private final JainSipResponder responder;
    private final JainSipSelf self;
    private final InitialRequestPolicy policy;
    private final DialogTracker dialogs;
    private final DialogGuard guard;
    private final Clock clock;
    private final String nodeId;
    private final SipCounters counters;
    private final JainSipFlows flows;
    private final JainSipMedia media;
    private final JainSipFailures failures;
    private final JainSipTrunks trunks;
    private final CallSlots slots;
    private final GatewaySeats seats;
    /** INVITE contexts by the branch of the caller's Via, which its CANCEL repeats (section 9.1). */
    private final ConcurrentHashMap<String, ForkContext> invites = new ConcurrentHashMap<>();

    JainSipProxy(JainSipResponder responder, JainSipSelf self, InitialRequestPolicy policy, DialogTracker dialogs,
            Clock clock, String nodeId, SipCounters counters, JainSipFlows flows, JainSipFailures failures,
            JainSipMedia media, JainSipTrunks trunks, CallSlots slots, GatewaySeats seats) {
        this.slots = slots;
        this.seats = seats;
        this.trunks = trunks;
        this.responder = responder;
        this.media = media;
        this.failures = failures;
        this.flows = flows;
        this.self = self;
        this.policy = policy;
        this.dialogs = dialogs;
        this.guard = new DialogGuard(self, dialogs, responder.addresses());
        this.clock = clock;
        this.nodeId = nodeId;
        this.counters = counters;
    }

    void onRequest(RequestEvent event) throws ParseException, SipException, InvalidArgumentException {
        Request request = event.getRequest();
        String toTag = JainSipMessages.toTag(request);
        if (!toTag.isEmpty()) {
            onInDialog(event, request, toTag);
            return;
        }
        JainSipFlows.Flow handedOff = self.popHandoff(request, JainSipMessages.callId(request), JainSipMessages.fromTag(request));
        if (handedOff == null) {
            self.popOwnRoute(request); // a phone's pre-loaded route to its outbound proxy (section 8.1.2)
        }
        if (!checkMaxForwards(request)) {
            return;
        }
        String loopHash = loopHash(request, toTag);
        if (self.carriesOurBranch(request, loopHash)) {
            responder.reject(request, 482, "Loop Detected");
            return;
        }
        if (handedOff != null) {
            relayDown(event, request, handedOff, loopHash);
        } else {
            routeInitial(event, request, loopHash);
        }
    }

    /**
     * Another member routed this request to a phone whose connection this node holds (the phone
     * registered here), with a sealed Route naming the connection: the caller was authenticated and the
     * callee looked up there, so it goes down the connection as it is. A connection that closed since
     * is answered 430 Flow Failed (RFC 5626 section 5.3), which that member turns into the callee's
     * failure.
     */
    private void relayDown(RequestEvent event, Request request, JainSipFlows.Flow flow, String loopHash)
            throws ParseException, SipException, InvalidArgumentException {
        if (!flows.holds(flow)) {
            responder.reject(request, 430, "Flow Failed");
            return;
        }
        AddressOfRecord caller = JainSipMessages.aorOf(((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI());
        AddressOfRecord callee = JainSipMessages.aorOf(((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI());
        ForkContext.Parties parties = caller == null || callee == null ? null : new ForkContext.Parties(caller, callee, false);
        forward(event, request, List.of(request.getRequestURI()), List.of(new JainSipFlows.Direct(flow)), loopHash, parties);
    }

    /**
     * A request with a To tag goes on only when the {@link DialogGuard} proves it belongs to a dialog
     * this cluster set up, and only to that dialog's other party; anything else is answered 403 (or
     * 481 for a dialog that is gone), statelessly, and nothing is forwarded.
     */
    private void onInDialog(RequestEvent event, Request request, String toTag) {
        guard.check(request, toTag).whenComplete((verdict, failure) -> {
            try {
                if (failure != null) {
                    failures.answer(request, failure);
                } else if (verdict instanceof DialogGuard.Verdict.Refuse refuse) {
                    counters.inDialogRefusal();
                    responder.reject(request, refuse.status(), refuse.reason());
                } else {
                    DialogGuard.Verdict.Forward forward = (DialogGuard.Verdict.Forward) verdict;
                    forwardInDialog(event, request, toTag, forward.flow(), forward.cseqShift());
                }
            } catch (Exception | StackOverflowError e) {
                failures.answer(request, e);
            }
        });
    }

    /** @param cseqShift what the request's CSeq goes up by on its way ({@link io.gridpbx.core.dialog.Dialog#cseqShift}) */
    private void forwardInDialog(RequestEvent event, Request request, String toTag, JainSipFlows.@Nullable Flow flow,
            long cseqShift) throws ParseException, SipException, InvalidArgumentException {
        if (!checkMaxForwards(request)) {
            return;
        }
        String loopHash = loopHash(request, toTag);
        if (self.carriesOurBranch(request, loopHash)) {
            responder.reject(request, 482, "Loop Detected");
            return;
        }
        List<JainSipFlows.@Nullable Reach> reach = flow != null && flows.holds(flow)
                ? List.of(new JainSipFlows.Direct(flow)) : List.of();
        dialogs.observe(request);
        if (Request.BYE.equals(request.getMethod())) {
            media.end(JainSipMessages.callId(request));
            forward(event, request, List.of(request.getRequestURI()), reach, loopHash, null, cseqShift);
            return;
        }
        media.rewrite(request, request, false).whenComplete((ready, impossible) -> {
            try {
                forward(event, request, List.of(request.getRequestURI()), reach, loopHash, null, cseqShift);
            } catch (Exception | StackOverflowError e) {
                failures.answer(request, e);
            }
        });
    }

    private void routeInitial(RequestEvent event, Request request, String loopHash)
            throws ParseException, SipException, InvalidArgumentException {
        AddressOfRecord caller = JainSipMessages.aorOf(((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI());
        if (caller == null) {
            responder.reject(request, 403, "From Must Be A SIP URI With A User");
            return;
        }
        URI target = request.getRequestURI();
        AddressOfRecord callee = JainSipMessages.aorOf(target);
        if (callee == null) {
            responder.reject(request, 404, "No User In Request-URI");
            return;
        }
        if (self.isOurs(target)) {
            // A phone that dials "ext@node-address": the callee is in the caller's own domain.
            callee = new AddressOfRecord(callee.user(), caller.domain());
        }
        Replaces replaces = null;
        javax.sip.header.Header replacesHeader = request.getHeader("Replaces");
        if (replacesHeader != null && Request.INVITE.equals(request.getMethod())) {
            try {
                replaces = Replaces.parse(JainSipMessages.headerValue(replacesHeader));
            } catch (IllegalArgumentException bad) {
                responder.reject(request, 400, bad.getMessage());
                return;
            }
        }
        policy.decide(request.getMethod(), caller, callee,
                JainSipMessages.digestResponses(request, ProxyAuthorizationHeader.NAME),
                DigestAuthenticator.requestKey(request.getMethod(), JainSipMessages.callId(request),
                        ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber()),
                JainSipMessages.sourceAddress(request), JainSipMessages.callId(request), toUser(request), replaces)
                .whenComplete((decision, failure) -> {
                    try {
                        if (failure != null) {
                            failures.answer(request, failure);
                        } else {
                            act(event, request, loopHash, caller, decision);
                        }
                    } catch (Exception | StackOverflowError e) {
                        failures.answer(request, e);
                    }
                });
    }

    /** The user of the To header (a carrier names the number there when it calls a trunk's Contact), or null. */
    private static @Nullable String toUser(Request request) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        return to != null && to.getAddress().getURI() instanceof javax.sip.address.SipURI uri ? uri.getUser() : null;
    }

    private void refuseMedia(Request request, Throwable refused) throws ParseException, SipException {
        Throwable cause = refused instanceof java.util.concurrent.CompletionException && refused.getCause() != null
                ? refused.getCause() : refused;
        if (cause instanceof JainSipMedia.Refused media) {
            if (media.status > 0) {
                responder.reject(request, media.status, media.getMessage());
            }
        } else {
            failures.answer(request, refused);
        }
    }

    /** Ends a relayed call whose media stopped; see {@link JainSipMedia#hangUp}. */
    boolean hangUp(String callId, String disposition) {
        return media.hangUp(callId, disposition);
    }

    /** Ends an answered call this node routed; see {@link AnsweredCalls#hangUp}. */
    boolean endCall(String callId, String disposition) {
        boolean carried = dialogs.hangUp(callId, disposition);
        if (carried) {
            media.end(callId);
        }
        return carried;
    }

    /** Stops the timers of calls to the PSTN. */
    void close() {
        trunks.close();
    }

    /** INVITEs forwarded and not yet finally answered. */
    int invitesInProgress() {
        return invites.size();
    }

    /** Carries out the policy's decision on an out-of-dialog request, once the grid answered. */
    private void act(RequestEvent event, Request request, String loopHash, AddressOfRecord caller,
            RequestDecision decision) throws ParseException, SipException, InvalidArgumentException {
        switch (decision) {
            case RequestDecision.Challenge challenge -> responder.challenge(request, challenge.challenges(), challenge.failedUser(), true);
            case RequestDecision.Refuse refuse -> responder.reject(request, refuse.status(), refuse.reason());
            case RequestDecision.Route route -> {
                counters.callForwarded(route.clientDomain());
                consumeCredentials(request, caller.domain());
                boolean invite = Request.INVITE.equals(request.getMethod());
                ForkContext.Parties parties = new ForkContext.Parties(route.caller(),
                        CallLegs.dialled(route.target(), route.clientDomain()), true,
                        invite ? new CallSheet(route.facts().invitedAt(clock.millis()), route.fundedSeconds()) : null);
                CalleeResolution first = CalleeResolution.firstLeg(route.target());
                if (!Request.INVITE.equals(request.getMethod())) {
                    if (first instanceof CalleeResolution.Contacts contacts) {
                        ContactTargets targets = targetsOf(contacts);
                        forward(event, request, targets.uris(), targets.reaches(), loopHash, parties);
                    } else {
                        responder.reject(request, 405, "Only Calls Go To The PSTN");
                    }
                    return;
                }
                List<Binding> callees = first instanceof CalleeResolution.Contacts c ? c.contacts() : List.of();
                ContactTargets ringing = first instanceof CalleeResolution.Contacts c ? targetsOf(c) : null;
                List<URI> targets = ringing != null ? ringing.uris()
                        : trunks.targets(((CalleeResolution.Pstn) first).plan()).subList(0, 1);
                // The first leg's contacts are parsed once, for the relay's decision and for the branches.
                Function<CalleeResolution.Contacts, ContactTargets> contactTargets =
                        contacts -> contacts == first && ringing != null ? ringing : targetsOf(contacts);
                media.anchor(request, route.clientDomain(), callees, targets).whenComplete((ready, refused) -> {
                    try {
                        if (refused != null) {
                            slots.release(JainSipMessages.callId(request));
                            refuseMedia(request, refused);
                        } else {
                            call(event, request, loopHash, parties, route.target(), contactTargets);
                        }
                    } catch (Exception | StackOverflowError e) {
                        slots.release(JainSipMessages.callId(request));
                        failures.answer(request, e);
                    }
                });
            }
        }
    }

    /** Sends an INVITE on its way: its first leg now, the next ones as {@link CallLegs} decide. */
    private void call(RequestEvent event, Request request, String loopHash, ForkContext.Parties parties,
            CalleeResolution target, Function<CalleeResolution.Contacts, ContactTargets> contactTargets)
            throws ParseException, SipException, InvalidArgumentException {
        CallLegs legs = new CallLegs(trunks, responder.headers(), contactTargets, parties.sheet(), policy, seats);
        ProxyBranches branches = open(event, request, loopHash, parties, legs);
        if (branches == null) {
            return;
        }
        if (!legs.start(branches, target)) {
            branches.context.answer(500, "No Gateway Could Be Reached");
        }
    }

    /** Each contact parsed once, with the connection that reaches it. */
    private ContactTargets targetsOf(CalleeResolution.Contacts contacts) {
        List<URI> uris = new ArrayList<>(contacts.contacts().size());
        List<JainSipFlows.@Nullable Reach> reaches = new ArrayList<>(contacts.contacts().size());
        for (Binding binding : contacts.contacts()) {
            URI uri;
            try {
                uri = responder.addresses().createURI(binding.contactUri());
            } catch (ParseException stored) {
                throw new IllegalStateException("a stored contact does not parse: " + binding.contactUri(), stored);
            }
            uris.add(uri);
            reaches.add(flows.reach(binding, uri));
        }
        return new ContactTargets(uris, reaches);
    }

    /**
     * Stateful forwarding to one or more targets in parallel (section 16.6), each over the phone's own
     * connection when {@code phoneConnections} has one at its index: this node's, or through the
     * member that holds it.
     */
    private void forward(RequestEvent event, Request request, List<URI> targets,
            List<JainSipFlows.@Nullable Reach> phoneConnections, String loopHash,
            ForkContext.@Nullable Parties parties) throws ParseException, SipException, InvalidArgumentException {
        forward(event, request, targets, phoneConnections, loopHash, parties, 0);
    }

    /** As above, each branch's CSeq {@code cseqShift} above the request's (the context answers the request's own). */
    private void forward(RequestEvent event, Request request, List<URI> targets,
            List<JainSipFlows.@Nullable Reach> phoneConnections, String loopHash,
            ForkContext.@Nullable Parties parties, long cseqShift) throws ParseException, SipException, InvalidArgumentException {
        ProxyBranches branches = open(event, request, loopHash, parties, null);
        if (branches == null) {
            return;
        }
        branches.shiftCSeq(cseqShift);
        List<ClientTransaction> sent = new ArrayList<>(targets.size());
        try {
            for (int i = 0; i < targets.size(); i++) {
                sent.add(branches.create(targets.get(i), i < phoneConnections.size() ? phoneConnections.get(i) : null));
            }
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException unusable) {
            branches.abandon(); // no branch went out, so no final response will ever remove the context
            throw unusable;
        }
        for (ClientTransaction branch : sent) {
            try {
                branch.sendRequest();
            } catch (SipException unreachable) {
                LOG.debug("branch to {} failed: {}", branch.getRequest().getRequestURI(), unreachable.getMessage());
                branches.context.branchFailed(branch, 503);
            }
        }
    }

    /**
     * Takes the request statefully: its server transaction, 100 Trying for an INVITE and a response
     * context; null when the request is a retransmission or the node sets up too many calls.
     */
    @Nullable ProxyBranches open(RequestEvent event, Request request, String loopHash,
            ForkContext.@Nullable Parties parties, ForkContext.@Nullable Failover failover)
            throws ParseException, SipException, InvalidArgumentException {
        boolean invite = Request.INVITE.equals(request.getMethod());
        if (invite && invites.size() >= MAX_INVITES_IN_PROGRESS) {
            counters.requestShed();
            slots.release(JainSipMessages.callId(request));
            JainSipUnavailable.send(responder, request, "Too Many Calls In Set-Up", INVITES_FULL_RETRY_AFTER);
            return null;
        }
        ServerTransaction server = serverTransaction(event);
        if (server == null) {
            return null;
        }
        if (invite) {
            responder.send(server, responder.response(request, 100, "Trying"));
        }
        String inviteBranch = invite ? topBranch(request) : null;
        String callId = JainSipMessages.callId(request);
        boolean callOfOurs = invite && parties != null && parties.recordsInGrid();
        ForkContext context = new ForkContext(server, request, responder, dialogs, media, clock, nodeId, parties,
                inviteBranch == null ? status -> { } : status -> {
                    invites.remove(inviteBranch);
                    if (callOfOurs && status >= 300) {
                        slots.release(callId); // the call failed or was cancelled: its slots go back
                    }
                }, failover);
        if (inviteBranch != null) {
            invites.put(inviteBranch, context);
        }
        // The caller's own connection when it called over TCP or TLS, or its NAT pinhole over UDP (not a
        // member handing a call over): the callee's requests in the dialog go back through it.
        JainSipFlows.Flow callerConnection = parties != null && parties.recordsInGrid() && invite
                ? JainSipFlows.flowOf(JainSipMessages.source(request), contactOf(request)) : null;
        return new ProxyBranches(request, context, inviteBranch, loopHash, parties, callerConnection, self, responder,
                invites);
    }

    /**
     * ACK for a 2xx travels end to end along the route set; we forward it statelessly (section 16.11),
     * once the {@link DialogGuard} proved it. ACKs for our own non-2xx answers are absorbed: by the
     * transaction layer for stateful ones, by their To tag for the stateless ones (the 407 of every
     * call); any other ACK is stray and absorbed too, with no answer (an ACK has none).
     */
    void onAck(Request request) {
        String toTag = JainSipMessages.toTag(request);
        if (toTag.isEmpty()) {
            absorbStrayAck(request);
            return;
        }
        if (JainSipResponder.isOwnTag(request, toTag)) {
            // The ACK of this node's own stateless answer (a 407 challenge on every call): nothing to prove.
            return;
        }
        guard.check(request, toTag).whenComplete((verdict, failure) -> {
            try {
                if (failure == null && verdict instanceof DialogGuard.Verdict.Forward forward) {
                    if (forward.cseqShift() != 0) {
                        JainSipMessages.setCSeq(request, JainSipMessages.cseq(request) + forward.cseqShift());
                    }
                    forwardAck(request, toTag, forward.flow());
                } else {
                    absorbStrayAck(request);
                }
            } catch (Exception | StackOverflowError e) {
                failures.answer(request, e);
            }
        });
    }

    private void absorbStrayAck(Request request) {
        counters.inDialogRefusal();
        LOG.debug("absorbing a stray ACK, Call-ID {}", JainSipMessages.callId(request));
    }

    /** An ACK may carry the answer to an offer in a 2xx: relayed calls get it rewritten first. */
    private void forwardAck(Request request, String toTag, JainSipFlows.@Nullable Flow flow) {
        media.rewrite(request, request, false).whenComplete((ready, impossible) -> {
            try {
                sendAck(request, toTag, flow);
            } catch (Exception | StackOverflowError e) {
                failures.answer(request, e);
            }
        });
    }

    private void sendAck(Request request, String toTag, JainSipFlows.@Nullable Flow flow)
            throws ParseException, SipException, InvalidArgumentException {
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        if (maxForwards != null) {
            if (maxForwards.getMaxForwards() <= 0) {
                return;
            }
            maxForwards.decrementMaxForwards();
        }
        // The guard names a flow only for a request with no route left (JainSipSelf.popDialogRoute).
        boolean downTheFlow = flow != null && flows.holds(flow);
        if (downTheFlow) {
            flow.attachTo(request);
        }
        String loopHash = loopHash(request, toTag);
        ViaHeader top = (ViaHeader) request.getHeader(ViaHeader.NAME);
        String incomingBranch = top.getBranch() == null ? top.toString() : top.getBranch();
        String transport = downTheFlow ? flow.transport().toLowerCase(java.util.Locale.ROOT)
                : JainSipSelf.transportOf(nextHop(request));
        request.addFirst(self.statelessVia(transport, loopHash, incomingBranch));
        responder.provider().sendRequest(request);
    }

    void onCancel(RequestEvent event) throws ParseException, SipException, InvalidArgumentException {
        Request cancel = event.getRequest();
        ServerTransaction server = serverTransaction(event);
        if (server == null) {
            return;
        }
        ForkContext context = invites.get(topBranch(cancel));
        if (context == null) {
            responder.reject(server, cancel, 481, "Call/Transaction Does Not Exist");
            return;
        }
        responder.send(server, responder.response(cancel, 200, "OK"));
        context.cancel();
    }

    void onResponse(ResponseEvent event) {
        Response response = event.getResponse();
        ClientTransaction branch = event.getClientTransaction();
        if (branch == null) {
            relayStray(response);
            return;
        }
        if (branch.getApplicationData() instanceof ForkContext context) {
            context.onResponse(branch, response);
        } else if (branch.getApplicationData() instanceof JainSipProbes.Pending probe) {
            probe.answered(response.getStatusCode());
        }
    }

    void onTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            return;
        }
        if (event.getClientTransaction().getApplicationData() instanceof ForkContext context) {
            context.branchFailed(event.getClientTransaction(), 408);
        } else if (event.getClientTransaction().getApplicationData() instanceof JainSipProbes.Pending probe) {
            probe.answered(408);
        }
    }

    /**
     * A response with no transaction (a 2xx retransmission): relay it if it carries our Via on top.
     * A 2xx to an INVITE whose dialog this node does not know yet is held back: its first copy is
     * still being handled on another thread (the node is busy), and a caller that got this copy
     * first would send an ACK that no dialog proves yet. The callee retransmits it (RFC 3261
     * section 13.3.1.4) until the first copy has been handled.
     */
    private void relayStray(Response response) {
        if (response.getStatusCode() == 503) {
            // Section 16.7 step 6: a downstream 503 never goes upstream as it is (it would tell the
            // caller that this node is overloaded); its transaction is gone, its caller has its answer.
            return;
        }
        ViaHeader top = (ViaHeader) response.getHeader(ViaHeader.NAME);
        if (top == null || !self.isOurVia(top)) {
            return;
        }
        if (response.getStatusCode() / 100 == 2 && Request.INVITE.equals(((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getMethod())
                && dialogs.local(new DialogId(JainSipMessages.callId(response), JainSipMessages.fromTag(response),
                        JainSipMessages.toTag(response))).isEmpty()) {
            LOG.debug("holding back a 2xx copy that overtook its dialog, Call-ID {}", JainSipMessages.callId(response));
            return;
        }
        Response upstream = (Response) response.clone();
        upstream.removeFirst(ViaHeader.NAME);
        if (upstream.getHeader(ViaHeader.NAME) == null) {
            return;
        }
        try {
            responder.send(upstream);
        } catch (SipException e) {
            LOG.debug("could not relay a stray {}: {}", response.getStatusCode(), e.getMessage());
        }
    }

    private boolean checkMaxForwards(Request request) throws ParseException, SipException, InvalidArgumentException {
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        if (maxForwards == null) {
            request.setHeader(responder.headers().createMaxForwardsHeader(DEFAULT_MAX_FORWARDS));
            return true;
        }
        if (maxForwards.getMaxForwards() <= 0) {
            responder.reject(request, 483, "Too Many Hops");
            return false;
        }
        maxForwards.decrementMaxForwards();
        return true;
    }

    private @Nullable ServerTransaction serverTransaction(RequestEvent event) throws SipException {
        ServerTransaction server = event.getServerTransaction();
        if (server != null) {
            return server;
        }
        try {
            return responder.provider().getNewServerTransaction(event.getRequest());
        } catch (TransactionAlreadyExistsException retransmission) {
            return null; // the transaction layer answers retransmissions itself
        } finally {
            // from now on the transaction absorbs the request's retransmissions
            responder.inHand().letGo(event.getRequest());
        }
    }

    private static @Nullable URI contactOf(Request request) {
        ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
        return contact == null || contact.getAddress() == null ? null : contact.getAddress().getURI();
    }

    private static String loopHash(Request request, String toTag) {
        List<String> routes = new ArrayList<>(1);
        ListIterator<?> iterator = request.getHeaders(RouteHeader.NAME);
        while (iterator != null && iterator.hasNext()) {
            routes.add(iterator.next().toString());
        }
        return LoopDetector.hash(request.getRequestURI().toString(), JainSipMessages.fromTag(request), toTag,
                JainSipMessages.callId(request), ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber(),
                routes);
    }

    /**
     * Removes the Proxy-Authorization values of our realm before the request goes on (RFC 3261
     * sections 20.28 and 22.3: they are for the proxy of that realm): the callee must never see the
     * caller's digest, which it could replay while the nonce lives. Values for other realms stay.
     */
    private static void consumeCredentials(Request request, String realm) {
        ListIterator<?> headers = request.getHeaders(ProxyAuthorizationHeader.NAME);
        if (headers == null || !headers.hasNext()) {
            return;
        }
        List<ProxyAuthorizationHeader> others = new ArrayList<>(1);
        while (headers.hasNext()) {
            ProxyAuthorizationHeader credentials = (ProxyAuthorizationHeader) headers.next();
            if (!realm.equalsIgnoreCase(credentials.getRealm())) {
                others.add(credentials);
            }
        }
        request.removeHeader(ProxyAuthorizationHeader.NAME);
        for (ProxyAuthorizationHeader credentials : others) {
            request.addHeader(credentials);
        }
    }

    private static URI nextHop(Request request) {
        RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
        return route != null ? route.getAddress().getURI() : request.getRequestURI();
    }

    private static String topBranch(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        String branch = via.getBranch();
        return (branch == null ? "" : branch) + "|" + via.getHost() + ":" + via.getPort();
    }
}
