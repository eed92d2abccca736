package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.tenancy.Client;
import io.gridpbx.core.tenancy.Platform;
import io.gridpbx.core.tenancy.Reseller;
import io.gridpbx.core.tenancy.SipCredentials;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.core.tenancy.User;
import java.util.Collection;
import com.hazelcast.query.Predicates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tenant configuration in near-cached maps: reads on the SIP path are local, writes from any node
 * invalidate every member's copy.
 */
public final class HazelcastTenantDirectory implements TenantDirectory {

    private static final String PLATFORM_KEY = "platform";

    private final IMap<String, Platform> platform;
    private final IMap<String, Reseller> resellers;
    private final IMap<String, Client> clients;
    private final IMap<String, User> users;
    private final IMap<String, SipCredentials> credentials;
    private final GridDeadline deadline;

    public HazelcastTenantDirectory(HazelcastInstance grid) {
        this(grid, GridDeadline.DEFAULT);
    }

    /**
     * @param deadline how long a read of the call path (client, user, credentials) waits: a
     *                 near-cache hit answers at once, a miss (first read on this member, or right
     *                 after a change) asks the key's owner. The management plane's reads keep
     *                 Hazelcast's own timeouts: they run on HTTP threads, not on the SIP pool.
     */
    public HazelcastTenantDirectory(HazelcastInstance grid, GridDeadline deadline) {
        this.deadline = deadline;
        this.platform = grid.getMap(MapNames.PLATFORM);
        this.resellers = grid.getMap(MapNames.RESELLERS);
        this.clients = grid.getMap(MapNames.CLIENTS);
        this.users = grid.getMap(MapNames.USERS);
        this.credentials = grid.getMap(MapNames.CREDENTIALS);
    }

    @Override
    public Optional<Platform> platform() {
        return Optional.ofNullable(platform.get(PLATFORM_KEY));
    }

    @Override
    public Optional<Reseller> reseller(String realm) {
        return Optional.ofNullable(resellers.get(realm));
    }

    @Override
    public Optional<Client> client(String domain) {
        return Optional.ofNullable(read(clients, domain, "client"));
    }

    @Override
    public Optional<User> user(AddressOfRecord aor) {
        return Optional.ofNullable(read(users, aor.toString(), "user"));
    }

    @Override
    public Optional<SipCredentials> credentials(String authUser, String realm) {
        return Optional.ofNullable(read(credentials, SipCredentials.key(authUser, realm), "credentials"));
    }

    /** A call-path read: near cache first (getAsync consults it), the owner on a miss, within the deadline. */
    private <V> V read(IMap<String, V> map, String key, String what) {
        return deadline.await(map.getAsync(key), what, key);
    }

    @Override
    public List<Reseller> resellers() {
        return List.copyOf(resellers.values());
    }

    @Override
    public List<Client> clientsOf(String resellerRealm) {
        return List.copyOf(clients.values(Predicates.equal("resellerRealm", resellerRealm)));
    }

    @Override
    public List<User> usersOf(String clientDomain) {
        return List.copyOf(users.values(Predicates.equal("domain", clientDomain)));
    }

    @Override
    public void deleteReseller(String realm) {
        resellers.delete(realm);
    }

    @Override
    public void deleteClient(String domain) {
        clients.delete(domain);
    }

    @Override
    public void deleteUser(User user) {
        // The user first: from then on nobody can call it; then its credentials, so it cannot register.
        users.delete(user.addressOfRecord().toString());
        credentials.delete(SipCredentials.key(user.authUser(), user.domain()));
    }

    @Override
    public boolean isEmpty() {
        return platform.isEmpty();
    }

    @Override
    public void savePlatform(Platform value) {
        platform.set(PLATFORM_KEY, value);
    }

    @Override
    public void saveReseller(Reseller reseller) {
        resellers.set(reseller.realm(), reseller);
    }

    @Override
    public void saveClient(Client client) {
        clients.set(client.domain(), client);
    }

    @Override
    public void saveUser(User user) {
        users.set(user.addressOfRecord().toString(), user);
    }

    @Override
    public void saveUser(User user, SipCredentials sipCredentials) {
        // Credentials first: a user that exists can always authenticate.
        credentials.set(sipCredentials.key(), sipCredentials);
        users.set(user.addressOfRecord().toString(), user);
    }

    @Override
    public void saveUsers(Collection<UserWithCredentials> batch) {
        Map<String, SipCredentials> creds = new HashMap<>();
        Map<String, User> byAor = new HashMap<>();
        for (UserWithCredentials entry : batch) {
            creds.put(entry.credentials().key(), entry.credentials());
            byAor.put(entry.user().addressOfRecord().toString(), entry.user());
        }
        credentials.putAll(creds);
        users.putAll(byAor);
    }
}
