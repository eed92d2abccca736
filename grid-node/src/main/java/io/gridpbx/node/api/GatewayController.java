package io.gridpbx.node.api;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.GatewayAdmin;
import io.gridpbx.core.trunking.GatewayRegistration;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
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
 * The platform's SIP trunks, with how the registration of each registering one stands; resellers see
 * only their names, to build routes.
 */
@RestController
@RequestMapping("/api/v1/gateways")
@Tag(name = "gateways")
class GatewayController {

    private final GatewayAdmin gateways;

    GatewayController(GatewayAdmin gateways) {
        this.gateways = gateways;
    }

    @GetMapping
    List<GatewayJson> list(Actor actor) {
        Map<String, GatewayRegistration> registrations = gateways.registrations(actor.scope());
        return gateways.list(actor.scope()).stream().map(g -> GatewayJson.of(g, registrations.get(g.id()))).toList();
    }

    /** The gateways a route may use, by name only. */
    @GetMapping("/choices")
    List<GatewayAdmin.Choice> choices(Actor actor) {
        return gateways.choices(actor.scope());
    }

    @PostMapping
    ResponseEntity<GatewayJson> create(Actor actor, @RequestBody GatewayRequest request) {
        Gateway created = gateways.create(actor.scope(), request.toForm());
        return Created.at("/api/v1/gateways/{id}", created.id(), GatewayJson.of(created));
    }

    @GetMapping("/{id}")
    GatewayJson get(Actor actor, @PathVariable String id) {
        return GatewayJson.of(gateways.get(actor.scope(), id), gateways.registrations(actor.scope()).get(id));
    }

    @PutMapping("/{id}")
    GatewayJson replace(Actor actor, @PathVariable String id, @RequestBody GatewayRequest request) {
        return GatewayJson.of(gateways.update(actor.scope(), id, request.toForm()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Actor actor, @PathVariable String id) {
        gateways.delete(actor.scope(), id);
        return ResponseEntity.noContent().build();
    }
}
