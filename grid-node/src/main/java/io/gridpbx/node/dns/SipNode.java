package io.gridpbx.node.dns;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a node publishes about itself for DNS: where phones reach its SIP ports, and how much more
 * load it takes (the SRV weight).
 *
 * @param address its advertised SIP address: an IP literal, or a host name the operator's DNS resolves
 * @param sipPort its UDP and TCP port
 * @param tlsPort its TLS port; 0 when it has none
 * @param weight  SRV weight, 1 (busy) to 100 (idle)
 */
public record SipNode(String address, int sipPort, int tlsPort, int weight) {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    public SipNode {
        if (weight < 1 || weight > 100) {
            throw new IllegalArgumentException("SRV weight must be 1 to 100: " + weight);
        }
    }

    /** The address as an IP, when it is a literal; empty for a host name (no lookup is ever made). */
    public Optional<InetAddress> ip() {
        if (!IP_LITERAL.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.ofLiteral(address));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The node's host name in the platform zone, which SRV records point at, e.g.
     * {@code sip-127-0-0-1-5060.gridpbx.test}; a node advertised by host name is pointed at by that name.
     */
    public String target(String platformDomain) {
        if (ip().isEmpty()) {
            return address.toLowerCase(Locale.ROOT);
        }
        return "sip-" + address.toLowerCase(Locale.ROOT).replace('.', '-').replace(':', '-') + "-" + sipPort + "."
                + platformDomain;
    }

    SipNode withWeight(int newWeight) {
        return new SipNode(address, sipPort, tlsPort, newWeight);
    }

    /** Same addresses and ports: a change of weight alone does not make a new zone serial. */
    boolean sameEndpoints(SipNode other) {
        return address.equals(other.address) && sipPort == other.sipPort && tlsPort == other.tlsPort;
    }
}
