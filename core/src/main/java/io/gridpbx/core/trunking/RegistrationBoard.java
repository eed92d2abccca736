package io.gridpbx.core.trunking;

import java.util.Map;

/** Where the gateways' registration states live: the grid, or memory in a test. */
public interface RegistrationBoard {

    /** Written by the node that registers the gateway; must not wait for a remote store. */
    void save(GatewayRegistration registration);

    /** The gateway registers no more (switched off or deleted); must not wait for a remote store. */
    void clear(String gatewayId);

    /** Every gateway's state, by gateway id. */
    Map<String, GatewayRegistration> all();

    /** A board for a node that registers nothing, and for services that show no state. */
    RegistrationBoard NONE = new RegistrationBoard() {
        @Override
        public void save(GatewayRegistration registration) {
        }

        @Override
        public void clear(String gatewayId) {
        }

        @Override
        public Map<String, GatewayRegistration> all() {
            return Map.of();
        }
    };
}
