package io.gridpbx.core.manage;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Resellers' logos in a plain map, for tests of the services above them. */
public final class InMemoryLogoStore implements LogoStore {

    private final Map<String, Picture> logos = new ConcurrentHashMap<>();

    @Override
    public Optional<Picture> find(String resellerRealm) {
        return Optional.ofNullable(logos.get(resellerRealm));
    }

    @Override
    public void save(String resellerRealm, Picture logo) {
        logos.put(resellerRealm, logo);
    }

    @Override
    public void delete(String resellerRealm) {
        logos.remove(resellerRealm);
    }
}
