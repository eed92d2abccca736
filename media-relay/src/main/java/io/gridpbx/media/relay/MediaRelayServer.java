package io.gridpbx.media.relay;

import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.Future;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * A node's RTP relay: opens two-leg sessions on ports of its range, relays their media, and tells
 * which sessions have gone silent.
 *
 * <p>{@link #open} may be called from any thread and never waits: the sockets are bound on the
 * session's event loop and the future completes there.
 */
public final class MediaRelayServer implements AutoCloseable {

    private record SessionKey(String callId, List<String> tags) {
    }

    private final RelayContext context;
    private final EventLoopGroup group;
    private final boolean nativeTransport;
    private final PortPool pool;
    private final LegSocketBinder binder;
    private final ConcurrentMap<SessionKey, RelaySession> sessions = new ConcurrentHashMap<>();

    private MediaRelayServer(RelayContext context, InetAddress bindAddress) {
        MediaRelayConfig config = context.config();
        this.context = context;
        this.nativeTransport = config.nativeTransport() && Epoll.isAvailable();
        IoHandlerFactory io = nativeTransport ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        ChannelFactory<? extends DatagramChannel> channels =
                nativeTransport ? EpollDatagramChannel::new : NioDatagramChannel::new;
        this.group = new MultiThreadIoEventLoopGroup(config.ioThreads(), io);
        this.pool = new PortPool(config.ports());
        this.binder = new LegSocketBinder(pool, bindAddress, channels, config.maxDatagramSize());
    }

    /** Starts a relay on the system clocks. */
    public static MediaRelayServer start(MediaRelayConfig config) {
        return start(config, Clock.systemUTC(), Ticker.system());
    }

    /**
     * Starts a relay.
     *
     * @param clock  wall time, for the time of a leg's last packet
     * @param ticker monotonic time, for latch windows, jitter and idleness
     * @throws IllegalArgumentException if the bind host does not resolve
     */
    public static MediaRelayServer start(MediaRelayConfig config, Clock clock, Ticker ticker) {
        InetAddress bindAddress;
        try {
            bindAddress = InetAddress.getByName(config.bindHost());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bind host " + config.bindHost() + " does not resolve", e);
        }
        return new MediaRelayServer(new RelayContext(config, clock, ticker, new RelayCounters()), bindAddress);
    }

    /** Opens a session whose legs each take an RTP/RTCP port pair. */
    public CompletableFuture<RelaySession> open(String callId, String... legTags) {
        return open(callId, Arrays.stream(legTags).map(LegSpec::pair).toList());
    }

    /**
     * Opens a session: binds the legs' sockets, all on one event loop, and opens their latch windows.
     * Fails with {@link PortPoolExhaustedException} when the range has no room left (nothing stays
     * bound then), or {@link IllegalStateException} when the same call and tags are already open.
     */
    public CompletableFuture<RelaySession> open(String callId, List<LegSpec> legs) {
        SessionKey key = new SessionKey(callId, legs.stream().map(LegSpec::tag).toList());
        RelaySession session = new RelaySession(callId, legs, group.next(), context, this::closed);
        if (sessions.putIfAbsent(key, session) != null) {
            return CompletableFuture.failedFuture(new IllegalStateException("already open: " + key));
        }
        CompletableFuture<RelaySession> opened = new CompletableFuture<>();
        bindFrom(session, 0, opened);
        return opened;
    }

    /** The open session of this call and these leg tags, in the order they were opened with. */
    public Optional<RelaySession> find(String callId, String... legTags) {
        RelaySession session = sessions.get(new SessionKey(callId, List.of(legTags)));
        return session == null || session.isClosed() ? Optional.empty() : Optional.of(session);
    }

    /**
     * The sessions that no leg has sent RTP to for {@code timeout}, or {@code holdTimeout} while on
     * hold (a held phone may send nothing at all, RFC 3264 §8.4); the SIP side ends them with a BYE.
     */
    public List<RelaySession> idleSessions(Duration timeout, Duration holdTimeout) {
        List<RelaySession> idle = new ArrayList<>();
        for (RelaySession session : sessions.values()) {
            Duration limit = session.isOnHold() ? holdTimeout : timeout;
            if (!session.isClosed() && session.idleFor().compareTo(limit) >= 0) {
                idle.add(session);
            }
        }
        return idle;
    }

    /** The relay's figures, for metrics. */
    public RelayTotals totals() {
        RelayCounters counters = context.counters();
        return new RelayTotals(sessions.size(), pool.portsInUse(), pool.capacity(), counters.packetsRelayed(),
                counters.bytesRelayed(), counters.drops());
    }

    /** Whether the relay runs on epoll rather than NIO. */
    public boolean nativeTransport() {
        return nativeTransport;
    }

    public MediaRelayConfig config() {
        return context.config();
    }

    /** Closes every session, returning their ports, and stops the event loops; waits up to a few seconds. */
    @Override
    public void close() {
        CompletableFuture<?>[] closing = sessions.values().stream().map(RelaySession::close)
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(closing).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Stopping the loops closes whatever is still open.
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private void bindFrom(RelaySession session, int index, CompletableFuture<RelaySession> opened) {
        if (index == session.legs().size()) {
            opened.complete(session);
            return;
        }
        binder.bind(session.legs().get(index)).addListener((Future<Void> leg) -> {
            if (leg.isSuccess()) {
                bindFrom(session, index + 1, opened);
            } else {
                session.close().whenComplete((ignored, failure) -> opened.completeExceptionally(leg.cause()));
            }
        });
    }

    /** Called by a session once its sockets are closed: forget it and take its ports back. */
    private void closed(RelaySession session) {
        sessions.remove(new SessionKey(session.callId(), session.legs().stream().map(RelayLeg::tag).toList()),
                session);
        for (RelayLeg leg : session.legs()) {
            if (leg.portBase() >= 0) {
                pool.release(leg.portBase());
            }
        }
    }
}
