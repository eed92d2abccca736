package io.gridpbx.node.api;

import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.GatewayRegistration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A gateway as the API shows it: whether it has a password, never the password; and, for a gateway that
 * registers at its carrier, how its registration stands (null until a node has tried).
 */
record GatewayJson(String id, String name, String host, int port, String transport, @Nullable String username,
        boolean hasPassword, int stripDigits, @Nullable String addPrefix, boolean probing, boolean register,
        int registerExpires, @Nullable RegistrationJson registration) {

    /**
     * @param state      REGISTERED or FAILED
     * @param node       the node that registers the gateway
     * @param lastStatus the final answer to its last REGISTER (408: none came)
     * @param until      when the carrier's binding lapses unless refreshed; null when it granted none
     * @param at         when the last REGISTER was answered
     */
    record RegistrationJson(String state, String node, int lastStatus, @Nullable Instant until, Instant at) {

        static RegistrationJson of(GatewayRegistration r) {
            return new RegistrationJson(r.state().name(), r.node(), r.lastStatus(),
                    r.untilMillis() > 0 ? Instant.ofEpochMilli(r.untilMillis()) : null, Instant.ofEpochMilli(r.atMillis()));
        }
    }

    static GatewayJson of(Gateway g) {
        return of(g, null);
    }

    static GatewayJson of(Gateway g, @Nullable GatewayRegistration registration) {
        return new GatewayJson(g.id(), g.name(), g.host(), g.port(), g.transport().name(), g.username(),
                g.password() != null, g.stripDigits(), g.addPrefix(), g.probing(), g.register(), g.registerExpires(),
                g.register() && registration != null ? RegistrationJson.of(registration) : null);
    }
}
