package io.gridpbx.media.relay;

/**
 * Which sources a leg's socket accepts, after rtpengine's learning modes; every mode relays back to
 * the source it latched, as symmetric RTP asks (RFC 4961).
 */
public enum LatchMode {

    /**
     * Learn the source from the first packets of the latch window, whatever their address, because a
     * phone behind NAT sends from an address its SDP does not know; a source that matches the SDP
     * address wins over one that does not while the window is open.
     */
    LEARN(SourceRank.ANY),

    /** Accept only the SDP address, from any port (the port a NAT picked is learnt). */
    STRICT_ADDRESS(SourceRank.ADDRESS),

    /** Accept only the exact SDP address and port: for peers known not to be behind NAT, such as trunks. */
    STRICT_ADDRESS_AND_PORT(SourceRank.ADDRESS_AND_PORT);

    private final int minimumRank;

    LatchMode(int minimumRank) {
        this.minimumRank = minimumRank;
    }

    int minimumRank() {
        return minimumRank;
    }
}
