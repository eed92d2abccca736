package io.gridpbx.media.relay;

import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/** How well a packet's source matches the address a leg's SDP announced; higher is better. */
final class SourceRank {

    /** A latched source that a relatch made replaceable by any admissible source. */
    static final int STALE = -1;
    static final int ANY = 0;
    static final int ADDRESS = 1;
    static final int ADDRESS_AND_PORT = 2;

    private SourceRank() {
    }

    static int of(InetSocketAddress source, @Nullable InetSocketAddress expected) {
        if (expected == null || !source.getAddress().equals(expected.getAddress())) {
            return ANY;
        }
        return source.getPort() == expected.getPort() ? ADDRESS_AND_PORT : ADDRESS;
    }
}
