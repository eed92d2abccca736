package io.gridpbx.media.relay;

import io.gridpbx.media.rtp.RtpHeader;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * Relays the datagrams that arrive on one leg socket to the other leg's peer: validate, check the
 * source against the latch, count, and send the same pooled buffer out of the other leg's socket.
 *
 * <p>A datagram is either handed on to the write (which then owns it) or released here, on every
 * path; nothing thrown escapes into the pipeline, where it would only be logged and lost.
 */
final class MediaRelayHandler extends ChannelInboundHandlerAdapter {

    private final LegSocket socket;

    MediaRelayHandler(LegSocket socket) {
        this.socket = socket;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof DatagramPacket datagram)) {
            ctx.fireChannelRead(msg);
            return;
        }
        boolean handedOn = false;
        try {
            handedOn = relay(datagram);
        } catch (RuntimeException e) {
            socket.leg().dropped(DropReason.SOCKET_ERROR);
        } finally {
            if (!handedOn) {
                datagram.release();
            }
        }
    }

    /** Forwards the datagram and returns true, or counts why not and returns false. */
    private boolean relay(DatagramPacket datagram) {
        RelayLeg leg = socket.leg();
        RelaySession session = leg.session();
        ByteBuf content = datagram.content();
        int length = content.readableBytes();
        if (length > session.context().config().maxDatagramSize()) {
            return drop(leg, DropReason.OVERSIZE);
        }
        if (session.isClosed()) {
            return drop(leg, DropReason.SESSION_CLOSED);
        }
        boolean rtcp = switch (socket.role()) {
            case RTP -> false;
            case RTCP -> true;
            case MUXED -> RtpHeader.isRtcp(content);
        };
        if (rtcp ? !RtpHeader.isRtcp(content) : !RtpHeader.isRtp(content)) {
            return drop(leg, DropReason.MALFORMED);
        }
        long now = session.context().ticker().nanos();
        if (!socket.latch().admit(datagram.sender(), now)) {
            return drop(leg, DropReason.UNEXPECTED_SOURCE);
        }
        if (rtcp) {
            leg.receivedRtcp(content);
        } else {
            leg.receivedRtp(content, now);
        }
        RelayLeg peer = session.peerOf(leg);
        LegSocket out = rtcp ? peer.rtcpSocket() : peer.rtpSocket();
        Channel channel = out.channel();
        InetSocketAddress destination = out.latch().destination();
        if (channel == null || destination == null) {
            return drop(leg, DropReason.NO_DESTINATION);
        }
        if (!channel.isWritable()) {
            return drop(leg, DropReason.CONGESTED);
        }
        session.context().counters().relayed(length);
        // Same session, same event loop: this write runs inline. The void promise saves an allocation
        // per packet; a failed send surfaces as exceptionCaught on the outgoing channel instead.
        channel.writeAndFlush(new DatagramPacket(content, destination), channel.voidPromise());
        return true;
    }

    private static boolean drop(RelayLeg leg, DropReason reason) {
        leg.dropped(reason);
        return false;
    }

    /** A send that failed (ICMP unreachable, no route) must not close a socket that a call still uses. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, @Nullable Throwable cause) {
        socket.leg().dropped(DropReason.SOCKET_ERROR);
    }
}
