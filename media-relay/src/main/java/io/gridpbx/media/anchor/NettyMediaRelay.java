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
import java.util.function.Consumer;

/**
 * Core's media relay port on this node's Netty relay: a call's stream {@code i} is the relay session
 * {@code callKey#i}, with the legs {@code caller} and {@code callee}. The sessions of a call are kept
 * here so that closing the call closes them all.
 */
public final class NettyMediaRelay implements MediaRelay {

    private final MediaRelayServer server;
    private final Map<String, List<RelaySession>> calls = new ConcurrentHashMap<>();
    /** Where each leg's party said it listens, by session and leg tag: {@code host:port}. */
    private final Map<RelaySession, Map<String, String>> announced = new ConcurrentHashMap<>();
    private volatile Consumer<String> onClosed = callKey -> { };

    public NettyMediaRelay(MediaRelayServer server) {
        this.server = server;
    }

    /** Told the key of each call as it is closed (its sessions are then gone from {@link #calls()}). */
    public void onClosed(Consumer<String> listener) {
        this.onClosed = listener;
    }

    /** The open calls and their streams' sessions, in stream order of opening. */
    public Map<String, List<RelaySession>> calls() {
        return Map.copyOf(calls);
    }

    /** Where the party of a leg said it listens ({@code host:port}), or empty before its description. */
    public String announced(RelaySession session, CallSide side) {
        return announced.getOrDefault(session, Map.of()).getOrDefault(tag(side), "");
    }

    /** The tag of the leg facing that party in every session of this relay. */
    public static String tag(CallSide side) {
        return side.name().toLowerCase(Locale.ROOT);
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
                    return new NettyStream(session, announced.computeIfAbsent(session, key -> new ConcurrentHashMap<>()));
                });
    }

    @Override
    public void close(String callKey) {
        List<RelaySession> sessions = calls.remove(callKey);
        if (sessions != null) {
            sessions.forEach(session -> {
                announced.remove(session);
                session.close();
            });
            onClosed.accept(callKey);
        }
    }

    private record NettyStream(RelaySession session, Map<String, String> announced) implements RelayStream {

        @Override
        public RelayEndpoint facing(CallSide side, boolean rtcpMux) {
            MediaEndpoint local = session.leg(tag(side)).localEndpoint();
            return new RelayEndpoint(local.host(), local.rtpPort(), local.rtcpPort(), rtcpMux);
        }

        @Override
        public void expect(CallSide side, AnnouncedMedia media) {
            RelayLeg leg = session.leg(tag(side));
            leg.expect(address(media.address()), media.rtpPort(), media.rtcpPort());
            announced.put(tag(side), media.address() + ":" + media.rtpPort());
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
