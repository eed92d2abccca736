package io.gridpbx.media.relay;

/**
 * Where a leg's peer must send media: the relay's advertised host and the leg's ports, as they go into
 * the SDP's c= and m= lines and its a=rtcp attribute (RFC 3605). A muxed leg has one port for both.
 */
public record MediaEndpoint(String host, int rtpPort, int rtcpPort) {

    /** Whether RTP and RTCP share the port (RFC 5761). */
    public boolean rtcpMux() {
        return rtpPort == rtcpPort;
    }
}
