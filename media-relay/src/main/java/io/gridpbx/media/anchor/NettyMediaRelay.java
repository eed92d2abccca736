package io.gridpbx.media.anchor;

import io.gridpbx.core.media.AnnouncedMedia;
import io.gridpbx.core.media.CallSide;
import io.gridpbx.core.media.MediaRelay;
import io.gridpbx.core.media.RelayEndpoint;
import io.gridpbx.core.media.RelayUnavailableException;
import io.gridpbx.media.relay.MediaEndpoint;
import io.gridpbx.media.relay.MediaRelayServer;
import io.gridpbx.media.relay.PortPoolExhaustedException;
import io.gridpbx.media.relay.RelayLeg;
import io.gridpbx.media.relay.RelaySession;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Core's media relay port on this node's Netty relay: a call's stream {@code i} is the relay session
 * {@code callKey#i}, with the legs {@code caller} and {@code callee}. The sessions of a call are kept
 * here so that closing the call closes them all.
 */
public final class NettyMediaRelay implements MediaRelay {

    private final MediaRelayServer server;
    private final Map<String, List<RelaySession>> calls = new ConcurrentHashMap<>();

    public NettyMediaRelay(MediaRelayServer server) {
        this.server = server;
    }

    @Override
    public CompletionStage<RelayStream> stream(String callKey, int index) {
        return server.open(callKey + "#" + index, tag(CallSide.CALLER), tag(CallSide.CALLEE))
                .handle((session, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        throw cause instanceof PortPoolExhaustedException
                                ? new RelayUnavailableException("no relay port left", cause)
                                : new RelayUnavailableException("relay stream not opened: " + cause, cause);
                    }
                    // A call closed while this stream was opening leaves it silent: the idle sweep closes it.
                    calls.computeIfAbsent(callKey, key -> new CopyOnWriteArrayList<>()).add(session);
                    return new NettyStream(session);
                });
    }

    @Override
    public void close(String callKey) {
        List<RelaySession> sessions = calls.remove(callKey);
        if (sessions != null) {
            sessions.forEach(RelaySession::close);
        }
    }

    /** Calls with at least one open stream on this node. */
    public int calls() {
        return calls.size();
    }

    private static String tag(CallSide side) {
        return side.name().toLowerCase(Locale.ROOT);
    }

    private record NettyStream(RelaySession session) implements RelayStream {

        @Override
        public RelayEndpoint facing(CallSide side, boolean rtcpMux) {
            MediaEndpoint local = session.leg(tag(side)).localEndpoint();
            return new RelayEndpoint(local.host(), local.rtpPort(), local.rtcpPort(), rtcpMux);
        }

        @Override
        public void expect(CallSide side, AnnouncedMedia media) {
            RelayLeg leg = session.leg(tag(side));
            leg.expect(address(media.address()), media.rtpPort(), media.rtcpPort());
            session.onHold(media.held());
        }

        private static InetAddress address(String literal) {
            try {
                return literal.isEmpty() ? InetAddress.ofLiteral("0.0.0.0") : InetAddress.ofLiteral(literal);
            } catch (IllegalArgumentException name) {
                return InetAddress.ofLiteral("0.0.0.0"); // a host name in SDP: learn the source instead
            }
        }
    }
}
