package io.gridpbx.media.ng;

import io.gridpbx.core.media.AnnouncedMedia;
import io.gridpbx.core.media.IceCredentials;
import io.gridpbx.core.media.MediaFacts;
import io.gridpbx.core.media.RelayEndpoint;
import io.gridpbx.core.media.RelayPlan;
import io.gridpbx.core.media.RelayRewriter;
import io.gridpbx.core.media.RelayedSdp;
import io.gridpbx.core.media.sdp.SdpParseException;
import io.gridpbx.core.media.sdp.SessionDescription;
import io.gridpbx.media.relay.LegSpec;
import io.gridpbx.media.relay.MediaEndpoint;
import io.gridpbx.media.relay.MediaRelayServer;
import io.gridpbx.media.relay.PortPoolExhaustedException;
import io.gridpbx.media.relay.RelayLeg;
import io.gridpbx.media.relay.RelaySession;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The calls the proxy has opened here, and what {@code offer}, {@code answer}, {@code delete} and
 * {@code query} do to them. An offer or an answer is one rewrite: the description a party sent, with
 * the relay's endpoint facing the <em>other</em> party in place of the sender's, after telling the
 * sender's leg where the sender said it listens (its latch starts again, as on a re-INVITE).
 */
final class NgCalls {

    private static final String ICE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final MediaRelayServer relay;
    private final Clock clock;
    private final RandomGenerator random;
    private final Executor continuations;
    private final ConcurrentMap<String, NgCall> calls = new ConcurrentHashMap<>();

    /**
     * @param continuations where the rewrite runs once a call's sessions are open: the ng event loop,
     *                      so that SDP work stays off the relay's media loops
     */
    NgCalls(MediaRelayServer relay, Clock clock, RandomGenerator random, Executor continuations) {
        this.relay = relay;
        this.clock = clock;
        this.random = random;
        this.continuations = continuations;
    }

    int size() {
        return calls.size();
    }

    /** The offer of the party named by {@code from-tag}: the SDP to forward to the other party. */
    CompletableFuture<Map<String, Object>> offer(NgRequest request) {
        String callId = request.required("call-id", "No call-id in message");
        String fromTag = request.required("from-tag", "No from-tag in message");
        SessionDescription sdp = sdp(request);
        NgCall fresh = new NgCall(callId, fromTag, clock.instant(), iceCredentials());
        NgCall call = calls.computeIfAbsent(callId, id -> fresh);
        boolean created = call == fresh;
        int party = call.partyOf(fromTag);
        if (party < 0) {
            if (call.tag(NgCall.ANSWERER) != null) {
                throw new NgException("Invalid dialogue association");
            }
            party = NgCall.ANSWERER; // the called party re-offers before its answer named it
        }
        call.name(party, fromTag, request.string("via-branch").orElse(null));
        request.string("to-tag").filter(tag -> !tag.isEmpty() && !tag.equals(fromTag))
                .ifPresent(toTag -> call.name(other(call.partyOf(fromTag)), toTag, null));
        CompletableFuture<Map<String, Object>> reply = relayFrom(call, call.partyOf(fromTag), sdp, request);
        if (created) {
            // A new call whose offer failed (no ports) leaves nothing behind.
            reply.whenComplete((ok, failure) -> {
                if (failure != null) {
                    forget(call);
                }
            });
        }
        return reply;
    }

    /** The answer of the party named by {@code to-tag}: the SDP to forward to the offerer. */
    CompletableFuture<Map<String, Object>> answer(NgRequest request) {
        String callId = request.required("call-id", "No call-id in message");
        String fromTag = request.required("from-tag", "No from-tag in message");
        NgCall call = calls.get(callId);
        if (call == null) {
            throw new NgException("Unknown call-id");
        }
        SessionDescription sdp = sdp(request);
        int offerer = call.partyOf(fromTag);
        if (offerer < 0) {
            throw new NgException("Call-ID not found or tags didn't match");
        }
        int answerer = other(offerer);
        String toTag = request.string("to-tag").filter(tag -> !tag.isEmpty()).orElse(null);
        if (toTag != null) {
            call.name(answerer, toTag, request.string("via-branch").orElse(null));
        }
        return relayFrom(call, answerer, sdp, request);
    }

    /** Closes the call's sessions; the reply comes once their ports are back in the pool. */
    CompletableFuture<Map<String, Object>> delete(NgRequest request) {
        String callId = request.required("call-id", "No call-id in message");
        NgCall call = calls.get(callId);
        if (call == null) {
            throw new NgException("Call-ID not found or tags didn't match");
        }
        return forget(call).thenApply(closed -> NgReplies.ok());
    }

    /** The call's figures, as rtpengine's query answers them. */
    CompletableFuture<Map<String, Object>> query(NgRequest request) {
        String callId = request.required("call-id", "No call-id in message");
        NgCall call = calls.get(callId);
        if (call == null) {
            throw new NgException("Unknown call-id");
        }
        return NgCallStats.of(call);
    }

    /**
     * Deletes the calls none of whose streams has carried RTP for {@code timeout} ({@code holdTimeout}
     * while held), and those without streams signalled no later than {@code timeout} ago: the proxy
     * lost them (rtpengine's {@code timeout}).
     */
    int expireIdle(Duration timeout, Duration holdTimeout) {
        int expired = 0;
        for (NgCall call : calls.values()) {
            if (idle(call, timeout, holdTimeout)) {
                forget(call);
                expired++;
            }
        }
        return expired;
    }

    /** Closes every call; the relay closes with the node. */
    void closeAll() {
        calls.values().forEach(this::forget);
    }

    private boolean idle(NgCall call, Duration timeout, Duration holdTimeout) {
        if (Duration.between(call.lastSignal(), clock.instant()).compareTo(timeout) < 0) {
            return false;
        }
        for (CompletableFuture<RelaySession> stream : call.streams().values()) {
            if (!stream.isDone()) {
                return false;
            }
            RelaySession session = stream.isCompletedExceptionally() ? null : stream.join();
            if (session != null && !session.isClosed()
                    && session.idleFor().compareTo(session.isOnHold() ? holdTimeout : timeout) < 0) {
                return false;
            }
        }
        return true;
    }

    private CompletableFuture<Void> forget(NgCall call) {
        calls.remove(call.callId(), call);
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (CompletableFuture<RelaySession> stream : call.delete()) {
            // A session still opening is closed as soon as it is open.
            closing.add(stream.handle((session, failure) -> session)
                    .thenCompose(session -> session == null ? CompletableFuture.completedFuture(null) : session.close()));
        }
        return CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new));
    }

    /** Opens the streams the description adds, then rewrites it for the other party. */
    private CompletableFuture<Map<String, Object>> relayFrom(NgCall call, int party, SessionDescription sdp,
            NgRequest request) {
        call.signalled(clock.instant());
        List<AnnouncedMedia> announced = MediaFacts.announced(sdp);
        List<CompletableFuture<RelaySession>> needed = new ArrayList<>();
        synchronized (call) {
            for (AnnouncedMedia media : announced) {
                if (media.disabled()) {
                    continue;
                }
                CompletableFuture<RelaySession> stream = call.stream(media.index());
                if (stream == null) {
                    stream = relay.open(relayCallId(call, media.index()), legs(call));
                    call.stream(media.index(), stream, media.media(),
                            sdp.media().get(media.index()).mediaLine().proto());
                }
                needed.add(stream);
            }
        }
        InetAddress source = sourceAddress(request);
        boolean forceIce = request.string("ice").map(NgRequest::normal).filter("force"::equals).isPresent();
        return CompletableFuture.allOf(needed.toArray(CompletableFuture[]::new))
                .handleAsync((opened, failure) -> {
                    if (failure != null) {
                        throw openFailure(failure);
                    }
                    if (call.deleted()) {
                        throw new NgException("Call deleted while its offer was processed");
                    }
                    return rewrite(call, party, sdp, announced, source, forceIce, request);
                }, continuations);
    }

    private Map<String, Object> rewrite(NgCall call, int party, SessionDescription sdp, List<AnnouncedMedia> announced,
            @Nullable InetAddress source, boolean forceIce, NgRequest request) {
        Map<Integer, RelayEndpoint> endpoints = new HashMap<>();
        synchronized (call) {
            for (AnnouncedMedia media : announced) {
                if (media.disabled()) {
                    continue;
                }
                RelaySession session = call.stream(media.index()).join();
                RelayLeg sender = session.legs().get(party);
                InetAddress address = source != null ? source : literal(media.address());
                sender.expect(address, media.rtpPort(), media.rtcpPort());
                session.onHold(media.held());
                MediaEndpoint facing = session.legs().get(other(party)).localEndpoint();
                // RTCP on its own port: what every party can answer (RFC 5761 section 5.1.1), rtpengine's "demux".
                endpoints.put(media.index(), new RelayEndpoint(facing.host(), facing.rtpPort(), facing.rtcpPort(),
                        false));
            }
            RelayPlan plan = forceIce ? RelayPlan.withRelayCandidates(endpoints, call.iceCredentials())
                    : RelayPlan.removingIce(endpoints);
            RelayedSdp out = RelayRewriter.rewrite(sdp, plan, call.sentTo(other(party)));
            call.sentTo(other(party), out.state());
            Map<String, Object> reply = NgReplies.ok();
            reply.put("sdp", out.sdp().bytes());
            List<String> mux = request.words("rtcp-mux");
            if (mux.contains("offer") || mux.contains("require")) {
                reply.put("warning", "rtcp-mux is not offered: RTCP is demultiplexed");
            }
            return reply;
        }
    }

    private static RuntimeException openFailure(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof NgException ng) {
            return ng;
        }
        return cause instanceof PortPoolExhaustedException
                ? new NgException("Ran out of ports")
                : new NgException("Failed to open the relay: " + cause.getMessage());
    }

    private static SessionDescription sdp(NgRequest request) {
        byte[] body = request.bytes("sdp").filter(bytes -> bytes.length > 0)
                .orElseThrow(() -> new NgException("No SDP body in message"));
        try {
            return SessionDescription.parse(body);
        } catch (SdpParseException e) {
            throw new NgException("Failed to parse SDP: " + e.reason());
        }
    }

    /**
     * The sender's address when the proxy says the SDP's is not to be trusted: rtpengine's
     * {@code SIP-source-address} flag with {@code received-from}, or {@code media-address}.
     */
    private static @Nullable InetAddress sourceAddress(NgRequest request) {
        var mediaAddress = request.string("media-address");
        if (mediaAddress.isPresent()) {
            return literalOrNull(mediaAddress.get());
        }
        List<String> receivedFrom = request.strings("received-from");
        if (request.hasFlag("SIP-source-address") && receivedFrom.size() == 2) {
            return literalOrNull(receivedFrom.get(1));
        }
        return null;
    }

    private List<LegSpec> legs(NgCall call) {
        String offerer = call.tag(NgCall.OFFERER);
        String answerer = call.tag(NgCall.ANSWERER);
        if (answerer == null || answerer.equals(offerer)) {
            answerer = offerer + ";answerer"; // not known before the answer: a label, never a dialog tag
        }
        return List.of(LegSpec.pair(offerer), LegSpec.pair(answerer));
    }

    private static String relayCallId(NgCall call, int index) {
        return "ng:" + call.callId() + "#" + index;
    }

    private IceCredentials iceCredentials() {
        return new IceCredentials(iceChars(8), iceChars(24));
    }

    private String iceChars(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ICE_CHARS.charAt(random.nextInt(ICE_CHARS.length())));
        }
        return out.toString();
    }

    private static int other(int party) {
        return 1 - party;
    }

    private static InetAddress literal(String address) {
        InetAddress parsed = literalOrNull(address);
        return parsed != null ? parsed : InetAddress.ofLiteral("0.0.0.0");
    }

    /** An IP literal, or null for anything else (a host name in SDP: the latch learns the source instead). */
    private static @Nullable InetAddress literalOrNull(String address) {
        try {
            return address.isEmpty() ? null : InetAddress.ofLiteral(address);
        } catch (IllegalArgumentException notLiteral) {
            return null;
        }
    }
}
