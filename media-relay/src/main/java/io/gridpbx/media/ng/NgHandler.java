package io.gridpbx.media.ng;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * Answers ng requests on the control socket: split the cookie, answer from the reply cache when the
 * cookie was seen before, otherwise dispatch and cache the reply. A datagram that is not
 * {@code <cookie> <bencoded dictionary>} is counted and dropped: there is no cookie to answer to.
 *
 * <p>The request's octets are copied out at once, and the datagram is released by the superclass on
 * every path; replies are unpooled byte arrays, which the transport frees when sent.
 */
final class NgHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private final NgDispatcher dispatcher;
    private final NgReplyCache cache;
    private final NgCounters counters;

    NgHandler(NgDispatcher dispatcher, NgReplyCache cache, NgCounters counters) {
        super(DatagramPacket.class, true);
        this.dispatcher = dispatcher;
        this.cache = cache;
        this.counters = counters;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket datagram) {
        if (datagram.content().readableBytes() > Bencode.MAX_LENGTH) {
            counters.droppedMalformed();
            return;
        }
        InetSocketAddress sender = datagram.sender();
        NgDatagram request;
        try {
            request = NgDatagram.parse(ByteBufUtil.getBytes(datagram.content()));
        } catch (BencodeException malformed) {
            counters.droppedMalformed();
            return;
        }
        CompletableFuture<byte[]> cached = cache.get(request.cookie());
        if (cached != null) {
            counters.answeredFromCache();
            replyWhenDone(ctx.channel(), cached, sender);
            return;
        }
        String cookie = request.cookie();
        CompletableFuture<byte[]> reply = dispatcher.dispatch(request.dictionary())
                .thenApply(dictionary -> NgDatagram.reply(cookie, dictionary));
        cache.put(cookie, reply);
        replyWhenDone(ctx.channel(), reply, sender);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A failed send or a socket error: the proxy retransmits; the server goes on.
        counters.answeredError();
    }

    private static void replyWhenDone(Channel channel, CompletableFuture<byte[]> reply, InetSocketAddress to) {
        if (reply.isDone()) {
            send(channel, reply.join(), to);
        } else {
            reply.thenAccept(bytes -> channel.eventLoop().execute(() -> send(channel, bytes, to)));
        }
    }

    private static void send(Channel channel, byte[] reply, InetSocketAddress to) {
        if (channel.isActive()) {
            channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(reply), to), channel.voidPromise());
        }
    }
}
