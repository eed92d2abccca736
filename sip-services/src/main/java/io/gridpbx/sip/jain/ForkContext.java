package io.gridpbx.sip.jain;

import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.dialog.DialogId;
import io.gridpbx.core.location.AddressOfRecord;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sip.ClientTransaction;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.TransactionState;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The response context of one proxied request (RFC 3261 section 16.7): its server transaction, the
 * client transactions of its branches, the best final response so far, and whether a final response
 * went upstream. Every method runs under the context's lock; sends are short and non-blocking.
 */
final class ForkContext {

    private static final Logger LOG = LoggerFactory.getLogger(ForkContext.class);

    /**
     * Who called whom, for dialog tracking of an initial INVITE.
     *
     * @param recordsInGrid false on the member that only relays a call down the callee's connection
     *                      for another: that one keeps the dialog in its memory (for the ACK and the
     *                      2xx retransmissions), the member that routed the call records it in the grid
     * @param sheet         what the call's record learns as it is set up; null for a call that keeps none
     */
    record Parties(AddressOfRecord caller, AddressOfRecord callee, boolean recordsInGrid, @Nullable CallSheet sheet) {

        Parties(AddressOfRecord caller, AddressOfRecord callee, boolean recordsInGrid) {
            this(caller, callee, recordsInGrid, null);
        }
    }

    /** The longest a call's funds may keep it up before this node ends it: beyond, the grid's dialog timeout holds. */
    private static final long LONGEST_FUNDED_SECONDS = 30L * 86_400;

    /**
     * What a call does when every branch failed: its next gateway, or where the callee's forwarding
     * sends it (serial forking: RFC 3261 section 16.6 step 8 lets a proxy try targets in turn).
     */
    interface Failover {
        /**
         * Sends the call on, as new branches of the context; false when it goes nowhere else, and the
         * best answer so far goes to the caller.
         *
         * @param last the last branch's final answer
         * @param rang whether a 180 or 183 came since the call last moved on
         */
        boolean sendNext(ForkContext context, Response last, boolean rang);

        /** Whether the call tried more than one target, so that its final answer names its cause (RFC 3326). */
        boolean triedSeveral();

        /** Whether the call is on a carrier now: their challenges are this node's to answer, never the caller's. */
        default boolean onCarrier() {
            return false;
        }

        /** The current target rings (its first 180 or 183). */
        default void ringing(ForkContext context) {
        }

        /**
         * A branch got a 401 or 407: true when the failover answered the challenge on a new branch of
         * the context (a carrier it holds credentials for, not yet answered on this attempt).
         */
        default boolean answerChallenge(ForkContext context, ClientTransaction challenged, Response challenge) {
            return false;
        }
    }

    private final ServerTransaction server;
    private final Request request;
    private final JainSipResponder responder;
    private final DialogTracker dialogs;
    private final JainSipMedia media;
    private final Clock clock;
    private final String nodeId;
    private final @Nullable Parties parties;
    /** Told the status of the final answer the caller got, once. */
    private final java.util.function.IntConsumer onFinal;
    private final @Nullable Failover failover;
    /** Branches given up for their silence: a late 2xx still answers the call, anything else is dropped. */
    private final Set<ClientTransaction> abandoned = new HashSet<>();
    /** A 180 or 183 came: the callee is being alerted, so the call stays on this gateway. */
    private boolean rang;
    /** The answer the caller gets once the branches this node cancelled have answered (a no-answer timeout). */
    private @Nullable Response giveUp;
    private final List<ClientTransaction> pending = new ArrayList<>(2);
    private final Set<ClientTransaction> cancelWhenProceeding = new HashSet<>();
    /** The keys of the early dialogs this INVITE set up (1xx with a To tag), forgotten at its final response. */
    private final List<String> earlyDialogs = new ArrayList<>(1);
    private @Nullable Response best;
    private boolean finalSent;
    /** The status of the final answer that went upstream: a 2xx, or the best failure. */
    private int finalStatus;
    private boolean canceled;

    ForkContext(ServerTransaction server, Request request, JainSipResponder responder, DialogTracker dialogs,
            JainSipMedia media, Clock clock, String nodeId, @Nullable Parties parties, java.util.function.IntConsumer onFinal) {
        this(server, request, responder, dialogs, media, clock, nodeId, parties, onFinal, null);
    }

    ForkContext(ServerTransaction server, Request request, JainSipResponder responder, DialogTracker dialogs,
            JainSipMedia media, Clock clock, String nodeId, @Nullable Parties parties, java.util.function.IntConsumer onFinal,
            @Nullable Failover failover) {
        this.failover = failover;
        this.media = media;
        this.server = server;
        this.request = request;
        this.responder = responder;
        this.dialogs = dialogs;
        this.clock = clock;
        this.nodeId = nodeId;
        this.parties = parties;
        this.onFinal = onFinal;
    }

    synchronized void addBranch(ClientTransaction branch) {
        pending.add(branch);
    }

    /**
     * A trunk branch that sent no response at all within the route's time: the call goes on to the next
     * gateway, and the branch is cancelled if it ever answers provisionally (section 9.1).
     */
    synchronized void branchSilent(ClientTransaction branch) {
        if (finalSent || !pending.contains(branch) || branch.getState() != TransactionState.CALLING) {
            return;
        }
        branchFailed(branch, 408);
        abandoned.add(branch);
        cancelWhenProceeding.add(branch);
    }

    /** Whether the request to this branch got no answer yet, not even 100 Trying. */
    synchronized boolean silent(ClientTransaction branch) {
        return pending.contains(branch) && branch.getState() == TransactionState.CALLING;
    }

    /**
     * An attempt that never became a branch (its gateway was at its cap) counts as this final answer
     * from it: the call goes on to its next target, or the caller gets the best answer so far.
     */
    synchronized void attemptFailed(int status, String reason) {
        if (finalSent) {
            return;
        }
        try {
            finalResponse(null, responder.response(request, status, reason), 0);
        } catch (ParseException impossible) {
            LOG.warn("cannot build a {} for an attempt", status, impossible);
        }
    }

    /** A branch could not be sent or timed out: it counts as the given final response (408, 503). */
    synchronized void branchFailed(ClientTransaction branch, int status) {
        try {
            Response synthesized = responder.response(request, status,
                    status == 408 ? "Request Timeout" : "Service Unavailable");
            finalResponse(branch, synthesized, 0);
        } catch (ParseException impossible) {
            LOG.warn("cannot build a {} for a failed branch", status, impossible);
        }
    }

    /**
     * A response from a branch. A relayed call's description in it is rewritten first; that completes at
     * once unless the relay opens a stream (an offer in a 2xx), and the response is then handled when it does.
     */
    void onResponse(ClientTransaction branch, Response received) {
        if (received.getStatusCode() == 100) {
            return; // hop by hop: we sent our own 100 Trying (section 16.7 step 3)
        }
        Response upstream = (Response) received.clone();
        upstream.removeFirst(ViaHeader.NAME);
        // A branch sent again to answer a carrier's challenge went out with a higher CSeq: the caller
        // hears of its own.
        long shift = JainSipMessages.cseq(upstream) - JainSipMessages.cseq(request);
        if (shift != 0) {
            JainSipMessages.setCSeq(upstream, JainSipMessages.cseq(request));
        }
        media.rewrite(upstream, request, true).whenComplete((ready, impossible) -> relay(branch, upstream, shift));
    }

    private synchronized void relay(ClientTransaction branch, Response upstream, long shift) {
        int status = upstream.getStatusCode();
        if (abandoned.contains(branch) && status < 200) {
            if (cancelWhenProceeding.remove(branch)) {
                sendCancel(branch);
            }
            return;
        }
        if (status < 200) {
            trackEarlyDialog(upstream, shift);
            if (cancelWhenProceeding.remove(branch)) {
                sendCancel(branch);
            }
            if (!rang && (status == 180 || status == 183)) {
                rang = true;
                if (failover != null) {
                    failover.ringing(this);
                }
            }
            if (!finalSent) {
                send(upstream);
            }
            return;
        }
        finalResponse(branch, upstream, shift);
    }

    private void finalResponse(@Nullable ClientTransaction branch, Response upstream, long shift) {
        int status = upstream.getStatusCode();
        if (status >= 300 && abandoned.contains(branch)) {
            return; // counted as 408 when it was given up
        }
        if ((status == 401 || status == 407) && !finalSent && !canceled && failover != null
                && failover.answerChallenge(this, branch, upstream)) {
            pending.remove(branch); // the carrier's challenge is answered on a new branch, with credentials
            cancelWhenProceeding.remove(branch);
            return;
        }
        pending.remove(branch);
        cancelWhenProceeding.remove(branch);
        if (status < 300) {
            if (finalSent) {
                if (Request.INVITE.equals(request.getMethod())) {
                    trackDialog(upstream, shift); // another fork answered too: the caller will ACK and BYE it
                    forwardStatelessly(upstream); // section 16.7 step 5: every 2xx to an INVITE goes upstream
                }
                return;
            }
            finalSent = true;
            finalStatus = status;
            // The dialog is known before the 2xx leaves, so that its ACK, however fast, finds it.
            trackDialog(upstream, shift);
            send(upstream);
            cancelPending();
            finished();
            return;
        }
        if (finalSent) {
            return;
        }
        if (best == null || rank(status) < rank(best.getStatusCode())) {
            best = upstream;
        }
        if (status >= 600) {
            cancelPending(); // section 16.7 step 5: a 6xx ends the search
        }
        if (pending.isEmpty()) {
            if (failover != null && !canceled && giveUp == null && failover.sendNext(this, upstream, rang)) {
                return;
            }
            finalSent = true;
            sendBest();
            finished();
        }
    }

    /** Whether the caller has its final answer, or cancelled: a call that moves on later must not. */
    synchronized boolean over() {
        return finalSent || canceled;
    }

    /** The call moves on to new targets: what the last ones answered no longer counts. */
    synchronized void retarget() {
        best = null;
        rang = false;
    }

    /**
     * Stops ringing the current branches (a no-answer timer): {@code moveOn} runs first, under the
     * context's lock, so that the failover knows why the branches end; they are cancelled, and when
     * they have answered the call goes on through the failover.
     */
    synchronized void stopRinging(java.util.function.BooleanSupplier moveOn) {
        if (finalSent || canceled || !moveOn.getAsBoolean()) {
            return;
        }
        cancelPending();
    }

    /**
     * Ends the call with {@code status} once the branches it cancels answered: a call that rang
     * through a carrier for too long (no Timer C in the stack).
     */
    synchronized void giveUp(int status, String reason) {
        if (finalSent || canceled) {
            return;
        }
        try {
            giveUp = responder.response(request, status, reason);
        } catch (ParseException impossible) {
            LOG.warn("cannot build a {}", status, impossible);
            return;
        }
        cancelPending();
        if (pending.isEmpty()) {
            finalSent = true;
            sendBest();
            finished();
        }
    }

    /** Ends the request with this answer when no branch could be made at all. */
    synchronized void answer(int status, String reason) {
        if (finalSent) {
            return;
        }
        try {
            best = responder.response(request, status, reason);
        } catch (ParseException impossible) {
            LOG.warn("cannot build a {}", status, impossible);
        }
        finalSent = true;
        sendBest();
        finished();
    }

    /** CANCEL from upstream (section 16.10): cancel every branch; the final answer becomes 487. */
    synchronized void cancel() {
        canceled = true;
        cancelPending();
        if (pending.isEmpty() && !finalSent) {
            finalSent = true;
            sendBest();
            finished();
        }
    }

    private void sendBest() {
        try {
            Response chosen = best;
            if (canceled) {
                chosen = responder.response(request, 487, "Request Terminated");
            } else if (giveUp != null) {
                chosen = giveUp;
            } else if (chosen == null) {
                chosen = responder.response(request, 408, "Request Timeout");
            } else if (failover != null && failover.triedSeveral()) {
                giveReason(chosen);
            }
            if ((chosen.getStatusCode() == 401 || chosen.getStatusCode() == 407) && failover != null
                    && failover.onCarrier()) {
                // A carrier that refused our credentials: the caller has none to give it.
                chosen.removeHeader("WWW-Authenticate");
                chosen.removeHeader("Proxy-Authenticate");
                chosen.setStatusCode(500);
                chosen.setReasonPhrase("Carrier Refused Our Credentials");
            } else if (chosen.getStatusCode() / 100 == 3 && failover != null && failover.onCarrier()) {
                // A carrier's redirect this node did not follow: never the caller's to follow either.
                chosen.removeHeader("Contact");
                chosen.setStatusCode(480);
                chosen.setReasonPhrase("Redirect Not Followed");
            } else if (chosen.getStatusCode() == 503) {
                // Section 16.7 step 6: a 503 from downstream would make the caller avoid this proxy.
                chosen.setStatusCode(500);
                chosen.setReasonPhrase("Downstream Unavailable");
            } else if (chosen.getStatusCode() == 430 && parties != null && parties.recordsInGrid()) {
                // RFC 5626 section 5.3: the member holding the callee's connection lost it. For the
                // caller the callee is not reachable now, which 480 says (430 is for the proxy).
                chosen.setStatusCode(480);
                chosen.setReasonPhrase("Temporarily Unavailable");
            }
            finalStatus = chosen.getStatusCode();
            send(chosen);
            if (parties != null && Request.INVITE.equals(request.getMethod())) {
                media.end(JainSipMessages.callId(request)); // the call failed or was cancelled: nothing to relay
            }
        } catch (ParseException impossible) {
            LOG.warn("cannot build the final response", impossible);
        }
    }

    /**
     * RFC 3326: the answer of a call that tried its gateways in turn names, in a Reason header, what the
     * last gateway chosen answered, since a 503 becomes 500 and a synthesized 408 says nothing of whom.
     */
    private void giveReason(Response chosen) {
        if (chosen.getHeader("Reason") != null) {
            return;
        }
        try {
            String text = chosen.getReasonPhrase() == null ? "" : chosen.getReasonPhrase().replace("\"", "'");
            chosen.addHeader(responder.headers().createHeader("Reason",
                    "SIP;cause=" + chosen.getStatusCode() + ";text=\"" + text + "\""));
        } catch (ParseException impossible) {
            LOG.debug("no Reason header for {}: {}", chosen.getStatusCode(), impossible.getMessage());
        }
    }

    private void cancelPending() {
        if (!Request.INVITE.equals(request.getMethod())) {
            return;
        }
        for (ClientTransaction branch : List.copyOf(pending)) {
            if (branch.getState() == TransactionState.PROCEEDING) {
                sendCancel(branch);
            } else if (branch.getState() == TransactionState.CALLING) {
                cancelWhenProceeding.add(branch); // section 9.1: no CANCEL before a provisional response
            }
        }
    }

    private void sendCancel(ClientTransaction branch) {
        try {
            Request cancel = branch.createCancel();
            responder.provider().getNewClientTransaction(cancel).sendRequest();
        } catch (SipException e) {
            LOG.debug("could not cancel a branch: {}", e.getMessage());
        }
    }

    private void finished() {
        dialogs.earlyOver(earlyDialogs);
        recordUnanswered();
        onFinal.accept(finalStatus);
    }

    /** A call of ours that got no 2xx gets its record here, on the node that routed it. */
    private void recordUnanswered() {
        CallSheet sheet = parties == null ? null : parties.sheet();
        if (sheet == null || !parties.recordsInGrid() || finalStatus < 300 || !Request.INVITE.equals(request.getMethod())) {
            return;
        }
        var facts = sheet.unanswered(finalStatus);
        dialogs.unanswered(io.gridpbx.core.dialog.Cdr.unanswered(JainSipMessages.callId(request), facts.chargedClient(),
                parties.caller(), parties.callee(), clock.millis(), nodeId, finalStatus, facts));
    }

    /**
     * A provisional response with a To tag to an initial INVITE sets up an early dialog (RFC 3261
     * section 12.1): PRACK, UPDATE or INFO may be sent in it before the call is answered.
     */
    private void trackEarlyDialog(Response provisional, long shift) {
        if (parties == null || !Request.INVITE.equals(request.getMethod())
                || JainSipMessages.toTag(provisional).isEmpty()) {
            return;
        }
        Dialog between = DialogOf.between(request, provisional, parties.caller(), parties.callee(), clock.millis(), nodeId);
        Dialog early = between == null ? null : between.withCSeqShift(shift);
        if (early != null) {
            if (!earlyDialogs.contains(early.id().key())) {
                earlyDialogs.add(early.id().key());
            }
            dialogs.early(early);
        }
    }

    private void trackDialog(Response ok, long shift) {
        String method = request.getMethod();
        DialogId id = new DialogId(JainSipMessages.callId(ok), JainSipMessages.fromTag(ok), JainSipMessages.toTag(ok));
        if (parties != null && Request.INVITE.equals(method)) {
            Dialog dialog = DialogOf.between(request, ok, parties.caller(), parties.callee(), clock.millis(), nodeId);
            Dialog confirmed = (dialog != null ? dialog
                    : new Dialog(id, parties.caller(), parties.callee(), clock.millis(), nodeId)).withCSeqShift(shift);
            if (parties.recordsInGrid()) {
                CallSheet sheet = parties.sheet();
                long funded = sheet == null || !sheet.timed() ? Long.MAX_VALUE
                        : Math.min(sheet.fundedSeconds(), LONGEST_FUNDED_SECONDS);
                if (sheet != null) {
                    confirmed = confirmed.withFacts(sheet.answered(ok.getStatusCode()),
                            funded == Long.MAX_VALUE ? 0 : confirmed.startedAtMillis() + funded * 1000);
                }
                dialogs.answered(request, ok, shift, funded);
                dialogs.confirmed(confirmed);
            } else {
                dialogs.relayed(confirmed);
            }
        } else if (parties == null && (Request.INVITE.equals(method) || Request.UPDATE.equals(method))) {
            // A target refresh (section 12.2): both ends may have given new Contacts.
            dialogs.refreshed(id, JainSipMessages.fromTag(request), DialogOf.contactOf(request), DialogOf.contactOf(ok));
        } else if (Request.BYE.equals(method)) {
            // Either party may hang up (RFC 3261 section 15.1.1); DialogId.key() ignores the direction.
            dialogs.ended(id, request);
        }
    }

    private void send(Response response) {
        try {
            if (server.getState() == TransactionState.TERMINATED) {
                forwardStatelessly(response);
            } else {
                responder.send(server, response);
            }
        } catch (SipException | javax.sip.InvalidArgumentException | RuntimeException e) {
            LOG.debug("could not send {} upstream on the transaction, sending statelessly: {}",
                    response.getStatusCode(), e.getMessage());
            forwardStatelessly(response);
        }
    }

    private void forwardStatelessly(Response response) {
        try {
            responder.send(response);
        } catch (SipException e) {
            LOG.debug("could not forward {} upstream: {}", response.getStatusCode(), e.getMessage());
        }
    }

    /** Section 16.7 step 6: a 6xx beats everything, then the lowest class wins. */
    private static int rank(int status) {
        return status >= 600 ? 0 : status / 100;
    }
}
