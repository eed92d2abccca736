package io.gridpbx.core.trunking;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Gateways, routes and DIDs in plain maps, for tests of the services above them. */
public final class InMemoryTrunkingStore implements TrunkingStore {

    private final Map<String, Gateway> gateways = new ConcurrentHashMap<>();
    private final Map<String, OutboundRoute> routes = new ConcurrentHashMap<>();
    private final Map<String, Did> dids = new ConcurrentHashMap<>();

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
        gateways.put(gateway.id(), gateway);
    }

    @Override
    public void deleteGateway(String id) {
        gateways.remove(id);
    }

    @Override
    public List<OutboundRoute> routesOf(String ownerRealm) {
        return routes.values().stream().filter(r -> r.ownerRealm().equals(ownerRealm)).toList();
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
        routes.put(route.id(), route);
    }

    @Override
    public void deleteRoute(String id) {
        routes.remove(id);
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
        batch.forEach(d -> dids.put(d.number(), d));
    }

    @Override
    public void deleteDid(String number) {
        dids.remove(number);
    }
}
