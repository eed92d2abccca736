package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.gridpbx.core.trunking.Did;
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.OutboundRoute;
import io.gridpbx.core.trunking.TrunkingStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Gateways, outbound routes and DIDs in near-cached tenant maps: the call path will read them locally. */
public final class HazelcastTrunkingStore implements TrunkingStore {

    private final IMap<String, Gateway> gateways;
    private final IMap<String, OutboundRoute> routes;
    private final IMap<String, Did> dids;

    public HazelcastTrunkingStore(HazelcastInstance grid) {
        this.gateways = grid.getMap(MapNames.GATEWAYS);
        this.routes = grid.getMap(MapNames.ROUTES);
        this.dids = grid.getMap(MapNames.DIDS);
    }

    @Override
    public List<Gateway> gateways() {
        return List.copyOf(gateways.values());
    }

    @Override
    public Optional<Gateway> gateway(String id) {
        return Optional.ofNullable(gateways.get(id));
    }

    @Override
    public void saveGateway(Gateway gateway) {
        gateways.set(gateway.id(), gateway);
    }

    @Override
    public void deleteGateway(String id) {
        gateways.delete(id);
    }

    @Override
    public List<OutboundRoute> routesOf(String ownerRealm) {
        return List.copyOf(routes.values(Predicates.equal("ownerRealm", ownerRealm)));
    }

    @Override
    public List<OutboundRoute> allRoutes() {
        return List.copyOf(routes.values());
    }

    @Override
    public Optional<OutboundRoute> route(String id) {
        return Optional.ofNullable(routes.get(id));
    }

    @Override
    public void saveRoute(OutboundRoute route) {
        routes.set(route.id(), route);
    }

    @Override
    public void deleteRoute(String id) {
        routes.delete(id);
    }

    @Override
    public List<Did> dids() {
        return List.copyOf(dids.values());
    }

    @Override
    public Optional<Did> did(String number) {
        return Optional.ofNullable(dids.get(number));
    }

    @Override
    public void saveDids(List<Did> batch) {
        Map<String, Did> byNumber = new HashMap<>();
        batch.forEach(d -> byNumber.put(d.number(), d));
        dids.putAll(byNumber);
    }

    @Override
    public void deleteDid(String number) {
        dids.delete(number);
    }
}
