package io.gridpbx.core.features;

import io.gridpbx.core.access.Scope;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Configuration objects in a plain map, for tests of the services above them. */
public final class InMemoryConfigStore implements ConfigStore {

    private final Map<String, ConfigObject> objects = new ConcurrentHashMap<>();

    @Override
    public List<ConfigObject> of(ConfigKind kind, Scope owner) {
        return objects.values().stream().filter(o -> o.kind() == kind && o.owner().equals(owner)).toList();
    }

    @Override
    public List<ConfigObject> all(ConfigKind kind) {
        return objects.values().stream().filter(o -> o.kind() == kind).toList();
    }

    @Override
    public Optional<ConfigObject> find(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    @Override
    public void save(ConfigObject object) {
        objects.put(object.key(), object);
    }

    @Override
    public void delete(String key) {
        objects.remove(key);
    }
}
