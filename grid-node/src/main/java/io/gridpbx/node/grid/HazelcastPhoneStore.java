package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.gridpbx.core.provisioning.Phone;
import io.gridpbx.core.provisioning.PhoneStore;
import io.gridpbx.core.tenancy.User;
import java.util.Optional;

/**
 * Users by MAC through an indexed query of the users map (read at every fetch, so a phone moved to
 * another user follows at once), and the phones' own records in {@code provisioning.phones}.
 */
public final class HazelcastPhoneStore implements PhoneStore {

    private final IMap<String, User> users;
    private final IMap<String, Phone> phones;

    public HazelcastPhoneStore(HazelcastInstance grid) {
        this.users = grid.getMap(MapNames.USERS);
        this.phones = grid.getMap(MapNames.PHONES);
    }

    @Override
    public Optional<User> userWithMac(String mac) {
        // Two users with one MAC is an admin's mistake: the one with the smallest key wins, the same on every node.
        return users.entrySet(Predicates.equal("mac", mac)).stream()
                .min(java.util.Map.Entry.comparingByKey())
                .map(java.util.Map.Entry::getValue);
    }

    @Override
    public Optional<Phone> phone(String mac) {
        return Optional.ofNullable(phones.get(mac));
    }

    @Override
    public java.util.Map<String, Phone> phones(java.util.Collection<String> macs) {
        return macs.isEmpty() ? java.util.Map.of() : phones.getAll(new java.util.HashSet<>(macs));
    }

    @Override
    public void save(Phone phone) {
        phones.set(phone.mac(), phone);
    }
}
