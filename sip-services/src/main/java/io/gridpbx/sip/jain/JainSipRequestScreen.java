package io.gridpbx.sip.jain;

import io.gridpbx.sip.SipCounters;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import javax.sip.SipException;
import javax.sip.header.ProxyRequireHeader;
import javax.sip.header.RequireHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The checks a request passes before anything acts on it, and so before any digest challenge: a
 * bad message is refused for its form, never challenged (RFC 4475 section 1). In order:
 * <ul>
 * <li>a SIP version other than 2.0: 505 (section 21.5.7);</li>
 * <li>a header the parser could not read, or a second value of a single-valued one: 400 naming it
 * (section 21.4.1);</li>
 * <li>a Request-URI whose scheme is neither sip nor sips: 416 (sections 8.2.2.1 and 16.3 step 2);</li>
 * <li>a Proxy-Require naming any option: 420 with Unsupported (section 16.3 step 5, this proxy
 * supports no extension);</li>
 * <li>a Require naming any option, where the node is the UAS (the registrar, an OPTIONS to the node
 * itself): 420 with Unsupported (section 8.2.2.3). A proxied request's Require is for the UAS and
 * passes untouched (section 16.3), so an INVITE with {@code Require: 100rel} reaches the callee.</li>
 * </ul>
 * A request whose Via names a transport the node does not listen on cannot be answered and is
 * dropped. An ACK is never answered (section 17.2.1): a bad one is dropped; a CANCEL's Require is ignored
 * (section 8.2.2.3).
 */
final class JainSipRequestScreen {

    private final JainSipResponder responder;
    private final SipCounters counters;

    JainSipRequestScreen(JainSipResponder responder, SipCounters counters) {
        this.responder = responder;
        this.counters = counters;
    }

    /** Whether the request may be handled; when not, it has been answered (or, an ACK, dropped). */
    boolean admits(Request request, boolean nodeIsUas) throws ParseException, SipException {
        boolean ack = Request.ACK.equals(request.getMethod());
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        if (responder.provider().getListeningPoint(via.getTransport()) == null) {
            // RFC 3261 section 18.2.2: the answer goes back over the Via's transport; one this node
            // does not speak ("UEP", found by SipFuzzIT) leaves no way to answer
            counters.malformed();
            return false;
        }
        MessageFault fault = MessageFault.of(request);
        if (fault != null) {
            return refuse(ack, request, fault.status(), fault.reason());
        }
        String scheme = request.getRequestURI().getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("sip") && !scheme.equals("sips")) {
            return refuse(ack, request, 416, "Unsupported URI Scheme");
        }
        if (ack || Request.CANCEL.equals(request.getMethod())) {
            return true;
        }
        List<String> unsupported = optionTags(request, ProxyRequireHeader.NAME);
        if (unsupported.isEmpty() && nodeIsUas) {
            unsupported = optionTags(request, RequireHeader.NAME);
        }
        if (unsupported.isEmpty()) {
            return true;
        }
        counters.rejection();
        Response response = responder.response(request, 420, "Bad Extension");
        for (String tag : unsupported) {
            response.addHeader(responder.headers().createUnsupportedHeader(tag));
        }
        responder.send(response);
        return false;
    }

    /** Whether a response may be relayed; a malformed one is dropped and counted (RFC 4475 section 3.1.2.4). */
    boolean admits(Response response) {
        if (MessageFault.of(response) == null) {
            return true;
        }
        counters.malformed();
        return false;
    }

    private boolean refuse(boolean ack, Request request, int status, String reason)
            throws ParseException, SipException {
        if (ack) {
            counters.malformed();
        } else {
            responder.reject(request, status, reason);
        }
        return false;
    }

    private static List<String> optionTags(Request request, String headerName) {
        ListIterator<?> headers = request.getHeaders(headerName);
        if (headers == null || !headers.hasNext()) {
            return List.of();
        }
        List<String> tags = new ArrayList<>(2);
        while (headers.hasNext()) {
            // a Proxy-Require is a Require to JAIN-SIP (ProxyRequireHeader extends RequireHeader)
            String tag = ((RequireHeader) headers.next()).getOptionTag();
            if (tag != null && !tag.isBlank() && !tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return tags;
    }
}
