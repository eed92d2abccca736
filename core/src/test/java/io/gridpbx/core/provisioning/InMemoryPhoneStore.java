package io.gridpbx.core.provisioning;

import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.core.tenancy.User;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Phones in a map; users by MAC found by walking the directory, as a test needs nothing faster. */
public final class InMemoryPhoneStore implements PhoneStore {

    private final TenantDirectory directory;
    private final Map<String, Phone> phones = new ConcurrentHashMap<>();

    public InMemoryPhoneStore(TenantDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<User> userWithMac(String mac) {
        return directory.resellers().stream()
                .flatMap(r -> directory.clientsOf(r.realm()).stream())
                .flatMap(c -> directory.usersOf(c.domain()).stream())
                .filter(u -> mac.equals(u.mac()))
                .findFirst();
    }

    @Override
    public Optional<Phone> phone(String mac) {
        return Optional.ofNullable(phones.get(mac));
    }

    @Override
    public Map<String, Phone> phones(java.util.Collection<String> macs) {
        Map<String, Phone> found = new java.util.HashMap<>();
        macs.forEach(mac -> phone(mac).ifPresent(p -> found.put(mac, p)));
        return found;
    }

    @Override
    public void save(Phone phone) {
        phones.put(phone.mac(), phone);
    }
}
