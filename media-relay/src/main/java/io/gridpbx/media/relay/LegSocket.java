package io.gridpbx.media.relay;

import io.netty.channel.Channel;
import org.jspecify.annotations.Nullable;

/** One local UDP socket of a leg: RTP, RTCP, or both muxed, with the latch of the peer that sends to it. */
final class LegSocket {

    enum Role { RTP, RTCP, MUXED }

    private final RelayLeg leg;
    private final Role role;
    private final SourceLatch latch;
    private volatile @Nullable Channel channel;

    LegSocket(RelayLeg leg, Role role, SourceLatch latch) {
        this.leg = leg;
        this.role = role;
        this.latch = latch;
    }

    RelayLeg leg() {
        return leg;
    }

    Role role() {
        return role;
    }

    SourceLatch latch() {
        return latch;
    }

    @Nullable Channel channel() {
        return channel;
    }

    void attach(Channel bound) {
        this.channel = bound;
    }
}
