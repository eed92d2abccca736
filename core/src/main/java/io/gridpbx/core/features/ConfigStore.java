package io.gridpbx.core.features;

import io.gridpbx.core.access.Scope;
import java.util.List;
import java.util.Optional;

/** Where configuration objects live, by {@link ConfigObject#key()}. */
public interface ConfigStore {

    List<ConfigObject> of(ConfigKind kind, Scope owner);

    Optional<ConfigObject> find(String key);

    void save(ConfigObject object);

    void delete(String key);
}
