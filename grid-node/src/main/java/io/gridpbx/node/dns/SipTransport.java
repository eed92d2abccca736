package io.gridpbx.node.dns;

import java.util.List;
import java.util.Locale;

/** The SIP transports DNS advertises, with their NAPTR service and SRV prefix (RFC 3263). */
public enum SipTransport {
    UDP("SIP+D2U", "_sip._udp"),
    TCP("SIP+D2T", "_sip._tcp"),
    TLS("SIPS+D2T", "_sips._tcp");

    private final String service;
    private final String srvPrefix;

    SipTransport(String service, String srvPrefix) {
        this.service = service;
        this.srvPrefix = srvPrefix;
    }

    String service() {
        return service;
    }

    String srvPrefix() {
        return srvPrefix;
    }

    /** The node's port on this transport; 0 when it does not offer it. */
    int portOf(SipNode node) {
        return this == TLS ? node.tlsPort() : node.sipPort();
    }

    /** Parses {@code gridpbx.dns.transports}: each of udp, tcp, tls at most once, preferred first. */
    public static List<SipTransport> order(List<String> names) {
        List<SipTransport> order = names.stream().map(String::trim).map(name -> {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("gridpbx.dns.transports: unknown transport '" + name
                        + "' (udp, tcp, tls)", e);
            }
        }).toList();
        if (order.isEmpty() || order.stream().distinct().count() != order.size()) {
            throw new IllegalArgumentException("gridpbx.dns.transports: each of udp, tcp, tls at most once, "
                    + "at least one: " + names);
        }
        return order;
    }
}
