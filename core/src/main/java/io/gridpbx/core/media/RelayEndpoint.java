package io.gridpbx.core.media;

/**
 * Where the relay receives one stream from the other leg: its address (an IP literal), its RTP
 * port and RTCP port, and whether it offers or keeps RTCP multiplexed on the RTP port (RFC 5761).
 * With {@code rtcpMux}, {@code rtcpPort} may equal {@code rtpPort} (RFC 5761 section 5.1.3).
 */
public record RelayEndpoint(String address, int rtpPort, int rtcpPort, boolean rtcpMux) {

    public RelayEndpoint {
        if (!IpLiterals.isLiteral(address)) {
            throw new IllegalArgumentException("a relay address is an IP literal, not '" + address + "'");
        }
        if (rtpPort < 1 || rtpPort > 65535 || rtcpPort < 1 || rtcpPort > 65535) {
            throw new IllegalArgumentException("relay ports are 1 to 65535: " + rtpPort + "/" + rtcpPort);
        }
    }

    /** RTP on {@code rtpPort}, RTCP on the next port up: RFC 3550 section 11's default pairing. */
    public static RelayEndpoint pair(String address, int rtpPort) {
        return new RelayEndpoint(address, rtpPort, rtpPort + 1, false);
    }
}
