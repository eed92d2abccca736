package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridpbx.core.manage.LogoStore;
import io.gridpbx.core.manage.Picture;
import java.util.Optional;

/** Resellers' logos in a near-cached tenant map (written behind to the database where one is configured). */
public final class HazelcastLogoStore implements LogoStore {

    private final IMap<String, Picture> logos;

    public HazelcastLogoStore(HazelcastInstance grid) {
        this.logos = grid.getMap(MapNames.LOGOS);
    }

    @Override
    public Optional<Picture> find(String resellerRealm) {
        return Optional.ofNullable(logos.get(resellerRealm));
    }

    @Override
    public void save(String resellerRealm, Picture logo) {
        logos.set(resellerRealm, logo);
    }

    @Override
    public void delete(String resellerRealm) {
        logos.delete(resellerRealm);
    }
}
