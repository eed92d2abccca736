package io.gridpbx.sip.jain;

import io.gridpbx.core.store.StoreUnavailableException;
import io.gridpbx.sip.SipCounters;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wall no failure passes, on the listener's thread and on the grid's callback threads alike: a
 * request whose grid call missed its deadline gets 503 with Retry-After, one whose handling failed
 * gets a 500 and one log line, one whose sender is gone gets nothing; the node goes on.
 */
final class JainSipFailures {

    private static final Logger LOG = LoggerFactory.getLogger(JainSipFailures.class);
    /**
     * Retry-After of a 503 for a grid that did not answer in time: a member that stopped answering
     * is declared dead within 5 s and its backups promoted, then the request can succeed.
     */
    private static final Duration GRID_RETRY_AFTER = Duration.ofSeconds(5);

    private final JainSipResponder responder;
    private final SipCounters counters;

    JainSipFailures(JainSipResponder responder, SipCounters counters) {
        this.responder = responder;
        this.counters = counters;
    }

    /** Answers a request whose handling threw {@code failure} (or completed with it). */
    void answer(Request request, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        boolean ack = Request.ACK.equals(request.getMethod());
        if (cause instanceof StoreUnavailableException late) {
            counters.gridTimeout();
            LOG.debug("503 for {} (Call-ID {}): {}", request.getMethod(), callIdOf(request), late.getMessage());
            if (!ack) {
                JainSipUnavailable.send(responder, request, "Grid Unavailable", GRID_RETRY_AFTER);
            }
            return;
        }
        if (senderUnreachable(cause)) {
            // RFC 3261 section 18.2.2: the connection the request came on is gone and the Via's
            // sent-by refuses a new one; the sender is gone, nothing was wrong with the handling
            LOG.debug("cannot answer {} (Call-ID {}): {}", request.getMethod(), callIdOf(request), cause.toString());
            return;
        }
        counters.failure();
        LOG.warn("failed to handle {} (Call-ID {})", request.getMethod(), callIdOf(request), cause);
        if (!ack) {
            try {
                responder.send(responder.response(request, 500, "Server Internal Error"));
            } catch (Exception ignored) {
                // nothing more to do: the request could not even be answered
            }
        }
    }

    /** An answer that could not be sent because the sender's transport is gone (found by SipFuzzIT over TCP). */
    static boolean senderUnreachable(Throwable e) {
        if (closedUnderTheSender(e)) {
            return true;
        }
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

    static String callIdOf(Request request) {
        try {
            return JainSipMessages.callId(request);
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /**
     * The RI's NIO transport losing a race with itself: a thread removing a closed connection's socket
     * drops the connection's lock and then releases whichever lock is mapped to that peer by then,
     * which is another sender's ({@code KeyedSemaphore.leaveIOCriticalSection}). The connection was
     * closed by the peer while this answer went to it: the answer has nowhere to go, as in section 18.2.2.
     */
    private static boolean closedUnderTheSender(Throwable e) {
        if (!(e instanceof IllegalMonitorStateException)) {
            return false;
        }
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().equals("gov.nist.javax.sip.stack.KeyedSemaphore")) {
                return true;
            }
        }
        return false;
    }
}
