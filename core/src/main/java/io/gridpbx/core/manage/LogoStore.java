package io.gridpbx.core.manage;

import java.util.Optional;

/** Where the resellers' logos live, one per reseller, by its realm. */
public interface LogoStore {

    Optional<Picture> find(String resellerRealm);

    void save(String resellerRealm, Picture logo);

    /** Removes the reseller's logo; nothing happens when it has none. */
    void delete(String resellerRealm);
}
