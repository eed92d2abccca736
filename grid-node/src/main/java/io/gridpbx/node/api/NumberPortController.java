package io.gridpbx.node.api;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.features.NumberPorts;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform's queue of number-port requests: resellers file them under
 * {@code /api/v1/config/number-ports}; the platform reads them all here and sets their status.
 */
@RestController
@RequestMapping("/api/v1/number-ports")
@Tag(name = "number ports")
class NumberPortController {

    private final NumberPorts ports;

    NumberPortController(NumberPorts ports) {
        this.ports = ports;
    }

    record StatusRequest(@Nullable String status) {
    }

    @GetMapping
    List<ConfigController.ConfigJson> queue(Actor actor) {
        return ports.queue(actor.scope()).stream().map(ConfigController.ConfigJson::of).toList();
    }

    @PutMapping("/{resellerRealm}/{id}/status")
    ConfigController.ConfigJson decide(Actor actor, @PathVariable String resellerRealm, @PathVariable String id,
            @RequestBody StatusRequest request) {
        return ConfigController.ConfigJson.of(ports.decide(actor.scope(), resellerRealm, id,
                request.status() == null ? "" : request.status().trim(), actor.email()));
    }
}
