package io.gridpbx.core.security;

import java.util.Collection;
import java.util.List;

/** Networks whose sources are never banned nor locked out: the cluster's own members and the operator's list. */
public record AllowList(List<Cidr> networks) {

    public static final AllowList EMPTY = new AllowList(List.of());

    /** The machine itself: 127.0.0.0/8 and ::1 (an IPv4-mapped loopback is written as IPv4 by the JDK). */
    public static final AllowList LOOPBACK = parse(List.of("127.0.0.0/8", "::1/128"));

    public AllowList {
        networks = List.copyOf(networks);
    }

    /** @throws IllegalArgumentException naming the first entry that is not an address or a CIDR */
    public static AllowList parse(Collection<String> entries) {
        return new AllowList(entries.stream().filter(e -> !e.isBlank()).map(Cidr::parse).toList());
    }

    public boolean covers(String address) {
        for (Cidr network : networks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** This list and another one's networks. */
    public AllowList and(AllowList other) {
        return new AllowList(java.util.stream.Stream.concat(networks.stream(), other.networks.stream())
                .distinct().toList());
    }
}
