package io.gridpbx.node.api;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import io.gridpbx.core.features.FeatureConfig;
import io.gridpbx.core.features.FieldSpec;
import io.gridpbx.core.manage.NotFoundException;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
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
 * Configuration objects of the token's level, one kind per path: {@code /api/v1/config/ring-groups},
 * {@code /api/v1/config/billing-profiles}, ... A single kind (settings) has the one id {@code settings}.
 * The bodies are flat JSON objects of the kind's fields; {@code /api/v1/config} describes them.
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

    record ConfigJson(String id, String kind, String owner, Map<String, String> values) {

        static ConfigJson of(ConfigObject o) {
            return new ConfigJson(o.id(), o.kind().path(), o.owner().toString(), o.values());
        }
    }

    @GetMapping
    List<KindJson> kinds() {
        return Arrays.stream(ConfigKind.values())
                .map(k -> new KindJson(k.path(), k.owner().name().toLowerCase(java.util.Locale.ROOT), k.single(), k.fields()))
                .toList();
    }

    @GetMapping("/{kind}")
    List<ConfigJson> list(Actor actor, @PathVariable String kind) {
        ConfigKind k = kind(kind);
        return (k.single() ? List.of(config.single(actor.scope(), k)) : config.list(actor.scope(), k)).stream()
                .map(ConfigJson::of).toList();
    }

    @PostMapping("/{kind}")
    ResponseEntity<ConfigJson> create(Actor actor, @PathVariable String kind, @RequestBody Map<String, String> values) {
        ConfigObject created = config.create(actor.scope(), kind(kind), values);
        return Created.at("/api/v1/config/" + kind + "/{id}", created.id(), ConfigJson.of(created));
    }

    @GetMapping("/{kind}/{id}")
    ConfigJson get(Actor actor, @PathVariable String kind, @PathVariable String id) {
        ConfigKind k = kind(kind);
        return ConfigJson.of(k.single() ? config.single(actor.scope(), k) : config.get(actor.scope(), k, id));
    }

    @PutMapping("/{kind}/{id}")
    ConfigJson replace(Actor actor, @PathVariable String kind, @PathVariable String id,
            @RequestBody Map<String, String> values) {
        return ConfigJson.of(config.update(actor.scope(), kind(kind), id, values));
    }

    @DeleteMapping("/{kind}/{id}")
    ResponseEntity<Void> delete(Actor actor, @PathVariable String kind, @PathVariable String id) {
        config.delete(actor.scope(), kind(kind), id);
        return ResponseEntity.noContent().build();
    }

    private static ConfigKind kind(String path) {
        return ConfigKind.byPath(path).orElseThrow(() -> new NotFoundException("configuration kind", path));
    }
}
