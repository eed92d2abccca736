package io.gridpbx.core.manage;

import io.gridpbx.core.location.AddressOfRecord;
import java.util.Optional;

/** Where the users' profile pictures live, one per user, by its address of record. */
public interface PictureStore {

    Optional<Picture> find(AddressOfRecord user);

    void save(AddressOfRecord user, Picture picture);

    /** Removes the user's picture; nothing happens when it has none. */
    void delete(AddressOfRecord user);
}
