package io.gridpbx.node.grid;

import com.hazelcast.map.EntryStore;
import com.hazelcast.map.MapStore;
import io.gridpbx.core.access.Account;
import io.gridpbx.core.access.ApiToken;
import io.gridpbx.core.access.AuditEntry;
import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.features.ConfigObject;
import io.gridpbx.core.location.BindingSet;
import io.gridpbx.core.manage.Picture;
import io.gridpbx.core.presence.Subscription;
import io.gridpbx.core.presence.xcap.XcapDocument;
import io.gridpbx.core.provisioning.Phone;
import io.gridpbx.core.tenancy.Client;
import io.gridpbx.core.tenancy.Platform;
import io.gridpbx.core.tenancy.Reseller;
import io.gridpbx.core.tenancy.SipCredentials;
import io.gridpbx.core.tenancy.User;
import io.gridpbx.core.trunking.Did;
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.OutboundRoute;
import io.gridpbx.core.voicemail.Mailbox;
import io.gridpbx.core.voicemail.Recording;
import org.jspecify.annotations.Nullable;

/**
 * The stores behind the persisted maps, and how eagerly they write. Tenant configuration and
 * registrations are written behind (the grid answers first, the database follows within
 * {@code writeDelaySeconds}); both are coalesced, since each value is the key's whole state and the
 * last write is the one that counts. Without a {@code locations} store, registrations live in the
 * grid only ({@code gridpbx.db.persist-registrations=false}); without {@code phones}, provisioned
 * phones do, without {@code balances} the balances, without {@code xcapDocuments} the users' XCAP
 * documents, and without {@code subscriptions} the presence subscriptions (written behind like
 * registrations, and loaded back with their expiry). Balances are stored as micros alone
 * ({@link BalanceMapStore}): the ids of the latest changes, kept to apply each once, stay in the grid.
 */
public record PersistedStores(
        MapStore<String, Platform> platform,
        MapStore<String, Reseller> resellers,
        MapStore<String, Client> clients,
        MapStore<String, User> users,
        MapStore<String, SipCredentials> credentials,
        @Nullable EntryStore<String, BindingSet> locations,
        MapStore<String, Account> accounts,
        MapStore<String, ApiToken> apiTokens,
        MapStore<String, AuditEntry> audit,
        MapStore<String, Gateway> gateways,
        MapStore<String, OutboundRoute> routes,
        MapStore<String, Did> dids,
        MapStore<String, Cdr> cdrs,
        MapStore<String, ConfigObject> config,
        MapStore<String, Picture> pictures,
        MapStore<String, Picture> logos,
        MapStore<String, Mailbox> mailboxes,
        MapStore<String, Recording> recordings,
        @Nullable MapStore<String, Phone> phones,
        @Nullable MapStore<String, Long> balances,
        @Nullable EntryStore<String, Subscription> subscriptions,
        @Nullable MapStore<String, XcapDocument> xcapDocuments,
        int writeDelaySeconds,
        int writeBatchSize) {

    /** The stores without XCAP documents: the {@code presence.xcap} map then lives in the grid only. */
    public PersistedStores(MapStore<String, Platform> platform, MapStore<String, Reseller> resellers,
            MapStore<String, Client> clients, MapStore<String, User> users, MapStore<String, SipCredentials> credentials,
            @Nullable EntryStore<String, BindingSet> locations, MapStore<String, Account> accounts,
            MapStore<String, ApiToken> apiTokens, MapStore<String, AuditEntry> audit, MapStore<String, Gateway> gateways,
            MapStore<String, OutboundRoute> routes, MapStore<String, Did> dids, MapStore<String, Cdr> cdrs,
            MapStore<String, ConfigObject> config, MapStore<String, Picture> pictures, MapStore<String, Picture> logos,
            MapStore<String, Mailbox> mailboxes, MapStore<String, Recording> recordings,
            @Nullable MapStore<String, Phone> phones, @Nullable MapStore<String, Long> balances,
            @Nullable EntryStore<String, Subscription> subscriptions, int writeDelaySeconds, int writeBatchSize) {
        this(platform, resellers, clients, users, credentials, locations, accounts, apiTokens, audit, gateways, routes,
                dids, cdrs, config, pictures, logos, mailboxes, recordings, phones, balances, subscriptions, null,
                writeDelaySeconds, writeBatchSize);
    }

    /** The stores without phones: the {@code provisioning.phones} map then lives in the grid only. */
    public PersistedStores(MapStore<String, Platform> platform, MapStore<String, Reseller> resellers,
            MapStore<String, Client> clients, MapStore<String, User> users, MapStore<String, SipCredentials> credentials,
            @Nullable EntryStore<String, BindingSet> locations, MapStore<String, Account> accounts,
            MapStore<String, ApiToken> apiTokens, MapStore<String, AuditEntry> audit, MapStore<String, Gateway> gateways,
            MapStore<String, OutboundRoute> routes, MapStore<String, Did> dids, MapStore<String, Cdr> cdrs,
            MapStore<String, ConfigObject> config, MapStore<String, Picture> pictures, MapStore<String, Picture> logos,
            MapStore<String, Mailbox> mailboxes, MapStore<String, Recording> recordings, int writeDelaySeconds,
            int writeBatchSize) {
        this(platform, resellers, clients, users, credentials, locations, accounts, apiTokens, audit, gateways, routes,
                dids, cdrs, config, pictures, logos, mailboxes, recordings, null, writeDelaySeconds, writeBatchSize);
    }

    /** The stores without balances: the {@code billing.balances} map then lives in the grid only. */
    public PersistedStores(MapStore<String, Platform> platform, MapStore<String, Reseller> resellers,
            MapStore<String, Client> clients, MapStore<String, User> users, MapStore<String, SipCredentials> credentials,
            @Nullable EntryStore<String, BindingSet> locations, MapStore<String, Account> accounts,
            MapStore<String, ApiToken> apiTokens, MapStore<String, AuditEntry> audit, MapStore<String, Gateway> gateways,
            MapStore<String, OutboundRoute> routes, MapStore<String, Did> dids, MapStore<String, Cdr> cdrs,
            MapStore<String, ConfigObject> config, MapStore<String, Picture> pictures, MapStore<String, Picture> logos,
            MapStore<String, Mailbox> mailboxes, MapStore<String, Recording> recordings,
            @Nullable MapStore<String, Phone> phones, int writeDelaySeconds, int writeBatchSize) {
        this(platform, resellers, clients, users, credentials, locations, accounts, apiTokens, audit, gateways, routes,
                dids, cdrs, config, pictures, logos, mailboxes, recordings, phones, null, null, writeDelaySeconds,
                writeBatchSize);
    }

    /** The stores without presence subscriptions: the {@code presence.subscriptions} map then lives in the grid only. */
    public PersistedStores(MapStore<String, Platform> platform, MapStore<String, Reseller> resellers,
            MapStore<String, Client> clients, MapStore<String, User> users, MapStore<String, SipCredentials> credentials,
            @Nullable EntryStore<String, BindingSet> locations, MapStore<String, Account> accounts,
            MapStore<String, ApiToken> apiTokens, MapStore<String, AuditEntry> audit, MapStore<String, Gateway> gateways,
            MapStore<String, OutboundRoute> routes, MapStore<String, Did> dids, MapStore<String, Cdr> cdrs,
            MapStore<String, ConfigObject> config, MapStore<String, Picture> pictures, MapStore<String, Picture> logos,
            MapStore<String, Mailbox> mailboxes, MapStore<String, Recording> recordings,
            @Nullable MapStore<String, Phone> phones, @Nullable MapStore<String, Long> balances, int writeDelaySeconds,
            int writeBatchSize) {
        this(platform, resellers, clients, users, credentials, locations, accounts, apiTokens, audit, gateways, routes,
                dids, cdrs, config, pictures, logos, mailboxes, recordings, phones, balances, null, writeDelaySeconds,
                writeBatchSize);
    }

    public PersistedStores {
        if (writeDelaySeconds < 1) {
            throw new IllegalArgumentException("write delay must be at least 1 s (0 would mean write-through)");
        }
        if (writeBatchSize < 1) {
            throw new IllegalArgumentException("write batch size must be at least 1");
        }
    }
}
