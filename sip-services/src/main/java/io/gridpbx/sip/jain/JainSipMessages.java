package io.gridpbx.sip.jain;

import io.gridpbx.core.auth.DigestAuthenticator.DigestChallenge;
import io.gridpbx.core.auth.DigestResponse;
import io.gridpbx.core.location.AddressOfRecord;
import gov.nist.javax.sip.message.SIPMessage;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jspecify.annotations.Nullable;

/** Conversions between JAIN-SIP messages and the stack-free types of core. */
final class JainSipMessages {

    private JainSipMessages() {
    }

    /** The address of record named by a SIP URI, or null when the URI is not a SIP URI with a user. */
    static @Nullable AddressOfRecord aorOf(URI uri) {
        if (!(uri instanceof SipURI sip) || sip.getUser() == null || sip.getUser().isEmpty()) {
            return null;
        }
        try {
            return new AddressOfRecord(sip.getUser(), sip.getHost());
        } catch (IllegalArgumentException bad) {
            return null;
        }
    }

    static long cseq(Message message) {
        return ((javax.sip.header.CSeqHeader) message.getHeader(javax.sip.header.CSeqHeader.NAME)).getSeqNumber();
    }

    /** Sets the number of a message's CSeq, keeping its method. */
    static void setCSeq(Message message, long number) {
        try {
            ((javax.sip.header.CSeqHeader) message.getHeader(javax.sip.header.CSeqHeader.NAME)).setSeqNumber(number);
        } catch (javax.sip.InvalidArgumentException outOfRange) {
            throw new IllegalArgumentException("CSeq out of range: " + number, outOfRange);
        }
    }

    static String callId(Message message) {
        return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
    }

    static String fromTag(Message message) {
        String tag = ((FromHeader) message.getHeader(FromHeader.NAME)).getTag();
        return tag == null ? "" : tag;
    }

    static String toTag(Message message) {
        String tag = ((ToHeader) message.getHeader(ToHeader.NAME)).getTag();
        return tag == null ? "" : tag;
    }

    /** {@code transport:host:port} of the packet that carried the message, as the registrar stores it. */
    static String source(Message message) {
        SIPMessage sip = (SIPMessage) message;
        ViaHeader via = (ViaHeader) message.getHeader(ViaHeader.NAME);
        String transport = via == null ? "udp" : via.getTransport().toLowerCase(java.util.Locale.ROOT);
        String host = sip.getPeerPacketSourceAddress() != null
                ? sip.getPeerPacketSourceAddress().getHostAddress()
                : sip.getRemoteAddress() == null ? "?" : sip.getRemoteAddress().getHostAddress();
        int port = sip.getPeerPacketSourcePort() > 0 ? sip.getPeerPacketSourcePort() : sip.getRemotePort();
        return transport + ":" + host + ":" + port;
    }

    /** A header's value as written, whatever class the stack parsed it into. */
    static String headerValue(javax.sip.header.Header header) {
        String line = header.toString();
        return line.substring(line.indexOf(':') + 1).strip();
    }

    /** The IP address the message came from (the packet's source, not what its Via claims). */
    static String sourceAddress(Message message) {
        SIPMessage sip = (SIPMessage) message;
        if (sip.getPeerPacketSourceAddress() != null) {
            return sip.getPeerPacketSourceAddress().getHostAddress();
        }
        return sip.getRemoteAddress() == null ? "?" : sip.getRemoteAddress().getHostAddress();
    }

    /** Every well-formed digest answer among the request's headers of that name (Authorization or Proxy-Authorization). */
    static List<DigestResponse> digestResponses(Request request, String headerName) {
        ListIterator<?> headers = request.getHeaders(headerName);
        if (headers == null || !headers.hasNext()) {
            return List.of();
        }
        List<DigestResponse> answers = new ArrayList<>(1);
        while (headers.hasNext()) {
            AuthorizationHeader h = (AuthorizationHeader) headers.next();
            if (!"Digest".equalsIgnoreCase(h.getScheme())) {
                continue;
            }
            String username = h.getParameter("username");
            String realm = h.getParameter("realm");
            String nonce = h.getParameter("nonce");
            String uri = h.getParameter("uri");
            String response = h.getParameter("response");
            if (username == null || realm == null || nonce == null || uri == null || response == null) {
                continue; // RFC 7616 section 3.4: a header without these can never match; it earns a new challenge
            }
            answers.add(new DigestResponse(username, realm, nonce, uri, response, h.getParameter("algorithm"),
                    h.getParameter("qop"), h.getParameter("nc"), h.getParameter("cnonce")));
        }
        return answers;
    }

    /** Adds one WWW-Authenticate or Proxy-Authenticate header per challenge, in the order given. */
    static void addChallenges(Response response, HeaderFactory headers, List<DigestChallenge> challenges,
            boolean proxy) throws ParseException {
        for (DigestChallenge c : challenges) {
            WWWAuthenticateHeader h = proxy
                    ? headers.createProxyAuthenticateHeader("Digest")
                    : headers.createWWWAuthenticateHeader("Digest");
            h.setRealm(c.realm());
            h.setNonce(c.nonce());
            h.setAlgorithm(c.algorithm().token());
            h.setQop("auth");
            if (c.stale()) {
                h.setStale(true);
            }
            response.addHeader(h);
        }
    }
}
