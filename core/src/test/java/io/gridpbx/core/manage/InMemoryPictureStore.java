package io.gridpbx.core.manage;

import io.gridpbx.core.location.AddressOfRecord;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Profile pictures in a plain map, for tests of the services above them. */
public final class InMemoryPictureStore implements PictureStore {

    private final Map<AddressOfRecord, Picture> pictures = new ConcurrentHashMap<>();

    @Override
    public Optional<Picture> find(AddressOfRecord user) {
        return Optional.ofNullable(pictures.get(user));
    }

    @Override
    public void save(AddressOfRecord user, Picture picture) {
        pictures.put(user, picture);
    }

    @Override
    public void delete(AddressOfRecord user) {
        pictures.remove(user);
    }
}
