package io.gridpbx.sip.jain;

import io.gridpbx.core.location.Binding;
import io.gridpbx.core.media.CallMedia;
import io.gridpbx.core.media.CallSide;
import io.gridpbx.core.media.MediaRelay;
import io.gridpbx.core.media.NatDetection;
import io.gridpbx.core.tenancy.NatPolicy;
import io.gridpbx.core.media.RelayedSdp;
import io.gridpbx.core.media.sdp.SdpParseException;
import io.gridpbx.core.media.sdp.SessionDescription;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media anchoring of the calls this node routes: whether a call's media goes through this node's
 * relay (the caller's client decides: always, when either party is behind NAT, or never), and the
 * rewrite of every description of a relayed call as it passes, in requests and responses, both ways
 * (RFC 3264 offer/answer in any message: INVITE, 18x, 2xx, ACK, re-INVITE, UPDATE, PRACK). The call's
 * ports are returned when it fails, is cancelled or ends with BYE. Only the node that routed the
 * initial INVITE anchors a call; a member that relays it down a phone's connection leaves the
 * descriptions alone.
 */
final class JainSipMedia {

    private static final Logger LOG = LoggerFactory.getLogger(JainSipMedia.class);

    /**
     * A description the call cannot carry: answered with this status and reason, nothing forwarded
     * (status 0: a copy of a request already in hand, dropped without an answer).
     */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }
    }

    /**
     * A relayed call on this node: its media, the From tag of its initial INVITE (the caller's), the
     * INVITE, and once it is answered, what ending it from here takes.
     */
    private static final class Anchored {
        final CallMedia media;
        final String callerTag;
        final Request invite;
        volatile @Nullable JainSipHangup hangup;

        Anchored(CallMedia media, String callerTag, Request invite) {
            this.media = media;
            this.callerTag = callerTag;
            this.invite = invite;
        }

        CallSide sideOf(Message request) {
            return JainSipMessages.fromTag(request).equals(callerTag) ? CallSide.CALLER : CallSide.CALLEE;
        }
    }

    private final @Nullable MediaRelay relay;
    private final Function<String, NatPolicy> policyOfClient;
    private final JainSipResponder responder;
    private final JainSipSelf self;
    private final DialogTracker dialogs;
    private final Map<String, Anchored> calls = new ConcurrentHashMap<>();

    /**
     * @param relay          this node's relay, or null when the node relays no media
     * @param policyOfClient the media policy of a client domain
     */
    JainSipMedia(@Nullable MediaRelay relay, Function<String, NatPolicy> policyOfClient, JainSipResponder responder,
            JainSipSelf self, DialogTracker dialogs) {
        this.relay = relay;
        this.policyOfClient = policyOfClient;
        this.responder = responder;
        this.self = self;
        this.dialogs = dialogs;
    }

    /** Calls this node relays now. */
    int relayedCalls() {
        return calls.size();
    }

    /**
     * Decides whether an initial INVITE's media goes through this node and, if so, puts the relay in its
     * offer. The stage completes when the request is ready to forward; it fails with {@link Refused}
     * for a description that cannot be read (488) or a relay with no port left (503).
     */
    CompletionStage<Void> anchor(Request invite, String clientDomain, List<Binding> callees,
            List<javax.sip.address.URI> contacts) {
        if (relay == null || !relays(invite, clientDomain, callees, contacts)) {
            return CompletableFuture.completedFuture(null);
        }
        SessionDescription offer;
        try {
            offer = description(invite);
        } catch (SdpParseException unreadable) {
            return CompletableFuture.failedFuture(new Refused(488, unreadable.reason()));
        }
        String callId = JainSipMessages.callId(invite);
        Anchored call = new Anchored(new CallMedia(callId, relay), JainSipMessages.fromTag(invite), (Request) invite.clone());
        if (calls.putIfAbsent(callId, call) != null) {
            // A copy of an INVITE already being anchored (retransmitted before its transaction existed):
            // the first one carries the call; this one is dropped, as the transaction layer would.
            return CompletableFuture.failedFuture(new Refused(0, "retransmission"));
        }
        if (offer == null) {
            return CompletableFuture.completedFuture(null); // the offer comes in the 2xx, the answer in the ACK
        }
        return call.media.relay(CallSide.CALLER, offer).handle((relayed, failure) -> {
            if (failure != null) {
                end(callId);
                throw new Refused(503, "Media Relay Unavailable");
            }
            setBody(invite, relayed);
            return null;
        });
    }

    private boolean relays(Request invite, String clientDomain, List<Binding> callees, List<javax.sip.address.URI> contacts) {
        NatPolicy policy = policyOfClient.apply(clientDomain);
        return switch (policy) {
            case ALWAYS -> true;
            case NEVER -> false;
            case WHEN_NAT -> callerBehindNat(invite) || java.util.stream.IntStream.range(0, callees.size())
                    .anyMatch(i -> behindNat(callees.get(i), contacts.get(i)));
        };
    }

    private static boolean callerBehindNat(Request invite) {
        ContactHeader contact = (ContactHeader) invite.getHeader(ContactHeader.NAME);
        String contactHost = contact != null && contact.getAddress().getURI() instanceof SipURI sip ? sip.getHost() : "";
        SessionDescription sdp;
        try {
            sdp = description(invite);
        } catch (SdpParseException unreadable) {
            sdp = null; // refused when anchored; without a relay the callee judges it
        }
        return NatDetection.behindNat(JainSipMessages.sourceAddress(invite), contactHost, sdp);
    }

    private static boolean behindNat(Binding callee, javax.sip.address.URI contact) {
        JainSipFlows.Flow source = JainSipFlows.Flow.split(callee.source(), ':');
        return source != null && contact instanceof SipURI sip && NatDetection.behindNat(source.host(), sip.getHost(), null);
    }

    /**
     * Rewrites the description of a message of a relayed call (a request in the dialog, or a response
     * to a request whose sender is {@code requestSender}) towards the other party. Completes at once
     * unless a new stream needs ports; a message of a call this node does not relay passes unchanged.
     */
    CompletionStage<Void> rewrite(Message message, Request request, boolean isResponse) {
        Anchored call = calls.get(JainSipMessages.callId(request));
        if (call == null) {
            return CompletableFuture.completedFuture(null);
        }
        CallSide sender = call.sideOf(request);
        CallSide from = isResponse ? sender.other() : sender;
        learn(call, message, request, isResponse, sender);
        SessionDescription received;
        try {
            received = description(message);
        } catch (SdpParseException unreadable) {
            LOG.debug("description of Call-ID {} passes as it is: {}", JainSipMessages.callId(request), unreadable.reason());
            return CompletableFuture.completedFuture(null);
        }
        if (received == null) {
            return CompletableFuture.completedFuture(null);
        }
        return call.media.relay(from, received).handle((relayed, failure) -> {
            if (failure != null) {
                LOG.warn("description of Call-ID {} passes as it is: {}", JainSipMessages.callId(request), failure.toString());
            } else {
                setBody(message, relayed);
            }
            return null;
        });
    }

    /** Learns from a message of an anchored call what ending it from here takes: the 2xx, and each side's CSeqs. */
    private void learn(Anchored call, Message message, Request request, boolean isResponse, CallSide sender) {
        if (isResponse && message instanceof javax.sip.message.Response ok && ok.getStatusCode() / 100 == 2
                && Request.INVITE.equals(request.getMethod()) && JainSipMessages.toTag(request).isEmpty()
                && call.hangup == null) {
            call.hangup = JainSipHangup.of(responder, self, call.invite, ok);
        }
        JainSipHangup hangup = call.hangup;
        if (!isResponse && hangup != null) {
            hangup.observe(request, sender == CallSide.CALLER);
        }
    }

    /** The call ended (BYE), failed or was cancelled: its ports go back to the relay. */
    void end(String callId) {
        Anchored call = calls.remove(callId);
        if (call != null) {
            call.media.close();
        }
    }

    /**
     * Ends a relayed call whose media stopped: a BYE to each party, the dialog ended in the grid with
     * that reason in its CDR, the ports given back. False for a call this node does not anchor.
     */
    boolean hangUp(String callId, String disposition) {
        Anchored call = calls.get(callId);
        if (call == null) {
            return false;
        }
        JainSipHangup hangup = call.hangup;
        if (hangup == null) {
            return true; // ringing, no early media: the INVITE's own timers and its final answer end it
        }
        calls.remove(callId, call);
        call.media.close();
        try {
            hangup.hangUp();
        } catch (javax.sip.SipException unsent) {
            LOG.warn("media timeout of Call-ID {}: {}", callId, unsent.getMessage());
        }
        dialogs.ended(hangup.dialogId(), disposition);
        LOG.info("ended Call-ID {} ({}): its media stopped; a BYE went to each party", callId, disposition);
        return true;
    }

    /** The SDP body of a message, or null when it carries none. */
    private static @Nullable SessionDescription description(Message message) throws SdpParseException {
        ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        byte[] body = message.getRawContent();
        if (type == null || body == null || body.length == 0 || !"application".equalsIgnoreCase(type.getContentType())
                || !"sdp".equalsIgnoreCase(type.getContentSubType())) {
            return null;
        }
        return SessionDescription.parse(body);
    }

    private static void setBody(Message message, RelayedSdp relayed) {
        try {
            message.setContent(relayed.sdp().bytes(), (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME));
        } catch (ParseException impossible) {
            throw new IllegalStateException("the Content-Type was read from this message", impossible);
        }
    }
}
