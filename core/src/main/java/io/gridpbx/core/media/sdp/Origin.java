package io.gridpbx.core.media.sdp;

import java.math.BigInteger;

/**
 * The {@code o=} line, RFC 8866 section 5.2: {@code <username> <sess-id> <sess-version> <nettype>
 * <addrtype> <unicast-address>}. The two numbers are kept as the digits the phone wrote: the grammar
 * bounds neither, so the version is stepped with {@link BigInteger} arithmetic rather than risk an
 * overflow on a phone that uses 64-bit NTP timestamps.
 */
public record Origin(String username, String sessionId, String sessionVersion, String netType, String addressType,
        String address) {

    /** Twenty digits hold any 64-bit number; a longer one is no phone's and costs us to carry. */
    static final int MAX_DIGITS = 20;

    public Origin {
        for (String token : new String[] {username, netType, addressType, address}) {
            if (!SdpTokens.isToken(token)) {
                throw new IllegalArgumentException("an o= field is one non-empty token");
            }
        }
        if (!SdpTokens.isNumber(sessionId, MAX_DIGITS) || !SdpTokens.isNumber(sessionVersion, MAX_DIGITS)) {
            throw new IllegalArgumentException("sess-id and sess-version are 1 to 20 digits");
        }
    }

    static Origin parse(String value) throws SdpParseException {
        String[] fields = value.split(" ", -1);
        if (fields.length != 6) {
            throw new SdpParseException("Bad SDP: o= line needs 6 fields");
        }
        if (!SdpTokens.isNumber(fields[1], MAX_DIGITS)) {
            throw new SdpParseException("Bad SDP: sess-id in o= line is not a number");
        }
        if (!SdpTokens.isNumber(fields[2], MAX_DIGITS)) {
            throw new SdpParseException("Bad SDP: sess-version in o= line is not a number");
        }
        try {
            return new Origin(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
        } catch (IllegalArgumentException badField) {
            throw new SdpParseException("Bad SDP: malformed o= line");
        }
    }

    /** The same origin with the version one higher, as RFC 3264 section 8 asks of a changed offer. */
    public Origin nextVersion() {
        return withVersion(new BigInteger(sessionVersion).add(BigInteger.ONE).toString());
    }

    public Origin withVersion(String version) {
        return new Origin(username, sessionId, version, netType, addressType, address);
    }

    /** The same origin announced from another unicast address (an IP literal). */
    public Origin at(String ipLiteral) {
        return new Origin(username, sessionId, sessionVersion, "IN", SdpTokens.addressType(ipLiteral), ipLiteral);
    }

    /** The text after {@code o=}. */
    public String value() {
        return String.join(" ", username, sessionId, sessionVersion, netType, addressType, address);
    }
}
