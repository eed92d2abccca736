package io.gridpbx.node.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gridpbx.core.access.Actor;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import io.gridpbx.core.features.FeatureConfig;
import io.gridpbx.core.features.FieldSpec;
import io.gridpbx.core.manage.NotFoundException;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * Configuration objects of the token's level, one kind per path: {@code /api/v1/config/ring-groups},
 * {@code /api/v1/config/billing-profiles}, ... A single kind (settings) has the one id {@code settings}.
 * The bodies are flat JSON objects of the kind's fields; {@code /api/v1/config} describes them. The
 * answers carry them in {@code values}, and a cap of concurrent calls its {@code callsNow} beside them.
 */
@RestController
@RequestMapping("/api/v1/config")
@Tag(name = "configuration")
class ConfigController {

    private final FeatureConfig config;

    ConfigController(FeatureConfig config) {
        this.config = config;
    }

    record KindJson(String path, String level, boolean single, List<FieldSpec> fields) {
    }

    record ConfigJson(String id, String kind, String owner, Map<String, String> values,
            @Schema(description = "calls the cluster counts against this cap now; read-only, caps of calls only",
                    accessMode = Schema.AccessMode.READ_ONLY)
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer callsNow) {

        static ConfigJson of(ConfigObject o) {
            return of(o, null);
        }

        static ConfigJson of(ConfigObject o, @Nullable Integer callsNow) {
            return new ConfigJson(o.id(), o.kind().path(), o.owner().toString(), o.values(), callsNow);
        }
    }

    @GetMapping
    List<KindJson> kinds() {
        return Arrays.stream(ConfigKind.values()).filter(k -> !k.dedicated())
                .map(k -> new KindJson(k.path(), k.owner().name().toLowerCase(java.util.Locale.ROOT), k.single(), k.fields()))
                .toList();
    }

    @GetMapping("/{kind}")
    List<ConfigJson> list(Actor actor, @PathVariable String kind) {
        ConfigKind k = kind(kind);
        return json(actor, k.single() ? List.of(config.single(actor.scope(), k)) : config.list(actor.scope(), k));
    }

    @PostMapping("/{kind}")
    ResponseEntity<ConfigJson> create(Actor actor, @PathVariable String kind, @RequestBody Map<String, String> values) {
        ConfigObject created = config.create(actor.scope(), kind(kind), values);
        return Created.at("/api/v1/config/" + kind + "/{id}", created.id(), json(actor, created));
    }

    @GetMapping("/{kind}/{id}")
    ConfigJson get(Actor actor, @PathVariable String kind, @PathVariable String id) {
        ConfigKind k = kind(kind);
        return json(actor, k.single() ? config.single(actor.scope(), k) : config.get(actor.scope(), k, id));
    }

    @PutMapping("/{kind}/{id}")
    ConfigJson replace(Actor actor, @PathVariable String kind, @PathVariable String id,
            @RequestBody Map<String, String> values) {
        return json(actor, config.update(actor.scope(), kind(kind), id, values));
    }

    @DeleteMapping("/{kind}/{id}")
    ResponseEntity<Void> delete(Actor actor, @PathVariable String kind, @PathVariable String id) {
        config.delete(actor.scope(), kind(kind), id);
        return ResponseEntity.noContent().build();
    }

    /** The objects with the calls counted now against those that cap calls, in one read of the grid. */
    private List<ConfigJson> json(Actor actor, List<ConfigObject> objects) {
        Map<String, Integer> callsNow = config.callsNow(actor.scope(), objects);
        return objects.stream().map(o -> ConfigJson.of(o, callsNow.get(o.id()))).toList();
    }

    private ConfigJson json(Actor actor, ConfigObject object) {
        return json(actor, List.of(object)).getFirst();
    }

    private static ConfigKind kind(String path) {
        return ConfigKind.byPath(path).orElseThrow(() -> new NotFoundException("configuration kind", path));
    }
}
