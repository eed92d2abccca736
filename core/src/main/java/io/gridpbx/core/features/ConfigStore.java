package io.gridpbx.core.features;

import io.gridpbx.core.access.Scope;
import java.util.List;
import java.util.Optional;

/** Where configuration objects live, by {@link ConfigObject#key()}. */
public interface ConfigStore {

    List<ConfigObject> of(ConfigKind kind, Scope owner);

    /** Every object of a kind, whoever owns it: for the platform's work queues. */
    List<ConfigObject> all(ConfigKind kind);

    Optional<ConfigObject> find(String key);

    void save(ConfigObject object);

    void delete(String key);
}
