package io.gridpbx.core.trunking;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The gateways' registration states in memory, as a test sets them or a registering node writes them. */
public final class InMemoryRegistrationBoard implements RegistrationBoard {

    private final Map<String, GatewayRegistration> states = new ConcurrentHashMap<>();

    @Override
    public void save(GatewayRegistration registration) {
        states.put(registration.gatewayId(), registration);
    }

    @Override
    public void clear(String gatewayId) {
        states.remove(gatewayId);
    }

    @Override
    public Map<String, GatewayRegistration> all() {
        return Map.copyOf(states);
    }
}
