package io.gridpbx.media.relay;

/** Why the relay dropped a datagram instead of forwarding it; each reason has its own counter. */
public enum DropReason {

    /** Not RTP on an RTP port (version other than 2, shorter than its header) or not RTCP on an RTCP port. */
    MALFORMED,

    /** Longer than the configured maximum datagram size. */
    OVERSIZE,

    /** From a source the leg's latch refuses: a hijack attempt, a stray, or not the SDP address in a strict mode. */
    UNEXPECTED_SOURCE,

    /** The other leg has no address yet: neither an SDP address nor a latched source. */
    NO_DESTINATION,

    /** Arrived for a session that is being torn down. */
    SESSION_CLOSED,

    /** The outgoing socket's buffer is full; RTP is better late never than late. */
    CONGESTED,

    /** The socket reported an error, typically a send that failed. */
    SOCKET_ERROR
}
