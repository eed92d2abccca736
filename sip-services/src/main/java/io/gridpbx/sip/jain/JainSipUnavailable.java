package io.gridpbx.sip.jain;

import java.time.Duration;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way this node says 503 (RFC 3261 section 21.5.4): "this node cannot serve you now, come
 * back after Retry-After", sent statelessly (no transaction, no timers, nothing kept), so that a
 * retransmission costs the same again and no more. A phone or carrier avoids the node for that
 * time, which is why 503 is kept for overload and an unreachable grid and nothing else.
 */
final class JainSipUnavailable {

    private static final Logger LOG = LoggerFactory.getLogger(JainSipUnavailable.class);

    private JainSipUnavailable() {
    }

    static void send(JainSipResponder responder, Request request, String reason, Duration retryAfter) {
        try {
            Response response = responder.response(request, 503, reason);
            response.addHeader(responder.headers().createRetryAfterHeader((int) Math.max(1, retryAfter.toSeconds())));
            responder.send(response);
        } catch (Exception e) {
            LOG.debug("could not send a 503 for {}: {}", request.getMethod(), e.toString());
        }
    }
}
