package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import io.gridpbx.core.features.ConfigStore;
import java.util.List;
import java.util.Optional;

/** Configuration objects in a near-cached tenant map: features will read them on the call path. */
public final class HazelcastConfigStore implements ConfigStore {

    private final IMap<String, ConfigObject> objects;

    public HazelcastConfigStore(HazelcastInstance grid) {
        this.objects = grid.getMap(MapNames.CONFIG);
    }

    @Override
    public List<ConfigObject> of(ConfigKind kind, Scope owner) {
        return List.copyOf(objects.values(Predicates.and(Predicates.equal("kind", kind.name()),
                Predicates.equal("owner", owner.toString()))));
    }

    @Override
    public List<ConfigObject> all(ConfigKind kind) {
        return List.copyOf(objects.values(Predicates.equal("kind", kind.name())));
    }

    @Override
    public Optional<ConfigObject> find(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    @Override
    public void save(ConfigObject object) {
        objects.set(object.key(), object);
    }

    @Override
    public void delete(String key) {
        objects.delete(key);
    }
}
