package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridpbx.core.trunking.GatewayRegistration;
import io.gridpbx.core.trunking.RegistrationBoard;
import java.util.Map;

/**
 * The gateways' registration states in the grid: written by the member that registers each gateway,
 * without waiting (its answers arrive on SIP threads), read by the admin and the API.
 */
public final class HazelcastGatewayRegistrations implements RegistrationBoard {

    private final IMap<String, GatewayRegistration> states;

    public HazelcastGatewayRegistrations(HazelcastInstance grid) {
        this.states = grid.getMap(MapNames.GATEWAY_REGISTRATIONS);
    }

    @Override
    public void save(GatewayRegistration registration) {
        states.setAsync(registration.gatewayId(), registration);
    }

    @Override
    public void clear(String gatewayId) {
        states.removeAsync(gatewayId);
    }

    @Override
    public Map<String, GatewayRegistration> all() {
        return Map.copyOf(states);
    }
}
