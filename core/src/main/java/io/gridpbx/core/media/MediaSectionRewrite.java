package io.gridpbx.core.media;

import io.gridpbx.core.media.sdp.Connection;
import io.gridpbx.core.media.sdp.MediaDescription;
import io.gridpbx.core.media.sdp.SdpLine;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rewrite of one enabled media section for the relay: the port, the connection, RTCP
 * (RFC 3605) and RTCP multiplexing (RFC 5761), ICE. Every other line (codecs, fmtp, direction,
 * crypto, mid) passes as written, in its place.
 *
 * @param endpoint       the relay's endpoint for this stream
 * @param address        the address the stream announces after the rewrite: the relay's, or the
 *                       unspecified address of an RFC 2543 hold, which must stay a hold
 * @param addConnection  whether the section needs its own {@code c=} because the session's now says otherwise
 * @param credentials    the relay's ICE credentials when it announces host candidates, else {@code null}
 */
record MediaSectionRewrite(RelayEndpoint endpoint, Connection address, boolean addConnection,
        @Nullable IceCredentials credentials) {

    MediaDescription apply(MediaDescription section) {
        List<SdpLine> in = section.lines();
        List<SdpLine> out = new ArrayList<>(in.size() + 6);
        out.add(new SdpLine('m', section.mediaLine().withPort(endpoint.rtpPort()).value()));
        boolean connectionPlaced = !addConnection;
        boolean rtcp = false;
        boolean mux = false;
        for (SdpLine line : in.subList(1, in.size())) {
            if (!connectionPlaced && line.type() != 'i') {
                // RFC 8866 section 5: in a media section, c= comes after m= and i=
                out.add(new SdpLine('c', address.value()));
                connectionPlaced = true;
            }
            if (line.type() == 'c') {
                out.add(new SdpLine('c', address.value()));
            } else if (line.isAttribute("rtcp")) {
                out.add(rtcp(line));
                rtcp = true;
            } else if (MediaFacts.isRtcpMux(line)) {
                // RFC 5761 section 5.1.1: an answer may keep rtcp-mux only where the offer had it; the plan says
                if (endpoint.rtcpMux()) {
                    out.add(line);
                    mux = true;
                }
            } else if (!IceLines.isIce(line)) {
                out.add(line);
            }
        }
        if (!connectionPlaced) {
            out.add(new SdpLine('c', address.value()));
        }
        if (!rtcp && endpoint.rtcpPort() != endpoint.rtpPort() + 1) {
            // RFC 3605 section 2.1: without a=rtcp the peer sends RTCP to the next port up
            out.add(SdpLine.attribute("rtcp", Integer.toString(endpoint.rtcpPort())));
        }
        if (endpoint.rtcpMux() && !mux) {
            out.add(SdpLine.attribute("rtcp-mux", null));
        }
        if (credentials != null) {
            out.addAll(IceLines.relayCandidates(endpoint, credentials));
        }
        return new MediaDescription(out);
    }

    /** RFC 3605 section 2.1: the relay's RTCP port, and the stream's address if the phone named one. */
    private SdpLine rtcp(SdpLine line) {
        String port = Integer.toString(endpoint.rtcpPort());
        boolean withAddress = line.attributeValue().indexOf(' ') >= 0;
        return SdpLine.attribute("rtcp", withAddress ? port + " " + address.value() : port);
    }
}
