package io.gridpbx.core.media;

import io.gridpbx.core.media.sdp.SessionDescription;
import io.gridpbx.core.security.Cidr;
import io.gridpbx.core.tenancy.NatPolicy;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether a phone is behind a NAT, as Kamailio's {@code nat_uac_test} judges it: an address it
 * announced (its Contact host, a {@code c=} of its SDP) cannot be reached from the public network and is
 * not the address its packet came from. Names are not looked up; a name is no evidence either way.
 */
public final class NatDetection {

    /**
     * RFC 1918 private networks, RFC 6598 carrier-grade NAT, RFC 3927 and RFC 4291 link-local, RFC 4193
     * unique local IPv6. An IPv4-mapped IPv6 literal is read as its IPv4 address.
     */
    private static final List<Cidr> UNROUTABLE = List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("172.16.0.0/12"),
            Cidr.parse("192.168.0.0/16"), Cidr.parse("100.64.0.0/10"), Cidr.parse("169.254.0.0/16"),
            Cidr.parse("fc00::/7"), Cidr.parse("fe80::/10"));

    private static final List<Cidr> LOOPBACK = List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1/128"));

    private NatDetection() {
    }

    /**
     * @param sourceAddress the packet's source, an IP literal
     * @throws IllegalArgumentException when the source is not an IP literal (a transport never gives one)
     */
    public static boolean behindNat(String sourceAddress, String contactHost, @Nullable SessionDescription sdp) {
        if (!IpLiterals.isLiteral(sourceAddress)) {
            throw new IllegalArgumentException("a packet's source is an IP literal, not '" + sourceAddress + "'");
        }
        List<String> announced = new ArrayList<>();
        announced.add(contactHost);
        if (sdp != null) {
            announced.addAll(MediaFacts.mediaAddresses(sdp));
        }
        return announced.stream().anyMatch(address -> hidden(address, sourceAddress));
    }

    /**
     * Whether to relay a call's media under a client's policy, from the packet's source address (an IP
     * literal), the host of the phone's Contact URI and its description ({@code null} for an INVITE
     * without SDP).
     */
    public static boolean relays(NatPolicy policy, String sourceAddress, String contactHost,
            @Nullable SessionDescription sdp) {
        return switch (policy) {
            case ALWAYS -> true;
            case NEVER -> false;
            case WHEN_NAT -> behindNat(sourceAddress, contactHost, sdp);
        };
    }

    /** Whether an address cannot be reached from the public internet: private, shared, link-local or loopback. */
    public static boolean unroutable(String address) {
        return in(UNROUTABLE, address) || in(LOOPBACK, address);
    }

    private static boolean hidden(String announced, String source) {
        String address = announced.startsWith("[") && announced.endsWith("]")
                ? announced.substring(1, announced.length() - 1) : announced;
        if (!IpLiterals.isLiteral(address) || address.equals("0.0.0.0") || IpLiterals.same(address, "::")) {
            return false; // a name, or hold's unspecified address: no evidence
        }
        if (in(LOOPBACK, address)) {
            // a phone on the node itself (a test, a local B2BUA) writes loopback and sends from loopback
            return !in(LOOPBACK, source);
        }
        return in(UNROUTABLE, address) && !IpLiterals.same(address, source);
    }

    private static boolean in(List<Cidr> networks, String address) {
        return networks.stream().anyMatch(network -> network.contains(address));
    }
}
