package io.gridpbx.core.media.sdp;

/**
 * A session description that cannot be used, with a short reason fit for the reason phrase of a
 * 488 Not Acceptable Here (RFC 3261 section 21.4.26). The reason never quotes the offending input:
 * a reason phrase must not carry what a hostile peer wrote.
 */
public final class SdpParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public SdpParseException(String reason) {
        super(reason);
        this.reason = reason;
    }

    /** ASCII, one line, no input echoed: e.g. {@code "Bad SDP: port out of range in m= line 2"}. */
    public String reason() {
        return reason;
    }
}
