package io.gridpbx.sip.jain;

import io.gridpbx.core.auth.DigestAuthenticator.DigestChallenge;
import io.gridpbx.core.security.EdgeGuard;
import io.gridpbx.sip.RejectionLog;
import io.gridpbx.sip.SipCounters;
import java.text.ParseException;
import java.util.List;
import java.util.zip.CRC32C;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jspecify.annotations.Nullable;

/** Builds and sends the responses this node generates itself, statelessly or on a transaction. */
final class JainSipResponder {

    private static final String OWN_TAG_PREFIX = "gp";

    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final RejectionLog rejections;
    private final SipCounters counters;
    private final EdgeGuard guard;
    private final RequestsInHand inHand = new RequestsInHand();

    JainSipResponder(SipProvider provider, MessageFactory messages, HeaderFactory headers, AddressFactory addresses,
            RejectionLog rejections, SipCounters counters, EdgeGuard guard) {
        this.provider = provider;
        this.messages = messages;
        this.headers = headers;
        this.addresses = addresses;
        this.rejections = rejections;
        this.counters = counters;
        this.guard = guard;
    }

    MessageFactory messages() {
        return messages;
    }

    HeaderFactory headers() {
        return headers;
    }

    AddressFactory addresses() {
        return addresses;
    }

    SipProvider provider() {
        return provider;
    }

    /**
     * A response to the request with a To tag of our own when it has none. The tag is derived from
     * the Call-ID and From tag so that a retransmitted request gets the same answer (RFC 3261
     * section 8.2.6.2).
     */
    Response response(Request request, int status, String reason) throws ParseException {
        Response response = messages.createResponse(status, request);
        response.setReasonPhrase(reason);
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (status > 100 && to.getTag() == null) {
            to.setTag(ownTag(request));
        }
        return response;
    }

    /**
     * Whether {@code toTag} is the one this node puts in its own answers to the request's Call-ID and
     * From tag: an ACK carrying it acknowledges a final response of this node (a 407 challenge, a
     * rejection) and ends there, with no dialog to look up (RFC 3261 section 17.2.1; Kamailio's sl
     * module absorbs such ACKs the same way).
     */
    static boolean isOwnTag(Request request, String toTag) {
        return toTag.startsWith(OWN_TAG_PREFIX) && toTag.equals(ownTag(request));
    }

    private static String ownTag(Request request) {
        CRC32C crc = new CRC32C();
        crc.update(JainSipMessages.callId(request).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        crc.update(JainSipMessages.fromTag(request).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return OWN_TAG_PREFIX + Long.toHexString(crc.getValue());
    }

    /** The requests being decided, let go here as each is answered. */
    RequestsInHand inHand() {
        return inHand;
    }

    /** Sends a response statelessly, back along the request's Via (received and rport honoured). */
    void send(Response response) throws SipException {
        counters.response(response.getStatusCode());
        inHand.letGo(response);
        provider.sendResponse(response);
    }

    /** Sends a response on its server transaction (statelessly without one); every response the node sends passes here. */
    void send(@Nullable ServerTransaction transaction, Response response)
            throws SipException, InvalidArgumentException {
        counters.response(response.getStatusCode());
        if (transaction == null) {
            inHand.letGo(response); // a request with a transaction was let go when it got it
            provider.sendResponse(response);
        } else {
            transaction.sendResponse(response);
        }
    }

    /**
     * A final refusal: logged (rate-limited) and counted. Every refusal the node generates passes here,
     * so this is where a source that keeps earning 403/404 (probing for domains and users) is told to
     * the edge guard. Without a transaction the answer is stateless: one per request received, never
     * retransmitted towards a source that may be spoofed.
     */
    void reject(Request request, int status, String reason) throws ParseException, SipException {
        reject(null, request, status, reason);
    }

    void reject(@Nullable ServerTransaction transaction, Request request, int status, String reason)
            throws ParseException, SipException {
        counters.rejection();
        rejections.rejected(status, reason, request.getMethod(), JainSipMessages.source(request));
        guard.rejected(JainSipMessages.sourceAddress(request), status);
        try {
            send(transaction, response(request, status, reason));
        } catch (InvalidArgumentException impossible) {
            throw new SipException("cannot send " + status, impossible);
        }
    }

    /**
     * 401 for the registrar, 407 for the proxy (RFC 3261 sections 22.2 and 22.3), sent statelessly:
     * one answer per request received, no retransmission timer towards a source that may be spoofed.
     *
     * @param failedUser {@code user@realm} when the request's answer was wrong: told to the edge guard,
     *                   which locks out a source that keeps guessing
     */
    void challenge(Request request, List<DigestChallenge> challenges, @Nullable String failedUser, boolean proxy)
            throws ParseException, SipException {
        Response response = response(request, proxy ? 407 : 401,
                proxy ? "Proxy Authentication Required" : "Unauthorized");
        JainSipMessages.addChallenges(response, headers, challenges, proxy);
        if (failedUser != null) {
            // before the answer goes out: the guesser's next request already meets the lockout
            guard.failedDigest(JainSipMessages.sourceAddress(request), failedUser);
        }
        send(response);
    }
}
