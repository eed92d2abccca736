package io.gridpbx.core.tenancy;

import io.gridpbx.core.location.AddressOfRecord;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A tenant directory held in plain maps, for tests of the code that reads and provisions tenants. */
public final class InMemoryTenantDirectory implements TenantDirectory {

    private @Nullable Platform platform;
    private final Map<String, Reseller> resellers = new HashMap<>();
    private final Map<String, Client> clients = new HashMap<>();
    private final Map<AddressOfRecord, User> users = new HashMap<>();
    private final Map<String, SipCredentials> credentials = new HashMap<>();

    @Override
    public Optional<Platform> platform() {
        return Optional.ofNullable(platform);
    }

    @Override
    public Optional<Reseller> reseller(String realm) {
        return Optional.ofNullable(resellers.get(realm));
    }

    @Override
    public Optional<Client> client(String domain) {
        return Optional.ofNullable(clients.get(domain));
    }

    @Override
    public Optional<User> user(AddressOfRecord aor) {
        return Optional.ofNullable(users.get(aor));
    }

    @Override
    public Optional<SipCredentials> credentials(String authUser, String realm) {
        return Optional.ofNullable(credentials.get(SipCredentials.key(authUser, realm)));
    }

    @Override
    public boolean isEmpty() {
        return platform == null && resellers.isEmpty() && clients.isEmpty() && users.isEmpty();
    }

    @Override
    public void savePlatform(Platform platform) {
        this.platform = platform;
    }

    @Override
    public void saveReseller(Reseller reseller) {
        resellers.put(reseller.realm(), reseller);
    }

    @Override
    public void saveClient(Client client) {
        clients.put(client.domain(), client);
    }

    @Override
    public void saveUser(User user) {
        users.put(user.addressOfRecord(), user);
    }

    @Override
    public void saveUser(User user, SipCredentials credentials) {
        users.put(user.addressOfRecord(), user);
        this.credentials.put(credentials.key(), credentials);
    }

    @Override
    public void saveUsers(Collection<UserWithCredentials> batch) {
        batch.forEach(entry -> saveUser(entry.user(), entry.credentials()));
    }

    @Override
    public List<Reseller> resellers() {
        return List.copyOf(resellers.values());
    }

    @Override
    public List<Client> clientsOf(String resellerRealm) {
        return clients.values().stream().filter(c -> c.resellerRealm().equals(resellerRealm)).toList();
    }

    @Override
    public List<User> usersOf(String clientDomain) {
        return users.values().stream().filter(u -> u.domain().equals(clientDomain)).toList();
    }

    @Override
    public void deleteReseller(String realm) {
        resellers.remove(realm);
    }

    @Override
    public void deleteClient(String domain) {
        clients.remove(domain);
    }

    @Override
    public void deleteUser(User user) {
        users.remove(user.addressOfRecord());
        credentials.remove(SipCredentials.key(user.authUser(), user.domain()));
    }

    public int userCount() {
        return users.size();
    }
}
