package io.gridpbx.media.relay;

/**
 * One leg to open: its tag (the dialog tag of its party, or any stable label) and whether its offer
 * asked for RTP and RTCP on one port (a=rtcp-mux, RFC 5761), which takes one port instead of a pair.
 */
public record LegSpec(String tag, boolean rtcpMux) {

    public LegSpec {
        if (tag.isBlank()) {
            throw new IllegalArgumentException("a leg needs a tag");
        }
    }

    /** A leg with an RTP/RTCP port pair. */
    public static LegSpec pair(String tag) {
        return new LegSpec(tag, false);
    }

    /** A leg with RTP and RTCP muxed on one port. */
    public static LegSpec muxed(String tag) {
        return new LegSpec(tag, true);
    }
}
