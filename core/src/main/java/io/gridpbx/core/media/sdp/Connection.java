package io.gridpbx.core.media.sdp;

/**
 * A {@code c=} line, RFC 8866 section 5.7: {@code IN IP4 192.0.2.1}. A multicast address keeps its
 * {@code /ttl/count} suffix in {@link #address()}; {@link #host()} is the address alone.
 */
public record Connection(String netType, String addressType, String address) {

    public Connection {
        if (!SdpTokens.isToken(netType) || !SdpTokens.isToken(addressType) || !SdpTokens.isToken(address)) {
            throw new IllegalArgumentException("a c= field is one non-empty token");
        }
    }

    /** The connection to a unicast address (an IP literal), {@code IP6} when it holds a colon. */
    public static Connection of(String ipLiteral) {
        return new Connection("IN", SdpTokens.addressType(ipLiteral), ipLiteral);
    }

    static Connection parse(String value) throws SdpParseException {
        String[] fields = value.split(" ", -1);
        if (fields.length != 3) {
            throw new SdpParseException("Bad SDP: c= line needs 3 fields");
        }
        try {
            return new Connection(fields[0], fields[1], fields[2]);
        } catch (IllegalArgumentException badField) {
            throw new SdpParseException("Bad SDP: malformed c= line");
        }
    }

    /** The address without a multicast {@code /ttl} or {@code /count}. */
    public String host() {
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }

    /**
     * Whether the address is unspecified, {@code 0.0.0.0} or {@code ::}: RFC 2543's way to put a
     * stream on hold (RFC 3264 section 8.4), or, with ICE, "no candidate yet" (RFC 8839 section 4.2.1).
     */
    public boolean unspecified() {
        String host = host();
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0");
    }

    /** The text after {@code c=}. */
    public String value() {
        return netType + " " + addressType + " " + address;
    }
}
