package io.gridpbx.core.provisioning;

import io.gridpbx.core.tenancy.User;
import java.util.Optional;

/** The port phone provisioning reads and writes: users by MAC, and the phones' own records. */
public interface PhoneStore {

    /** The user whose {@code mac} is this one, read at the time of the fetch (no cache to invalidate). */
    Optional<User> userWithMac(String mac);

    Optional<Phone> phone(String mac);

    void save(Phone phone);
}
