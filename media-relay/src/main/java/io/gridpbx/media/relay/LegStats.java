package io.gridpbx.media.relay;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of what one leg's peer sent the relay.
 *
 * @param tag             the leg
 * @param packets         RTP packets accepted from the peer
 * @param bytes           their octets (UDP payload)
 * @param rtcpPackets     RTCP packets accepted from the peer
 * @param rtcpBytes       their octets
 * @param packetsExpected RTP packets expected from the sequence numbers (RFC 3550 A.3)
 * @param packetsLost     expected minus received; negative when duplicates outnumber losses (RFC 3550 §6.4.1)
 * @param jitterMillis    interarrival jitter (RFC 3550 §6.4.1), in milliseconds at the leg's clock rate
 * @param latchedRtp      the source RTP is accepted from and sent back to, once latched
 * @param latchedRtcp     the same for RTCP (the RTP source when muxed)
 * @param lastPacketAt    when the last RTP packet arrived, or null if none has
 * @param drops           datagrams dropped on this leg's sockets, by reason (reasons never seen are absent)
 */
public record LegStats(String tag, long packets, long bytes, long rtcpPackets, long rtcpBytes, long packetsExpected,
                       long packetsLost, double jitterMillis, @Nullable InetSocketAddress latchedRtp,
                       @Nullable InetSocketAddress latchedRtcp, @Nullable Instant lastPacketAt,
                       Map<DropReason, Long> drops) {

    public LegStats {
        drops = Map.copyOf(drops);
    }

    /** Datagrams dropped on this leg for one reason. */
    public long dropped(DropReason reason) {
        return drops.getOrDefault(reason, 0L);
    }
}
