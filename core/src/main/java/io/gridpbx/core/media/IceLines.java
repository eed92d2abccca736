package io.gridpbx.core.media;

import io.gridpbx.core.media.sdp.SdpLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The ICE attributes of RFC 8839 section 5 and the relay's own, as an ICE-lite agent with host candidates. */
final class IceLines {

    /** Every attribute that describes the writer's ICE agent, so none of the phone's may pass the relay. */
    private static final Set<String> NAMES = Set.of("candidate", "remote-candidates", "end-of-candidates",
            "ice-ufrag", "ice-pwd", "ice-options", "ice-lite", "ice-mismatch", "ice-pacing");

    /** RFC 8445 section 5.1.2.1: type preference 126 (host) and local preference 65535. */
    private static final long HOST_PRIORITY_BASE = (126L << 24) + (65535L << 8);

    private IceLines() {
    }

    static boolean isIce(SdpLine line) {
        return line.type() == 'a' && NAMES.contains(line.attributeName());
    }

    /**
     * The relay's media-level ICE lines for one stream: its credentials, a host candidate for RTP
     * (component 1) and one for RTCP (component 2) unless RTCP shares the RTP port, and
     * {@code a=end-of-candidates} since an ICE-lite agent knows all its candidates (RFC 8840 section 4.3).
     */
    static List<SdpLine> relayCandidates(RelayEndpoint endpoint, IceCredentials credentials) {
        List<SdpLine> lines = new ArrayList<>();
        lines.add(SdpLine.attribute("ice-ufrag", credentials.ufrag()));
        lines.add(SdpLine.attribute("ice-pwd", credentials.pwd()));
        lines.add(candidate(1, endpoint.address(), endpoint.rtpPort()));
        if (endpoint.rtcpPort() != endpoint.rtpPort()) {
            lines.add(candidate(2, endpoint.address(), endpoint.rtcpPort()));
        }
        lines.add(SdpLine.attribute("end-of-candidates", null));
        return lines;
    }

    private static SdpLine candidate(int component, String address, int port) {
        // RFC 8839 section 5.1: foundation, component, transport, priority, address, port, type.
        long priority = HOST_PRIORITY_BASE + 256 - component;
        return SdpLine.attribute("candidate", "1 " + component + " UDP " + priority + " " + address + " " + port
                + " typ host");
    }
}
