package io.gridpbx.core.tenancy;

import io.gridpbx.core.location.AddressOfRecord;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Creates tenants with the hierarchy's rules enforced: a client only under an existing reseller,
 * a user only in an existing client, an auth user only once per realm.
 */
public final class TenantProvisioning {

    private final TenantDirectory directory;
    private final SipPasswordSeal seal;

    public TenantProvisioning(TenantDirectory directory) {
        this(directory, SipPasswordSeal.NONE);
    }

    /** @param seal keeps each SIP password set here retrievable for phone provisioning */
    public TenantProvisioning(TenantDirectory directory, SipPasswordSeal seal) {
        this.directory = directory;
        this.seal = seal;
    }

    public Platform createPlatform(String domain) {
        Platform platform = new Platform(domain);
        directory.savePlatform(platform);
        return platform;
    }

    public Reseller createReseller(String realm, String name) {
        return createReseller(realm, name, null);
    }

    public Reseller createReseller(String realm, String name, @Nullable String email) {
        Platform platform = directory.platform()
                .orElseThrow(() -> new ProvisioningException("no platform: create the platform first"));
        Reseller reseller = new Reseller(realm, name, platform.domain(), email, java.math.BigDecimal.ZERO, 0,
                Languages.DEFAULT);
        directory.saveReseller(reseller);
        return reseller;
    }

    public Client createClient(String domain, String name, String resellerRealm) {
        return createClient(domain, name, resellerRealm, null);
    }

    public Client createClient(String domain, String name, String resellerRealm, @Nullable String email) {
        Reseller reseller = directory.reseller(DomainName.normalize(resellerRealm))
                .orElseThrow(() -> new ProvisioningException("unknown reseller " + resellerRealm));
        Client client = new Client(domain, name, reseller.realm(), Client.DEFAULT_MAX_CONTACTS, email,
                reseller.language());
        directory.saveClient(client);
        return client;
    }

    public User createUser(String domain, String extension, String password, String displayName) {
        TenantDirectory.UserWithCredentials prepared = prepareUser(domain, extension, password, displayName);
        directory.saveUser(prepared.user(), prepared.credentials());
        return prepared.user();
    }

    /**
     * Creates {@code count} users with consecutive numeric extensions from {@code firstExtension},
     * each with the password {@code passwordPrefix + extension}, in one bulk write.
     */
    public int createUserRange(String domain, int firstExtension, int count, String passwordPrefix) {
        if (count < 1 || count > 100_000) {
            throw new ProvisioningException("count must be between 1 and 100000");
        }
        if (firstExtension < 0) {
            throw new ProvisioningException("first extension must not be negative");
        }
        List<TenantDirectory.UserWithCredentials> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String extension = Integer.toString(firstExtension + i);
            batch.add(prepareUser(domain, extension, passwordPrefix + extension, extension));
        }
        directory.saveUsers(batch);
        return count;
    }

    private TenantDirectory.UserWithCredentials prepareUser(String domain, String extension, String password,
            String displayName) {
        Client client = directory.client(DomainName.normalize(domain))
                .orElseThrow(() -> new ProvisioningException("unknown client domain " + domain));
        if (password.length() < 4) {
            throw new ProvisioningException("password must have at least 4 characters");
        }
        User user = new User(extension, client.domain(), extension, displayName, "en", CallSettings.DEFAULTS);
        AddressOfRecord aor = user.addressOfRecord();
        directory.credentials(user.authUser(), client.domain()).ifPresent(existing -> {
            if (!existing.owner().equals(aor)) {
                throw new ProvisioningException("auth user " + user.authUser() + " already belongs to " + existing.owner());
            }
        });
        return new TenantDirectory.UserWithCredentials(user,
                SipCredentials.fromPassword(user.authUser(), client.domain(), aor, password, seal));
    }

    /** A provisioning request that breaks a rule of the hierarchy; its message is meant for the caller. */
    public static final class ProvisioningException extends IllegalArgumentException {
        public ProvisioningException(String message) {
            super(message);
        }
    }
}
