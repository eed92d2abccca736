package io.gridpbx.node.api;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.trunking.OutboundRoute;
import io.gridpbx.core.trunking.RouteAdmin;
import io.gridpbx.core.trunking.RouteForm;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outbound routes of the token's owner (the platform or a reseller), each with its ordered gateways
 * and, when it shares calls among them, their weights.
 */
@RestController
@RequestMapping("/api/v1/routes")
@Tag(name = "outbound routes")
class RouteController {

    private final RouteAdmin routes;

    RouteController(RouteAdmin routes) {
        this.routes = routes;
    }

    /**
     * A route as posted: {@code gatewayIds} in the order to try them, or with {@code weights} (one per
     * gateway, 1 to 1000; absent or empty for ordered failover) to share calls among them.
     */
    record RouteRequest(@Nullable String name, @Nullable String pattern, @Nullable String priority,
            @Nullable List<String> gatewayIds, @Nullable List<@Nullable String> weights) {

        RouteForm toForm() {
            return new RouteForm(name, pattern, priority, gatewayIds == null ? List.of() : gatewayIds,
                    weights == null ? List.of() : weights);
        }
    }

    @GetMapping
    List<OutboundRoute> list(Actor actor) {
        return routes.list(actor.scope());
    }

    @PostMapping
    ResponseEntity<OutboundRoute> create(Actor actor, @RequestBody RouteRequest request) {
        OutboundRoute created = routes.create(actor.scope(), request.toForm());
        return Created.at("/api/v1/routes/{id}", created.id(), created);
    }

    @GetMapping("/{id}")
    OutboundRoute get(Actor actor, @PathVariable String id) {
        return routes.get(actor.scope(), id);
    }

    @PutMapping("/{id}")
    OutboundRoute replace(Actor actor, @PathVariable String id, @RequestBody RouteRequest request) {
        return routes.update(actor.scope(), id, request.toForm());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Actor actor, @PathVariable String id) {
        routes.delete(actor.scope(), id);
        return ResponseEntity.noContent().build();
    }
}
