package io.gridpbx.core.media;

import io.gridpbx.core.media.sdp.MediaDirection;

/**
 * One stream as a phone announced it: where it wants RTP and RTCP (RFC 3605: {@code a=rtcp}, else
 * the next port up), whether it offers RTCP multiplexing (RFC 5761), its direction, and whether it is
 * disabled (port 0) or on RFC 2543-style hold ({@code c=0.0.0.0}). {@code address} is empty for a
 * disabled stream that names no connection.
 */
public record AnnouncedMedia(int index, String media, boolean disabled, String address, int rtpPort,
        String rtcpAddress, int rtcpPort, boolean rtcpMux, MediaDirection direction, boolean oldStyleHold) {

    /** Whether the phone wants nothing from this stream: held by direction or by address, or disabled. */
    public boolean held() {
        return disabled || oldStyleHold || direction.holds();
    }
}
