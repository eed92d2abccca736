package io.gridpbx.core.provisioning;

import io.gridpbx.core.tenancy.User;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The port phone provisioning reads and writes: users by MAC, and the phones' own records. */
public interface PhoneStore {

    /** The user whose {@code mac} is this one, read at the time of the fetch (no cache to invalidate). */
    Optional<User> userWithMac(String mac);

    Optional<Phone> phone(String mac);

    /** The phones of these MACs that have a record, in one read: the users list's page. */
    Map<String, Phone> phones(Collection<String> macs);

    void save(Phone phone);
}
