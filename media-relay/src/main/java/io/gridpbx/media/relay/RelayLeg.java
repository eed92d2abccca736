package io.gridpbx.media.relay;

import io.gridpbx.media.rtp.RtpHeader;
import io.gridpbx.media.rtp.RtpReceptionStatistics;
import io.netty.buffer.ByteBuf;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One party of a relay session: the relay's sockets that this party sends to, the address its SDP
 * announced, the source the relay latched, and what it has sent.
 *
 * <p>The SIP side calls {@link #expect}, {@link #relatch} and {@link #clockRate} from any thread; the
 * counters are touched only on the session's event loop, which is why {@link #stats} is a future.
 */
public final class RelayLeg {

    /** G.711's rate, and the rate of most narrowband telephony payloads (RFC 3551 §6). */
    public static final int DEFAULT_CLOCK_RATE = 8000;

    private final RelaySession session;
    private final String tag;
    private final boolean rtcpMux;
    private final LegSocket rtpSocket;
    private final LegSocket rtcpSocket;
    private volatile int clockRate = DEFAULT_CLOCK_RATE;
    private volatile int portBase = -1;
    private volatile long lastRtpNanos;
    private volatile boolean heard;

    // Confined to the session's event loop.
    private final RtpReceptionStatistics reception = new RtpReceptionStatistics();
    private final long[] drops = new long[DropReason.values().length];
    private long packets;
    private long bytes;
    private long rtcpPackets;
    private long rtcpBytes;

    RelayLeg(RelaySession session, LegSpec spec, RelayContext context) {
        this.session = session;
        this.tag = spec.tag();
        this.rtcpMux = spec.rtcpMux();
        if (rtcpMux) {
            this.rtpSocket = new LegSocket(this, LegSocket.Role.MUXED, context.newLatch());
            this.rtcpSocket = rtpSocket;
        } else {
            this.rtpSocket = new LegSocket(this, LegSocket.Role.RTP, context.newLatch());
            this.rtcpSocket = new LegSocket(this, LegSocket.Role.RTCP, context.newLatch());
        }
    }

    public String tag() {
        return tag;
    }

    public boolean rtcpMux() {
        return rtcpMux;
    }

    /** The relay's address and ports this leg's peer must send to (for the SDP the peer receives). */
    public MediaEndpoint localEndpoint() {
        int base = portBase;
        if (base < 0) {
            throw new IllegalStateException("leg " + tag + " has no ports");
        }
        return new MediaEndpoint(session.context().config().advertisedHost(), base, rtcpMux ? base : base + 1);
    }

    /**
     * Records the address and ports the peer's SDP announced (RFC 4566 c= and m=, RFC 3605 a=rtcp) and
     * opens the latch window. A wildcard address or port 0 (a hold in the RFC 2543 style, or not yet
     * known) leaves the destination to latching.
     *
     * @param rtcpPort the peer's RTCP port: its a=rtcp, else {@code rtpPort + 1}; ignored when muxed
     */
    public RelayLeg expect(InetAddress address, int rtpPort, int rtcpPort) {
        rtpSocket.latch().expect(socketAddress(address, rtpPort));
        if (!rtcpMux) {
            rtcpSocket.latch().expect(socketAddress(address, rtcpPort));
        }
        return this;
    }

    /** Sets the RTP timestamp rate of the peer's payload (from a=rtpmap) that jitter is measured in. */
    public RelayLeg clockRate(int hz) {
        if (hz <= 0) {
            throw new IllegalArgumentException("clock rate " + hz);
        }
        this.clockRate = hz;
        return this;
    }

    /** Opens the latch window again: after a re-INVITE, or when the peer's address may have changed. */
    public void relatch() {
        rtpSocket.latch().relatch();
        if (!rtcpMux) {
            rtcpSocket.latch().relatch();
        }
    }

    /** A snapshot of this leg's counters, taken on its event loop. */
    public CompletableFuture<LegStats> stats() {
        return session.onLoop(this::snapshot);
    }

    RelaySession session() {
        return session;
    }

    LegSocket rtpSocket() {
        return rtpSocket;
    }

    LegSocket rtcpSocket() {
        return rtcpSocket;
    }

    int portBase() {
        return portBase;
    }

    void bound(int base) {
        this.portBase = base;
    }

    /** Nanoseconds on the relay's ticker of the last RTP packet, if {@link #heard} any. */
    long lastRtpNanos() {
        return lastRtpNanos;
    }

    boolean heard() {
        return heard;
    }

    /** Accounts for an accepted RTP packet; on the event loop. */
    void receivedRtp(ByteBuf rtp, long nowNanos) {
        packets++;
        bytes += rtp.readableBytes();
        lastRtpNanos = nowNanos;
        heard = true;
        reception.onPacket(RtpHeader.ssrc(rtp), RtpHeader.sequenceNumber(rtp), RtpHeader.timestamp(rtp), nowNanos,
                clockRate);
    }

    /** Accounts for an accepted RTCP packet; on the event loop. */
    void receivedRtcp(ByteBuf rtcp) {
        rtcpPackets++;
        rtcpBytes += rtcp.readableBytes();
    }

    /** Counts a drop on this leg and relay-wide; on the event loop. */
    void dropped(DropReason reason) {
        drops[reason.ordinal()]++;
        session.context().counters().dropped(reason);
    }

    private LegStats snapshot() {
        Map<DropReason, Long> byReason = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            if (drops[reason.ordinal()] > 0) {
                byReason.put(reason, drops[reason.ordinal()]);
            }
        }
        RelayContext context = session.context();
        var lastPacketAt = heard
                ? context.clock().instant().minus(Duration.ofNanos(context.ticker().nanos() - lastRtpNanos))
                : null;
        return new LegStats(tag, packets, bytes, rtcpPackets, rtcpBytes, reception.packetsExpected(),
                reception.packetsLost(), reception.jitter() * 1000.0 / clockRate, rtpSocket.latch().latched(),
                rtcpSocket.latch().latched(), lastPacketAt, byReason);
    }

    private static @Nullable InetSocketAddress socketAddress(InetAddress address, int port) {
        if (address.isAnyLocalAddress() || port <= 0 || port > 65535) {
            return null;
        }
        return new InetSocketAddress(address, port);
    }
}
