package io.gridpbx.node.api;

import io.gridpbx.core.trunking.Gateway;
import org.jspecify.annotations.Nullable;

/** A gateway as the API shows it: whether it has a password, never the password. */
record GatewayJson(String id, String name, String host, int port, String transport, @Nullable String username,
        boolean hasPassword, int stripDigits, @Nullable String addPrefix, boolean probing) {

    static GatewayJson of(Gateway g) {
        return new GatewayJson(g.id(), g.name(), g.host(), g.port(), g.transport().name(), g.username(),
                g.password() != null, g.stripDigits(), g.addPrefix(), g.probing());
    }
}
