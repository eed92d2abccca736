package io.gridpbx.sip.jain;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jspecify.annotations.Nullable;

/**
 * Ends a confirmed call from the middle, as a proxy that anchors its media must when the media stops
 * (what Kamailio's dialog module does for rtpengine's timeout): a BYE to each party, as if the other had
 * hung up (RFC 3261 section 15.1.1), along the part of the route set beyond this node and down the
 * phone's connection or NAT pinhole when this node holds it. What that takes is learnt from the
 * initial INVITE and its 2xx as they pass.
 */
final class JainSipHangup {

    /** One party as the BYE to it needs it: its own From/To identity, its target and the routes to it. */
    private record Party(Address address, String tag, URI target, List<Address> routes,
            JainSipFlows.@Nullable Flow flow) {
    }

    private final JainSipResponder responder;
    private final JainSipSelf self;
    private final String callId;
    private final Party caller;
    private final Party callee;
    private volatile long callerCSeq;
    private volatile long calleeCSeq;
    /** What the callee's side adds to the caller's CSeqs ({@link io.gridpbx.core.dialog.Dialog#cseqShift}). */
    private volatile long callerShift;

    private JainSipHangup(JainSipResponder responder, JainSipSelf self, String callId, Party caller, Party callee,
            long callerCSeq) {
        this.responder = responder;
        this.self = self;
        this.callId = callId;
        this.caller = caller;
        this.callee = callee;
        this.callerCSeq = callerCSeq;
    }

    /**
     * What ending the call of this INVITE and its 2xx (as this node received both) takes, or null when the
     * 2xx does not show this node in its Record-Route (then the dialog's requests do not pass here).
     */
    static @Nullable JainSipHangup of(JainSipResponder responder, JainSipSelf self, Request invite, Response ok) {
        List<Address> recorded = new ArrayList<>();
        ListIterator<?> headers = ok.getHeaders(RecordRouteHeader.NAME);
        while (headers != null && headers.hasNext()) {
            recorded.add(((RecordRouteHeader) headers.next()).getAddress());
        }
        JainSipSelf.OwnRecordRoute ours = self.locate(recorded.stream().map(Address::getURI).toList());
        ContactHeader callerContact = (ContactHeader) invite.getHeader(ContactHeader.NAME);
        ContactHeader calleeContact = (ContactHeader) ok.getHeader(ContactHeader.NAME);
        if (ours == null || callerContact == null || calleeContact == null) {
            return null;
        }
        // Towards the caller: the entries below ours, as the callee's UA would use them after ours.
        List<Address> towardsCaller = List.copyOf(recorded.subList(ours.last() + 1, recorded.size()));
        // Towards the callee: the entries above ours, in the caller's order (reversed).
        List<Address> towardsCallee = new ArrayList<>(recorded.subList(0, ours.first()));
        java.util.Collections.reverse(towardsCallee);
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        ToHeader to = (ToHeader) ok.getHeader(ToHeader.NAME);
        Party caller = new Party(from.getAddress(), from.getTag(), callerContact.getAddress().getURI(), towardsCaller,
                ours.callerFlow());
        Party callee = new Party(to.getAddress(), to.getTag(), calleeContact.getAddress().getURI(),
                List.copyOf(towardsCallee), ours.calleeFlow());
        long cseq = ((javax.sip.header.CSeqHeader) invite.getHeader(javax.sip.header.CSeqHeader.NAME)).getSeqNumber();
        return new JainSipHangup(responder, self, JainSipMessages.callId(invite), caller, callee, cseq);
    }

    /** The dialog this ends, as the grid keys it. */
    io.gridpbx.core.dialog.DialogId dialogId() {
        return new io.gridpbx.core.dialog.DialogId(callId, caller.tag(), callee.tag());
    }

    /** Keeps the highest CSeq each party used in the dialog, so that the BYE on its behalf goes above it. */
    void observe(Request request, boolean fromCaller) {
        long cseq = ((javax.sip.header.CSeqHeader) request.getHeader(javax.sip.header.CSeqHeader.NAME)).getSeqNumber();
        if (fromCaller) {
            callerCSeq = Math.max(callerCSeq, cseq);
        } else {
            calleeCSeq = Math.max(calleeCSeq, cseq);
        }
    }

    /** The callee took the INVITE with a CSeq {@code shift} above the caller's: the BYE in the caller's name goes above it. */
    void shiftCallerCSeq(long shift) {
        callerShift = shift;
    }

    /** Sends both BYEs; one that cannot be sent does not keep the other from going. */
    void hangUp() throws SipException {
        SipException failed = null;
        try {
            send(callee, caller, callerCSeq + callerShift + 1);
        } catch (SipException | ParseException | InvalidArgumentException e) {
            failed = new SipException("BYE to the callee of " + callId + ": " + e.getMessage(), e);
        }
        try {
            send(caller, callee, calleeCSeq + 1);
        } catch (SipException | ParseException | InvalidArgumentException e) {
            failed = new SipException("BYE to the caller of " + callId + ": " + e.getMessage(), e);
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** A BYE to {@code to}, in the name of {@code from}. */
    private void send(Party to, Party from, long cseq) throws SipException, ParseException, InvalidArgumentException {
        var headers = responder.headers();
        CallIdHeader callIdHeader = headers.createCallIdHeader(callId);
        URI target = (URI) to.target().clone();
        String transport = to.flow() != null && to.routes().isEmpty() ? to.flow().transport().toLowerCase(java.util.Locale.ROOT)
                : JainSipSelf.transportOf(to.routes().isEmpty() ? target : to.routes().getFirst().getURI());
        ViaHeader via = self.via(transport, "hangup-" + callId);
        Request bye = responder.messages().createRequest(target, Request.BYE, callIdHeader,
                headers.createCSeqHeader(cseq, Request.BYE), headers.createFromHeader(from.address(), from.tag()),
                headers.createToHeader(to.address(), to.tag()), new ArrayList<>(List.of(via)),
                headers.createMaxForwardsHeader(70));
        for (Address route : to.routes()) {
            bye.addHeader(headers.createRouteHeader(route));
        }
        if (to.routes().isEmpty() && to.flow() != null) {
            to.flow().attachTo(bye);
        }
        responder.provider().getNewClientTransaction(bye).sendRequest();
    }
}
