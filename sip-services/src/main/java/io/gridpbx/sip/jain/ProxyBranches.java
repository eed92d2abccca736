package io.gridpbx.sip.jain;

import java.text.ParseException;
import java.util.Map;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.URI;
import javax.sip.header.RouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.jspecify.annotations.Nullable;

/** Makes the branches of one proxied request: each a copy to one target, with our Via and Record-Route. */
final class ProxyBranches {
    final Request request;
    final ForkContext context;
    final @Nullable String inviteBranch;
    final String loopHash;
    final ForkContext.@Nullable Parties parties;
    final JainSipFlows.@Nullable Flow callerConnection;
    final String inTransport;

    private final JainSipSelf self;
    private final JainSipResponder responder;
    private final Map<String, ForkContext> invites;
    /** What each branch adds to the request's CSeq (a caller's in-dialog request to a carrier that challenged). */
    private long cseqShift;

    ProxyBranches(Request request, ForkContext context, @Nullable String inviteBranch, String loopHash,
            ForkContext.@Nullable Parties parties, JainSipFlows.@Nullable Flow callerConnection, JainSipSelf self,
            JainSipResponder responder, Map<String, ForkContext> invites) {
        this.self = self;
        this.responder = responder;
        this.invites = invites;
        this.request = request;
        this.context = context;
        this.inviteBranch = inviteBranch;
        this.loopHash = loopHash;
        this.parties = parties;
        this.callerConnection = callerConnection;
        this.inTransport = ((ViaHeader) request.getHeader(ViaHeader.NAME)).getTransport();
    }

    /** A client transaction for one target, registered with the context, not sent yet. */
    ClientTransaction create(URI target, JainSipFlows.@Nullable Reach reach)
            throws ParseException, SipException, InvalidArgumentException {
        Request out = (Request) request.clone();
        out.setRequestURI(target);
        if (cseqShift != 0) {
            JainSipMessages.setCSeq(out, JainSipMessages.cseq(request) + cseqShift);
        }
        JainSipFlows.Flow ownConnection = reach instanceof JainSipFlows.Direct direct ? direct.flow() : null;
        if (ownConnection != null) {
            ownConnection.attachTo(out);
        } else if (reach instanceof JainSipFlows.Handoff handoff) {
            out.addFirst(self.handoffRoute(handoff.node(), handoff.flow(), JainSipMessages.callId(request),
                    JainSipMessages.fromTag(request)));
        }
        String outTransport = ownConnection != null ? ownConnection.transport() : JainSipSelf.transportOf(nextHop(out));
        if (parties != null && inviteBranch != null) {
            // Only INVITE dialogs are recorded and proven; other dialog-creating requests (SUBSCRIBE,
            // REFER outside a call) leave their in-dialog requests to go end to end.
            self.addRecordRoutes(out, inTransport, outTransport, JainSipMessages.callId(request),
                    JainSipMessages.fromTag(request), ownConnection, callerConnection);
        }
        out.addFirst(self.via(outTransport.toLowerCase(java.util.Locale.ROOT), loopHash));
        ClientTransaction branch = responder.provider().getNewClientTransaction(out);
        branch.setApplicationData(context);
        context.addBranch(branch);
        return branch;
    }

    void shiftCSeq(long shift) {
        cseqShift = shift;
    }

    /**
     * A branch that answers a challenge: the challenged branch's request sent again with the next CSeq
     * (RFC 3261 section 22.2), the credentials in {@code header}, and a Via of its own (a new transaction).
     */
    ClientTransaction answering(ClientTransaction challenged, String header, String credentials)
            throws ParseException, SipException, InvalidArgumentException {
        Request out = (Request) challenged.getRequest().clone();
        ViaHeader ours = (ViaHeader) out.getHeader(ViaHeader.NAME);
        out.removeFirst(ViaHeader.NAME);
        JainSipMessages.setCSeq(out, JainSipMessages.cseq(out) + 1);
        out.setHeader(responder.headers().createHeader(header, credentials));
        out.addFirst(self.via(ours.getTransport().toLowerCase(java.util.Locale.ROOT), loopHash));
        ClientTransaction branch = responder.provider().getNewClientTransaction(out);
        branch.setApplicationData(context);
        context.addBranch(branch);
        return branch;
    }

    /** Forgets the context of a request none of whose branches went out. */
    void abandon() {
        if (inviteBranch != null) {
            invites.remove(inviteBranch, context);
        }
    }

    private static URI nextHop(Request request) {
        RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
        return route != null ? route.getAddress().getURI() : request.getRequestURI();
    }
}
