package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridpbx.core.trunking.GatewayHealth;
import io.gridpbx.core.trunking.GatewayProbing;
import java.time.Clock;

/** The gateways' probe results in the grid, where every member's {@link TrunkingMirror} reads them. */
public final class HazelcastGatewayHealth implements GatewayProbing.HealthBoard {

    private final IMap<String, GatewayHealth> health;
    private final Clock clock;

    public HazelcastGatewayHealth(HazelcastInstance grid, Clock clock) {
        this.health = grid.getMap(MapNames.GATEWAY_HEALTH);
        this.clock = clock;
    }

    @Override
    public GatewayHealth health(String gatewayId) {
        GatewayHealth known = health.get(gatewayId);
        return known != null ? known : GatewayHealth.unknown(gatewayId, clock.millis());
    }

    @Override
    public void save(GatewayHealth state) {
        health.set(state.gatewayId(), state);
    }
}
