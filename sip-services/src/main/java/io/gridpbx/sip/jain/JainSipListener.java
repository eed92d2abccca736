package io.gridpbx.sip.jain;

import io.gridpbx.sip.SipCounters;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of every message the stack delivers. It dispatches by method and is the wall that no
 * exception passes: a request whose handling fails gets a 500 and one log line, the node goes on.
 */
final class JainSipListener implements SipListener {

    private static final Logger LOG = LoggerFactory.getLogger(JainSipListener.class);
    private static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, MESSAGE, INFO, UPDATE, PRACK, REFER, NOTIFY";

    private final JainSipResponder responder;
    private final JainSipSelf self;
    private final JainSipRegistrar registrar;
    private final JainSipProxy proxy;
    private final SipCounters counters;
    private final JainSipRequestScreen screen;

    JainSipListener(JainSipResponder responder, JainSipSelf self, JainSipRegistrar registrar, JainSipProxy proxy,
            SipCounters counters) {
        this.responder = responder;
        this.screen = new JainSipRequestScreen(responder, counters);
        this.self = self;
        this.registrar = registrar;
        this.proxy = proxy;
        this.counters = counters;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        counters.request();
        try {
            String method = request.getMethod();
            CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
            if (!method.equals(cseq.getMethod())) {
                if (!Request.ACK.equals(method)) {
                    responder.reject(request, 400, "CSeq Method Does Not Match Request Method");
                }
                return;
            }
            boolean nodeIsUas = Request.REGISTER.equals(method) || Request.OPTIONS.equals(method) && isForThisNode(request);
            if (!screen.admits(request, nodeIsUas)) {
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
                default -> proxy.onRequest(event);
            }
        } catch (Exception | StackOverflowError e) {
            if (JainSipListener.senderUnreachable(e)) {
                // RFC 3261 section 18.2.2: the connection the request came on is gone and the Via's
                // sent-by refuses a new one; the sender is gone, nothing was wrong with the handling
                LOG.debug("cannot answer {} (Call-ID {}): {}", request.getMethod(), safeCallId(request), e.toString());
                return;
            }
            counters.failure();
            LOG.warn("failed to handle {} (Call-ID {}): {}", request.getMethod(), safeCallId(request), e.toString());
            if (!Request.ACK.equals(request.getMethod())) {
                try {
                    responder.send(responder.response(request, 500, "Server Internal Error"));
                } catch (Exception ignored) {
                    // nothing more to do: the request could not even be answered
                }
            }
        }
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
            proxy.onResponse(event);
        } catch (RuntimeException e) {
            counters.failure();
            LOG.warn("failed to relay a {} response: {}", event.getResponse().getStatusCode(), e.toString());
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        try {
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

    /** An answer that could not be sent because the sender's transport is gone (found by SipFuzzIT over TCP). */
    static boolean senderUnreachable(Throwable e) {
        if (!(e instanceof javax.sip.SipException)) {
            return false;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.IOException) {
                return true;
            }
        }
        String message = e.getMessage();
        return message != null && (message.startsWith("Could not create a message channel")
                || message.equals("Connection refused"));
    }

    private static String safeCallId(Request request) {
        try {
            return JainSipMessages.callId(request);
        } catch (RuntimeException e) {
            return "?";
        }
    }
}
