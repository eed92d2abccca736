package io.gridpbx.core.security;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network in CIDR notation (RFC 4632 section 3.1), or one address when the prefix
 * is left out. Addresses are parsed as literals only ({@link InetAddress#ofLiteral}): a host name
 * is an error, never a DNS lookup.
 */
public record Cidr(String text, byte[] network, int prefixLength) {

    // compiled once: the SIP edge asks for every datagram of an allow-listed source past the flood threshold
    private static final Pattern DOTTED_QUAD = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public Cidr {
        network = network.clone();
    }

    /**
     * @throws IllegalArgumentException when the text is not an address literal with an optional
     *                                  {@code /prefix} within the address's length
     */
    public static Cidr parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = literal(address);
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String digits = trimmed.substring(slash + 1);
            if (!digits.matches("[0-9]{1,3}")) {
                throw new IllegalArgumentException("not a prefix length: '" + digits + "'");
            }
            prefix = Integer.parseInt(digits);
            if (prefix > bits) {
                throw new IllegalArgumentException("prefix /" + prefix + " is longer than " + bits + " bits");
            }
        }
        byte[] network = masked(bytes, prefix);
        try {
            // getByAddress makes no lookup; the text is the network's, host bits cleared
            return new Cidr(InetAddress.getByAddress(network).getHostAddress() + "/" + prefix, network, prefix);
        } catch (java.net.UnknownHostException impossible) {
            throw new IllegalArgumentException("not an IP address: '" + address + "'", impossible);
        }
    }

    /** Whether the address (a literal, as a packet's source is written) lies in this network. */
    public boolean contains(String address) {
        byte[] bytes;
        try {
            bytes = literal(address);
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
        return bytes.length == network.length && Arrays.equals(masked(bytes, prefixLength), network);
    }

    private static byte[] literal(String address) {
        // ofLiteral takes IPv4 forms such as "10" or "1.2.3" too; a dotted quad or an IPv6 literal only.
        if (!DOTTED_QUAD.matcher(address).matches() && !IPV6_LITERAL.matcher(address).matches()) {
            throw new IllegalArgumentException("not an IP address: '" + address + "'");
        }
        return InetAddress.ofLiteral(address).getAddress();
    }

    private static byte[] masked(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] &= (byte) (0xff << (8 - keep));
        }
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr cidr && cidr.prefixLength == prefixLength && Arrays.equals(cidr.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        return text;
    }
}
