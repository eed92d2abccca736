package io.gridpbx.media.ng;

import io.gridpbx.media.relay.MediaRelayServer;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * rtpengine's ng control protocol on one UDP socket, driving this node's {@link MediaRelayServer}: a
 * Kamailio or OpenSIPS {@code rtpengine} module pointed at it uses the node as its media relay.
 *
 * <p>One event loop of its own serves the socket and the SDP work; the relay's loops only open and
 * close sessions. Calls the proxy forgets are deleted after {@link NgConfig#callTimeout()} without media.
 */
public final class NgServer implements AutoCloseable {

    private static final long SWEEP_SECONDS = 5;

    private final EventLoopGroup group;
    private final Channel channel;
    private final NgCalls calls;
    private final NgCounters counters;
    private final ScheduledFuture<?> sweep;

    private NgServer(EventLoopGroup group, Channel channel, NgCalls calls, NgCounters counters,
            ScheduledFuture<?> sweep) {
        this.group = group;
        this.channel = channel;
        this.calls = calls;
        this.counters = counters;
        this.sweep = sweep;
    }

    /** Starts on the system clock, with ICE credentials from a {@link SecureRandom}. */
    public static NgServer start(NgConfig config, MediaRelayServer relay) {
        return start(config, relay, Clock.systemUTC(), new SecureRandom());
    }

    /**
     * Binds the control socket and starts answering.
     *
     * @throws IllegalStateException when the address cannot be bound (in use, or not local); nothing
     *                               is left running then
     */
    public static NgServer start(NgConfig config, MediaRelayServer relay, Clock clock, RandomGenerator random) {
        boolean epoll = relay.nativeTransport() && Epoll.isAvailable();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        try {
            NgCounters counters = new NgCounters();
            NgCalls calls = new NgCalls(relay, clock, random, group.next());
            NgReplyCache cache = new NgReplyCache(clock, config.replyTtl(), config.replyCacheSize());
            Bootstrap bootstrap = new Bootstrap().group(group)
                    .channelFactory(epoll ? EpollDatagramChannel::new : NioDatagramChannel::new)
                    // A request may be as long as a datagram: the default 2 KiB buffer would cut a WebRTC offer.
                    .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(Bencode.MAX_LENGTH))
                    .handler(new NgInitializer(new NgDispatcher(calls, counters), cache, counters));
            InetSocketAddress address = new InetSocketAddress(config.bindHost(), config.port());
            // awaitUninterruptibly, not sync: sync rethrows the bind's IOException unchecked, past the catch below.
            io.netty.channel.ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
            if (!bound.isSuccess()) {
                throw new IllegalStateException(String.valueOf(bound.cause()), bound.cause());
            }
            Channel channel = bound.channel();
            ScheduledFuture<?> sweep = channel.eventLoop().scheduleAtFixedRate(
                    () -> calls.expireIdle(config.callTimeout(), config.holdTimeout()),
                    SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
            return new NgServer(group, channel, calls, counters, sweep);
        } catch (RuntimeException bindFailed) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            throw new IllegalStateException("ng: cannot bind " + config.bindHost() + ":" + config.port() + " ("
                    + bindFailed.getMessage() + ")", bindFailed);
        }
    }

    /** The bound address (the actual port when started on port 0). */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    public NgCounters counters() {
        return counters;
    }

    /** Calls open through this port. */
    public int calls() {
        return calls.size();
    }

    /** Stops answering and deletes every call it opened, returning their ports. */
    @Override
    public void close() {
        sweep.cancel(false);
        channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        calls.closeAll();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
