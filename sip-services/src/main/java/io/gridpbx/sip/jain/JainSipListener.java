package io.gridpbx.sip.jain;

import io.gridpbx.sip.SipCounters;
import io.gridpbx.sip.overload.OverloadGate;
import io.gridpbx.sip.overload.Urgency;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of every message the stack delivers. It turns requests away first when the node is
 * overloaded ({@link OverloadGate}, before any grid or digest work) and dispatches by method. What
 * needs the grid goes on asynchronously on its callback threads; a failure here or there meets the
 * same wall ({@link JainSipFailures}).
 */
final class JainSipListener implements SipListener {

    private static final Logger LOG = LoggerFactory.getLogger(JainSipListener.class);
    private static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, MESSAGE, INFO, UPDATE, PRACK, REFER, NOTIFY, SUBSCRIBE, PUBLISH";

    private final JainSipResponder responder;
    private final JainSipSelf self;
    private final JainSipRegistrar registrar;
    private final JainSipProxy proxy;
    private final JainSipPresence presence;
    private final SipCounters counters;
    private final JainSipRequestScreen screen;
    private final OverloadGate gate;
    private final JainSipQueueDelay queueDelay;
    private final JainSipFailures failures;
    private final java.util.concurrent.atomic.AtomicBoolean draining = new java.util.concurrent.atomic.AtomicBoolean();

    JainSipListener(JainSipResponder responder, JainSipSelf self, JainSipRegistrar registrar, JainSipProxy proxy,
            JainSipPresence presence, SipCounters counters, OverloadGate gate, JainSipQueueDelay queueDelay,
            JainSipFailures failures) {
        this.presence = presence;
        this.failures = failures;
        this.responder = responder;
        this.screen = new JainSipRequestScreen(responder, counters);
        this.self = self;
        this.registrar = registrar;
        this.proxy = proxy;
        this.counters = counters;
        this.gate = gate;
        this.queueDelay = queueDelay;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        counters.request();
        try {
            Urgency urgency = urgencyOf(request);
            long delay = queueDelay.ofCurrentRequest();
            // A new request that came by UDP was let in by the door, as part of the share the node
            // can serve: shedding it here as well would cut that share twice, at the cost of a parse.
            Urgency judged = urgency == Urgency.NEW && queueDelay.currentCameByDatagram() ? Urgency.FOLLOW_UP : urgency;
            if (!gate.admits(judged, delay)) {
                shed(request);
                return;
            }
            String method = request.getMethod();
            CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
            if (!method.equals(cseq.getMethod())) {
                if (!Request.ACK.equals(method)) {
                    responder.reject(request, 400, "CSeq Method Does Not Match Request Method");
                }
                return;
            }
            boolean presenceServes = presence.takes(request);
            boolean nodeIsUas = Request.REGISTER.equals(method) || Request.OPTIONS.equals(method) && isForThisNode(request)
                    || presenceServes;
            if (!screen.admits(request, nodeIsUas)) {
                return;
            }
            if (draining.get() && isNewWork(request, urgency)) {
                JainSipUnavailable.send(responder, request, "Draining", gate.settings().retryAfter());
                return;
            }
            if (isDecidedAsync(event, method) && !responder.inHand().take(request, System.nanoTime())) {
                counters.retransmissionAbsorbed();
                return;
            }
            switch (method) {
                case Request.REGISTER -> registrar.onRegister(request);
                case Request.ACK -> proxy.onAck(request);
                case Request.CANCEL -> proxy.onCancel(event);
                case Request.OPTIONS -> {
                    if (isForThisNode(request)) {
                        answerOptions(request);
                    } else {
                        proxy.onRequest(event);
                    }
                }
                default -> {
                    if (presenceServes) {
                        presence.on(request);
                    } else {
                        proxy.onRequest(event);
                    }
                }
            }
        } catch (Exception | StackOverflowError e) {
            failures.answer(request, e);
        }
    }

    /**
     * Whether the request's answer waits on the grid with no server transaction to absorb its
     * retransmissions meanwhile ({@link RequestsInHand}): anything but ACK (never answered), CANCEL
     * (matched to its INVITE's transaction by the stack) and what already has its transaction.
     */
    private static boolean isDecidedAsync(RequestEvent event, String method) {
        return event.getServerTransaction() == null && !Request.ACK.equals(method) && !Request.CANCEL.equals(method);
    }

    /**
     * What turning the request away would waste (see {@link Urgency}). Only header presence is read:
     * no parsing of values, no grid, no digest.
     */
    private Urgency urgencyOf(Request request) {
        String method = request.getMethod();
        if (Request.ACK.equals(method) || Request.CANCEL.equals(method) || Request.BYE.equals(method)
                || !JainSipMessages.toTag(request).isEmpty()
                || Request.OPTIONS.equals(method) && isForThisNode(request)) {
            return Urgency.ESSENTIAL;
        }
        if (request.getHeader(AuthorizationHeader.NAME) != null
                || request.getHeader(ProxyAuthorizationHeader.NAME) != null) {
            return Urgency.FOLLOW_UP;
        }
        return Urgency.NEW;
    }

    /** Starts turning new work away; true the first time. */
    boolean drain() {
        return draining.compareAndSet(false, true);
    }

    boolean draining() {
        return draining.get();
    }

    /**
     * What a draining node turns away: anything outside a dialog, and the keepalive OPTIONS of phones
     * and load balancers (which then mark the node down); CANCEL, ACK and in-dialog requests go on.
     */
    private boolean isNewWork(Request request, Urgency urgency) {
        String method = request.getMethod();
        if (Request.CANCEL.equals(method) || Request.ACK.equals(method)) {
            return false;
        }
        return urgency != Urgency.ESSENTIAL || Request.OPTIONS.equals(method) && isForThisNode(request);
    }

    /** RFC 3261 section 21.5.4: this node is overloaded. */
    private void shed(Request request) {
        counters.requestShed();
        JainSipUnavailable.send(responder, request, "Overloaded", gate.settings().retryAfter());
    }

    /** OPTIONS to the node itself (no user part, our address, no further route): a keepalive or a probe. */
    private boolean isForThisNode(Request request) {
        RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
        if (route != null && !self.isOurs(route.getAddress().getURI())) {
            return false;
        }
        return JainSipMessages.aorOf(request.getRequestURI()) == null || self.isOurs(request.getRequestURI())
                && ((javax.sip.address.SipURI) request.getRequestURI()).getUser() == null;
    }

    private void answerOptions(Request request) throws Exception {
        var response = responder.response(request, 200, "OK");
        for (String method : ALLOW.split(", ")) {
            response.addHeader(responder.headers().createAllowHeader(method));
        }
        response.addHeader(responder.headers().createHeader("Accept", "application/sdp"));
        responder.send(response);
    }

    @Override
    public void processResponse(ResponseEvent event) {
        try {
            if (!screen.admits(event.getResponse())) {
                return;
            }
            if (event.getClientTransaction() != null
                    && event.getClientTransaction().getApplicationData() instanceof JainSipRegistrations.Pending register) {
                register.answered(event.getResponse()); // this node's own REGISTER to a carrier
                return;
            }
            if (event.getClientTransaction() != null
                    && event.getClientTransaction().getApplicationData() instanceof JainSipNotifier.Pending notify) {
                notify.answered(event.getResponse()); // a NOTIFY of the presence server
                return;
            }
            proxy.onResponse(event);
        } catch (RuntimeException e) {
            counters.failure();
            LOG.warn("failed to relay a {} response: {}", event.getResponse().getStatusCode(), e.toString());
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        try {
            if (!event.isServerTransaction()
                    && event.getClientTransaction().getApplicationData() instanceof JainSipRegistrations.Pending register) {
                register.silent();
                return;
            }
            if (!event.isServerTransaction()
                    && event.getClientTransaction().getApplicationData() instanceof JainSipNotifier.Pending notify) {
                notify.silent();
                return;
            }
            proxy.onTimeout(event);
        } catch (RuntimeException e) {
            counters.failure();
            LOG.warn("failed to handle a transaction timeout: {}", e.toString());
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.debug("I/O error towards {}:{} over {}", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // Nothing to release: contexts leave the CANCEL table when their final response goes out.
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // The stack tracks no dialogs (AUTOMATIC_DIALOG_SUPPORT is off); the grid does.
    }
}
