package io.gridpbx.media.relay;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.socket.DatagramChannel;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * Binds a leg's sockets on ports from the pool, on the session's event loop, without blocking.
 *
 * <p>A port that will not bind (another process holds it) is skipped and its slot freed; when the RTP
 * port binds and the RTCP port beside it does not, the RTP socket is closed before its slot is freed.
 * After as many tries as the pool has slots, the leg fails with {@link PortPoolExhaustedException}.
 */
final class LegSocketBinder {

    /** DSCP EF, the class for telephony media (RFC 4594 §4.1, RFC 3246), in the TOS octet. */
    private static final int DSCP_EF = 46 << 2;

    private final PortPool pool;
    private final InetAddress bindAddress;
    private final ChannelFactory<? extends DatagramChannel> channels;
    private final int maxDatagramSize;

    LegSocketBinder(PortPool pool, InetAddress bindAddress, ChannelFactory<? extends DatagramChannel> channels,
                    int maxDatagramSize) {
        this.pool = pool;
        this.bindAddress = bindAddress;
        this.channels = channels;
        this.maxDatagramSize = maxDatagramSize;
    }

    /** Binds the leg's socket or pair; the future fails only after every bound socket was closed again. */
    Future<Void> bind(RelayLeg leg) {
        Promise<Void> done = leg.session().loop().newPromise();
        attempt(leg, pool.capacity(), done);
        return done;
    }

    private void attempt(RelayLeg leg, int triesLeft, Promise<Void> done) {
        if (leg.session().loop().isShuttingDown()) {
            done.setFailure(new IllegalStateException("the relay is stopping"));
            return;
        }
        int base = triesLeft > 0 ? pool.reserve(leg.rtcpMux() ? 1 : 2) : -1;
        if (base < 0) {
            done.setFailure(new PortPoolExhaustedException("no free " + (leg.rtcpMux() ? "port" : "RTP/RTCP pair")
                    + " in " + pool.range() + " (" + pool.portsInUse() + " ports in use)"));
            return;
        }
        open(leg.rtpSocket(), base).addListener((ChannelFuture rtp) -> {
            if (!rtp.isSuccess()) {
                // Bootstrap has closed the unbound channel; the port is somebody else's for now.
                pool.release(base);
                attempt(leg, triesLeft - 1, done);
            } else if (leg.rtcpMux()) {
                bound(leg, base, rtp.channel(), null, done);
            } else {
                open(leg.rtcpSocket(), base + 1).addListener((ChannelFuture rtcp) -> {
                    if (rtcp.isSuccess()) {
                        bound(leg, base, rtp.channel(), rtcp.channel(), done);
                    } else {
                        rtp.channel().close().addListener(closed -> {
                            pool.release(base);
                            attempt(leg, triesLeft - 1, done);
                        });
                    }
                });
            }
        });
    }

    private void bound(RelayLeg leg, int base, Channel rtp, @Nullable Channel rtcp, Promise<Void> done) {
        if (leg.session().isClosed()) {
            // Closed while binding: the session's teardown ran before these sockets were attached.
            ChannelFuture rtpClosed = rtp.close();
            ChannelFuture rtcpClosed = rtcp == null ? rtpClosed : rtcp.close();
            rtpClosed.addListener(first -> rtcpClosed.addListener(second -> {
                pool.release(base);
                done.setFailure(new IllegalStateException(leg.session() + " closed while opening"));
            }));
            return;
        }
        leg.rtpSocket().attach(rtp);
        if (rtcp != null) {
            leg.rtcpSocket().attach(rtcp);
        }
        leg.bound(base);
        done.setSuccess(null);
    }

    private ChannelFuture open(LegSocket socket, int port) {
        return new Bootstrap()
                .group(socket.leg().session().loop())
                .channelFactory(channels)
                // One byte over the limit: a longer datagram arrives truncated to it and is seen as oversize.
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(maxDatagramSize + 1))
                .option(ChannelOption.IP_TOS, DSCP_EF)
                .handler(new MediaRelayInitializer(socket))
                .bind(new InetSocketAddress(bindAddress, port));
    }
}
