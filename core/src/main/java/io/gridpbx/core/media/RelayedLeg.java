package io.gridpbx.core.media;

/**
 * One leg of a relayed stream, as the grid keeps it: the relay's ports facing the party, where the
 * party said it listens (its SDP), where its packets really come from (the latched source, RFC 4961;
 * empty until learnt) and what arrived from it (RFC 3550: packets, octets, lost, interarrival jitter).
 */
public record RelayedLeg(String relayHost, int rtpPort, int rtcpPort, String announced, String latched, long packets,
        long bytes, long lost, double jitterMillis) {

    /** Lost as a share of expected, 0 to 1 (RFC 3550 appendix A.3). */
    public double lossRatio() {
        long expected = packets + lost;
        return expected <= 0 ? 0 : (double) Math.max(0, lost) / expected;
    }
}
