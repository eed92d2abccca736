package io.gridpbx.media.ng;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.DatagramChannel;

/** Sets up the control socket's pipeline: one handler, since a request is one datagram. */
final class NgInitializer extends ChannelInitializer<DatagramChannel> {

    private final NgDispatcher dispatcher;
    private final NgReplyCache cache;
    private final NgCounters counters;

    NgInitializer(NgDispatcher dispatcher, NgReplyCache cache, NgCounters counters) {
        this.dispatcher = dispatcher;
        this.cache = cache;
        this.counters = counters;
    }

    @Override
    protected void initChannel(DatagramChannel channel) {
        channel.pipeline().addLast(new NgHandler(dispatcher, cache, counters));
    }
}
