package io.gridpbx.core.tenancy;

import io.gridpbx.core.location.AddressOfRecord;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The tenant configuration as the call path reads it. Every read here happens on every SIP request,
 * so an adapter must answer from local memory (the grid's near cache), not from a remote call.
 */
public interface TenantDirectory {

    Optional<Platform> platform();

    Optional<Reseller> reseller(String realm);

    Optional<Client> client(String domain);

    Optional<User> user(AddressOfRecord aor);

    Optional<SipCredentials> credentials(String authUser, String realm);

    /** Every reseller, in no particular order: the management plane's read, not the call path's. */
    List<Reseller> resellers();

    /** The clients under one reseller realm, in no particular order. */
    List<Client> clientsOf(String resellerRealm);

    /** The users of one client domain, in no particular order. */
    List<User> usersOf(String clientDomain);

    void deleteReseller(String realm);

    void deleteClient(String domain);

    /** Deletes the user and its SIP credentials: its next REGISTER or call is refused on every node. */
    void deleteUser(User user);

    /** Whether any tenant data exists: first-start seeding and demo data depend on it. */
    boolean isEmpty();

    void savePlatform(Platform platform);

    void saveReseller(Reseller reseller);

    void saveClient(Client client);

    /** Saves the user record alone (settings, names); its credentials stay as they are. */
    void saveUser(User user);

    /** Saves the user and its credentials together. */
    void saveUser(User user, SipCredentials credentials);

    /** Saves many users at once: the bulk path of provisioning. */
    void saveUsers(Collection<UserWithCredentials> users);

    /** A user and the credentials it registers with, for bulk saves. */
    record UserWithCredentials(User user, SipCredentials credentials) {
    }
}
