package io.gridpbx.core.trunking;

import java.util.List;
import java.util.Optional;

/** Where gateways, outbound routes and DIDs live. Reads may come from the call path later: keep them local. */
public interface TrunkingStore {

    List<Gateway> gateways();

    Optional<Gateway> gateway(String id);

    void saveGateway(Gateway gateway);

    void deleteGateway(String id);

    List<OutboundRoute> routesOf(String ownerRealm);

    List<OutboundRoute> allRoutes();

    Optional<OutboundRoute> route(String id);

    void saveRoute(OutboundRoute route);

    void deleteRoute(String id);

    List<Did> dids();

    Optional<Did> did(String number);

    void saveDids(List<Did> dids);

    void deleteDid(String number);
}
