package io.gridpbx.media.relay;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.DatagramChannel;

/** Sets up the pipeline of one leg socket: a single relay handler, since RTP is relayed as it came. */
final class MediaRelayInitializer extends ChannelInitializer<DatagramChannel> {

    private final LegSocket socket;

    MediaRelayInitializer(LegSocket socket) {
        this.socket = socket;
    }

    @Override
    protected void initChannel(DatagramChannel channel) {
        channel.pipeline().addLast(new MediaRelayHandler(socket));
    }
}
