package io.gridpbx.core.media;

import io.gridpbx.core.media.sdp.Connection;
import io.gridpbx.core.media.sdp.MediaDescription;
import io.gridpbx.core.media.sdp.MediaLine;
import io.gridpbx.core.media.sdp.SdpLine;
import io.gridpbx.core.media.sdp.SessionDescription;
import java.util.ArrayList;
import java.util.List;

/** What the signalling reads from a phone's description before it decides on the relay. */
public final class MediaFacts {

    private MediaFacts() {
    }

    /** Each {@code m=} line's endpoints and state, in order. */
    public static List<AnnouncedMedia> announced(SessionDescription sdp) {
        List<AnnouncedMedia> streams = new ArrayList<>(sdp.media().size());
        for (int i = 0; i < sdp.media().size(); i++) {
            MediaDescription section = sdp.media().get(i);
            MediaLine line = section.mediaLine();
            String address = sdp.connection(i).map(Connection::host).orElse("");
            String rtcpAddress = address;
            int rtcpPort = line.disabled() ? 0 : line.port() + 1;
            var rtcp = section.attribute("rtcp");
            if (rtcp.isPresent()) {
                // RFC 3605 section 2.1: port, and optionally the address; checked by the parser
                String[] fields = rtcp.get().attributeValue().split(" ");
                rtcpPort = Integer.parseInt(fields[0]);
                rtcpAddress = fields.length == 4 ? fields[3] : address;
            }
            streams.add(new AnnouncedMedia(i, line.media(), line.disabled(), address, line.port(), rtcpAddress,
                    rtcpPort, section.has("rtcp-mux"), sdp.direction(i), oldStyleHold(sdp, i)));
        }
        return streams;
    }

    /**
     * Whether this is a hold (or an inactive) offer, RFC 3264 section 8.4: at least one stream is
     * enabled and every enabled one is sendonly, inactive or on RFC 2543-style hold.
     */
    public static boolean onHold(SessionDescription sdp) {
        List<AnnouncedMedia> enabled = announced(sdp).stream().filter(stream -> !stream.disabled()).toList();
        return !enabled.isEmpty() && enabled.stream().allMatch(AnnouncedMedia::held);
    }

    /**
     * Whether a stream is held the RFC 2543 way, its connection address {@code 0.0.0.0} (RFC 3264
     * section 8.4 asks answerers to understand it). Not when the stream uses ICE: there the unspecified
     * address means "no candidate gathered yet", as a trickling WebRTC offer writes (RFC 8840 section 4.1.1).
     */
    public static boolean oldStyleHold(SessionDescription sdp, int mediaIndex) {
        return sdp.connection(mediaIndex).map(Connection::unspecified).orElse(false) && !usesIce(sdp, mediaIndex);
    }

    static boolean usesIce(SessionDescription sdp, int mediaIndex) {
        return sdp.attribute("ice-ufrag").isPresent()
                || sdp.media().get(mediaIndex).lines().stream().anyMatch(IceLines::isIce);
    }

    /** Connection and media addresses of the enabled streams, the ones NAT detection looks at. */
    static List<String> mediaAddresses(SessionDescription sdp) {
        List<String> addresses = new ArrayList<>();
        sdp.connection().ifPresent(connection -> addresses.add(connection.host()));
        for (MediaDescription section : sdp.media()) {
            if (!section.mediaLine().disabled()) {
                section.connection().ifPresent(connection -> addresses.add(connection.host()));
            }
        }
        return addresses;
    }

    static boolean isRtcpMux(SdpLine line) {
        return line.isAttribute("rtcp-mux") || line.isAttribute("rtcp-mux-only");
    }
}
