package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.manage.Picture;
import io.gridpbx.core.manage.PictureStore;
import java.util.Optional;

/** Users' profile pictures in a map without near cache (written behind to the database where one is configured). */
public final class HazelcastPictureStore implements PictureStore {

    private final IMap<String, Picture> pictures;

    public HazelcastPictureStore(HazelcastInstance grid) {
        this.pictures = grid.getMap(MapNames.PICTURES);
    }

    @Override
    public Optional<Picture> find(AddressOfRecord user) {
        return Optional.ofNullable(pictures.get(user.toString()));
    }

    @Override
    public void save(AddressOfRecord user, Picture picture) {
        pictures.set(user.toString(), picture);
    }

    @Override
    public void delete(AddressOfRecord user) {
        pictures.delete(user.toString());
    }
}
